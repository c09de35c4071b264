// Stalled relays: doors a door-opener opened before `$before` whose relay match is still open
// (proposed or accepted) with no meeting, oldest door first (ties by id, for a stable cursor), so
// staff can nudge them. Declined or cancelled relay matches are not stalled but ended.
MATCH (a:Person)-[o:OPENED_DOOR]->(c:Person)
WHERE o.at < $before AND o.match_id IS NOT NULL
  AND ($after_at IS NULL OR o.at > $after_at OR (o.at = $after_at AND o.id > $after_id))
MATCH (p:Person {id: o.for_id})-[m:MATCHED {id: o.match_id}]->(c)
WHERE m.status IN ['proposed', 'accepted'] AND NOT EXISTS { (p)-[:MET {match_id: m.id}]->(c) }
RETURN o.id AS door_id, o.at AS opened_at, o.generation AS generation, a.id AS opener_id,
       m.id AS match_id, m.status AS match_status, p.id AS participant_id, c.id AS contact_id
ORDER BY o.at, o.id
LIMIT $limit
