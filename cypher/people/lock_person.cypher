// Takes the person's write lock first in a transaction, so concurrent writers touching the same
// person (capacity, doors) run one after the other. Returns whether the person exists.
MATCH (p:Person {id: $id})
SET p._lock = coalesce(p._lock, 0) + 1
RETURN p.id AS id, p.active AS active, coalesce(p.erased, false) AS erased
