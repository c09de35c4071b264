// Which of the given people are already in the relay tree of `$for_id`: matched with or met by
// them (either direction), or introduced to them through an earlier door. A door to such a person
// would introduce nobody new (and a relay match would repeat a pair), so the caller refuses it.
MATCH (f:Person {id: $for_id})
UNWIND $ids AS contact_id
MATCH (c:Person {id: contact_id})
WHERE EXISTS { (f)-[:MATCHED|MET]-(c) }
   OR EXISTS { (:Person)-[o:OPENED_DOOR]->(c) WHERE o.for_id = $for_id }
RETURN c.id AS id
