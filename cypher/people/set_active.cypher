// Deactivates or reactivates a person; an erased person can never be reactivated.
MATCH (p:Person {id: $id})
WHERE $active = false OR NOT coalesce(p.erased, false)
SET p.active = $active
RETURN p.id AS id
