// Waiting participants, by id (so the batch is deterministic): active, not erased, and without an
// open match (proposed or accepted) as participant. These are the ones the batch assigns.
MATCH (p:Participant)
WHERE p.active AND NOT coalesce(p.erased, false)
  AND NOT EXISTS { (p)-[o:MATCHED]->() WHERE o.status IN ['proposed', 'accepted'] }
RETURN p.id AS id
ORDER BY id
