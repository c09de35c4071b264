// Matches by id, in the order given, each with the ids of its participant and door-opener;
// unknown ids are left out. The edge is found through the unique index on MATCHED.id.
UNWIND range(0, size($ids) - 1) AS i
MATCH (p:Person)-[m:MATCHED {id: $ids[i]}]->(d:Person)
RETURN m {.id, .status, .score, .suggested_time, .duration_minutes, .mode, .created_at,
          .generation, .notification, .relay} AS match,
       p.id AS participant_id, d.id AS door_opener_id
ORDER BY i
