// Erases invitations nobody answered in time, and those whose door-opener or participant has
// been erased since: a name and address of someone who never consented are not kept.
MATCH (i:Invitation)
WHERE i.created_at <= $before
   OR EXISTS { MATCH (p:Person) WHERE p.id IN [i.from_id, i.for_id] AND p.erased = true }
DELETE i
RETURN count(*) AS erased
