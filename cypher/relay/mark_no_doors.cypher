// The door-opener could not open doors: the reason stays on the meeting (free text, erased with
// either person) with `no_doors_at`, which is kept for good so reports can count rematches; the
// participant joins the rematch queue, keeping an earlier place. A repeated no-doors for the same
// meeting only replaces the reason: it does not queue a participant who has been matched since.
MATCH (p:Person)-[met:MET {id: $meeting_id}]->(d:Person)
WITH p, met, d, met.no_doors_at IS NULL AS first_time
SET met.no_doors_reason = $reason,
    met.no_doors_at = coalesce(met.no_doors_at, $at),
    p.rematch_since = CASE WHEN first_time THEN coalesce(p.rematch_since, $at)
                           ELSE p.rematch_since END
RETURN p.id AS participant_id, p.rematch_since AS rematch_since, met.id AS meeting_id,
       d.id AS door_opener_id, met.no_doors_reason AS reason
