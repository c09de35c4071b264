// A match as the self-service pages need it: status, time, generation, the two people, the
// meeting recorded for it (if any) and the self-service record (answers, agreed time, mails).
MATCH (p:Person)-[m:MATCHED {id: $match_id}]->(d:Person)
OPTIONAL MATCH (f:MatchFlow {match_id: $match_id})
RETURN m.id AS match_id, m.status AS status, m.suggested_time AS suggested_time,
       m.mode AS mode, m.generation AS generation, m.created_at AS created_at,
       p.id AS participant_id, d.id AS door_opener_id,
       COLLECT { MATCH (p)-[met:MET {match_id: $match_id}]->(d) RETURN met.id }[0] AS meeting_id,
       coalesce(f {.*}, {}) AS flow
