// Records a match's meeting: a MET edge participant→door-opener with the match's generation, and
// the match becomes `met`, which frees the door-opener's capacity (open = proposed|accepted).
// The caller holds both people's locks and has seen no meeting for this match.
MATCH (p:Person)-[m:MATCHED {id: $match_id}]->(d:Person)
CREATE (p)-[met:MET {id: $id, match_id: m.id, held_at: $held_at, mode: $mode,
                     generation: m.generation, recorded_at: $recorded_at}]->(d)
SET m.status = 'met'
RETURN met {.id, .match_id, .held_at, .mode, .generation,
            participant_id: p.id, door_opener_id: d.id} AS meeting
