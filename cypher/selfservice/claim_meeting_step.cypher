// Claims one once-only step of a meeting's flow (contacts mail, follow-up mail, doors reminder):
// set only when not set yet, under the record's lock, and returned only to the caller that set it.
// `$release` gives the step back (sets it to null) when its mail could not be sent.
MERGE (f:MeetingFlow {meeting_id: $meeting_id})
SET f._lock = randomUUID()
WITH f
WHERE f[$step] IS NULL OR $release
SET f += $props
RETURN f.meeting_id AS meeting_id
