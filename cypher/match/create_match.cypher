// Creates one match, participant → door-opener, and takes the participant off the rematch queue
// (a new match means they are no longer waiting). The caller holds both people's locks and has
// checked the rules. Returns the match id.
MATCH (p:Person {id: $participant_id})
MATCH (d:Person {id: $door_opener_id})
CREATE (p)-[m:MATCHED {
  id: $id, status: 'proposed', score: $score, suggested_time: $suggested_time,
  duration_minutes: $duration_minutes, mode: $mode, created_at: $created_at,
  generation: $generation, notification: 'pending', relay: $relay
}]->(d)
SET p.rematch_since = null
RETURN m.id AS id
