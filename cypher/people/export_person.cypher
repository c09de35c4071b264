// Everything held on one person for a subject access request: their matches, meetings and doors
// in either direction (the profile itself comes from get_people). Other people appear by id only.
MATCH (p:Person {id: $id})
RETURN
  COLLECT { MATCH (p)-[m:MATCHED]-(o:Person)
            RETURN m {.*, other_id: o.id, as: CASE WHEN startNode(m) = p THEN 'participant'
                                                   ELSE 'door_opener' END}
            ORDER BY m.created_at } AS matches,
  COLLECT { MATCH (p)-[m:MET]-(o:Person)
            RETURN m {.*, other_id: o.id, as: CASE WHEN startNode(m) = p THEN 'participant'
                                                   ELSE 'door_opener' END}
            ORDER BY m.held_at } AS meetings,
  COLLECT { MATCH (a:Person)-[d:OPENED_DOOR]->(b:Person)
            WHERE a = p OR b = p OR d.for_id = p.id
            RETURN d {.*, from_id: a.id, to_id: b.id}
            ORDER BY d.at } AS doors
