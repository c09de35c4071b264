// Sign-ups whose address is still unconfirmed a while after the mail, not reminded yet, and
// whose person still exists unerased.
MATCH (s:SignUp)
WHERE s.sent_at <= $before AND s.confirmed_at IS NULL AND s.reminded_at IS NULL
  AND EXISTS { MATCH (p:Person {id: s.person_id}) WHERE NOT coalesce(p.erased, false) }
RETURN s.person_id AS id
ORDER BY s.sent_at, s.person_id
LIMIT $limit
