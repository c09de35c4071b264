// Claims one once-only step of a match's flow (a mail sent, a reminder sent): sets `$step` only
// when it is not set yet, under the record's lock, and returns the match id only to the caller
// that set it. So an hourly run that overlaps another, or a retry, never mails twice.
// `$release` gives the step back (sets it to null) when its mail could not be sent.
MERGE (f:MatchFlow {match_id: $match_id})
SET f._lock = randomUUID()
WITH f
WHERE f[$step] IS NULL OR $release
SET f += $props
RETURN f.match_id AS match_id
