// A match with its two people and the meeting already recorded for it (null when none). Run
// after both people's locks are taken, so a meeting recorded concurrently is seen here and the
// same meeting is never recorded twice.
MATCH (p:Person)-[m:MATCHED {id: $match_id}]->(d:Person)
RETURN m.id AS match_id, m.status AS status, m.generation AS generation,
       p.id AS participant_id, d.id AS door_opener_id,
       coalesce(p.erased, false) AS participant_erased,
       coalesce(d.erased, false) AS door_opener_erased,
       COLLECT {
         MATCH (p)-[met:MET {match_id: $match_id}]->(d)
         RETURN met {.id, .match_id, .held_at, .mode, .generation,
                     participant_id: p.id, door_opener_id: d.id}
       }[0] AS meeting
