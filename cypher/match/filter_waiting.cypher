// Of the given ids, those of waiting participants (active, not erased, no open match), by id;
// looked up by id so a batch over a few named participants does not scan them all.
UNWIND $ids AS pid
MATCH (p:Person:Participant {id: pid})
WHERE p.active AND NOT coalesce(p.erased, false)
  AND NOT EXISTS { (p)-[o:MATCHED]->() WHERE o.status IN ['proposed', 'accepted'] }
RETURN DISTINCT p.id AS id
ORDER BY id
