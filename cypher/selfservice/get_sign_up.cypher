// A sign-up record with its person's activity, or nothing when there is no such sign-up.
MATCH (s:SignUp {person_id: $person_id})
OPTIONAL MATCH (p:Person {id: $person_id})
RETURN s {.*, person_exists: p IS NOT NULL, erased: coalesce(p.erased, false)} AS sign_up
