// Claims a once-only step of a sign-up (the reminder): set only when not set yet, under the
// record's lock, and returned only to the caller that set it.
// `$release` gives the step back (sets it to null) when its mail could not be sent.
MATCH (s:SignUp {person_id: $person_id})
SET s._lock = randomUUID()
WITH s
WHERE s[$step] IS NULL OR $release
SET s += $props
RETURN s.person_id AS person_id
