// One page of the rematch queue: active participants with `rematch_since` set, longest waiting
// first (ties by id, so the cursor is stable), each with their latest meeting that ended without
// doors. A new match clears `rematch_since`, which takes the participant off the queue.
MATCH (p:Person:Participant)
WHERE p.rematch_since IS NOT NULL AND p.active = true AND NOT coalesce(p.erased, false)
  AND ($after_since IS NULL
       OR p.rematch_since > $after_since
       OR (p.rematch_since = $after_since AND p.id > $after_id))
WITH p ORDER BY p.rematch_since, p.id LIMIT $limit
RETURN p.id AS participant_id, p.rematch_since AS rematch_since,
       COLLECT {
         MATCH (p)-[met:MET]->(d:Person)
         WHERE met.no_doors_at IS NOT NULL
         RETURN {meeting_id: met.id, door_opener_id: d.id, reason: met.no_doors_reason}
         ORDER BY met.no_doors_at DESC LIMIT 1
       }[0] AS last
