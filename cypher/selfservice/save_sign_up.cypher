// Notes that a self-service sign-up waits for its address to be confirmed (or that the mail was
// sent again). Holds ids and times only; the person's data is on the Person node.
MERGE (s:SignUp {person_id: $person_id})
ON CREATE SET s.created_at = $at
SET s.sent_at = $at, s.lang = $lang
RETURN s.person_id AS person_id
