// Marks the address as confirmed; the first confirmation time is kept if it is confirmed again.
MATCH (s:SignUp {person_id: $person_id})
SET s.confirmed_at = coalesce(s.confirmed_at, $at)
RETURN s.confirmed_at AS confirmed_at
