// The relay trees of the participants the filters keep who had a meeting in the period, as the
// raw edges they are walked from: the participant's id, the months (Stockholm time, read from
// the period's month table: `graphsvc.reporting.months`) in which they met someone in the
// period, everyone they were matched with or met, and the doors opened *for them* (`for_id`,
// one index seek), each as the contact followed by every opener of a door to that contact for
// this participant, earliest door first (by time, then id: the first is the contact's parent in
// the tree). `graphsvc.reporting.trees` walks each tree from these, with the same rules as
// `relay/participant_network` (at most 32 doors from a first contact). A variable-length walk
// here instead read every door of every person on the way, whoever it was opened for, and
// walked each subtree again from each of its members.
// The months and the first contacts come from one expansion of the participant's edges (each
// expansion reads the whole chain of a person's edges), and ends are not checked for `:Person`:
// every writer of MATCHED, MET and OPENED_DOOR links two people, and erasure keeps the label.
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
  MATCH (p)-[r:MATCHED|MET]->(x)
  RETURN collect(DISTINCT CASE WHEN type(r) = 'MET' AND r.held_at >= start AND r.held_at < stop
                               THEN $months[$month_of_hour[(r.held_at.epochSeconds - $first_hour)
                                                           / 3600]] END) AS months,
         collect(DISTINCT x) AS firsts
}
WITH p, months, firsts WHERE size(months) > 0
RETURN p.id AS root,
       months,
       [first IN firsts | first.id] AS firsts,
       COLLECT {
         MATCH (opener)-[o:OPENED_DOOR]->(contact)
         WHERE o.for_id = p.id
         WITH contact, opener ORDER BY o.at, o.id
         WITH contact, collect(opener.id) AS openers
         RETURN [contact.id] + openers
       } AS doors
