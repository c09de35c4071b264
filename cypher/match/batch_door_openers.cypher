// The door-openers the batch may assign, by id, with the candidate query's own rules that depend
// on the door-opener alone: active, not erased, and fewer open matches than max_active_matches
// (the same expressions, so a null is refused the same way); with their meeting modes and
// municipalities (for the rules and nearness that depend on the pair) and the room they have
// left. `swedish` is Swedish's part of the score, weight / ln(1 + all door-openers), the same on
// every row: every door-opener speaks Swedish (a sign-up rule), so it is never walked.
CALL () { MATCH (x:DoorOpener) RETURN count(x) AS door_openers }
MATCH (d:DoorOpener)
WITH d, door_openers,
     COUNT { (d)<-[o:MATCHED]-() WHERE o.status IN ['proposed', 'accepted'] } AS open_matches
WHERE d.id IS NOT NULL AND d.active AND NOT coalesce(d.erased, false)
  AND open_matches < d.max_active_matches
RETURN d.id AS id, d.meeting_modes AS meeting_modes,
       d.max_active_matches - open_matches AS capacity_left,
       [(d)-[:LIVES_IN|WORKS_IN]->(m:Municipality) | m.key] AS places,
       $weights.language / log(1 + door_openers) AS swedish
ORDER BY id
