// The relay trees of the participants the filters keep who had a meeting in the period, as the
// raw edges they are walked from: the participant's id, the months (Stockholm time, read from
// the period's month table: `graphsvc.reporting.months`) in which they met someone in the period, everyone they were matched with or met, and the doors opened
// *for them* (`for_id`, one index seek), each as the contact followed by every opener of a door
// to that contact for this participant, earliest door first (by time, then id: the first is the
// contact's parent in the tree). `graphsvc.reporting.trees` walks each tree from these, with the
// same rules as `relay/participant_network` (at most 32 doors from a first contact). A
// variable-length walk here instead read every door of every person on the way, whoever it was
// opened for, and walked each subtree again from each of its members.
// Rows come in the order of the participant label scan, which `summarise_reach` then averages in.
WITH datetime({date: $from, timezone: 'Europe/Stockholm'}) AS start,
     datetime({date: $to + duration({days: 1}), timezone: 'Europe/Stockholm'}) AS stop
MATCH (p:Participant)
WHERE ($industry IS NULL OR EXISTS {
        MATCH (p)-[:IN_INDUSTRY]->(i:Industry)
        WHERE i.key = $industry OR EXISTS { (i)-[:PART_OF]->(:Industry {key: $industry}) } })
  AND ($place IS NULL OR EXISTS {
        MATCH (p)-[:LIVES_IN]->(m:Municipality)
        WHERE m.key = $place OR EXISTS { (m)-[:IN]->(:County {key: $place}) } })
CALL (p, start, stop) {
  MATCH (p)-[m:MET]->()
  WHERE m.held_at >= start AND m.held_at < stop
  RETURN collect(DISTINCT $months[$month_of_hour[(m.held_at.epochSeconds - $first_hour) / 3600]])
         AS months
}
WITH p, months WHERE size(months) > 0
RETURN p.id AS root,
       months,
       COLLECT { MATCH (p)-[:MATCHED|MET]->(first:Person) RETURN DISTINCT first.id } AS firsts,
       COLLECT {
         MATCH (opener:Person)-[o:OPENED_DOOR]->(contact:Person)
         WHERE o.for_id = p.id
         WITH contact, opener ORDER BY o.at, o.id
         WITH contact, collect(opener.id) AS openers
         RETURN [contact.id] + openers
       } AS doors
