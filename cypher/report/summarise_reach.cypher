// Reach over the participants the filters keep who had a meeting in the period: each one's
// reach.total as the network endpoint counts it, walking the tree the same way as
// `relay/participant_network` (everyone the participant was matched with or met, then along doors
// opened for the participant, at most 32 hops), summarised (mean, median, 90th percentile by
// linear interpolation, max), as a distribution, and as a mean per month over those who met
// that month. Reach is the tree as it stands now, like the network endpoint's. It also returns
// each tree as parent links (the opener of the first door to a member is its parent; people
// matched directly hang from the participant) for structural virality, a mean over all pairs of
// a tree that is computed in Python.
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
  RETURN collect(DISTINCT
           left(toString(datetime({datetime: m.held_at, timezone: 'Europe/Stockholm'})), 7))
         AS months
}
WITH p, months WHERE size(months) > 0
CALL (p) {
  OPTIONAL MATCH (p)-[:MATCHED|MET]->(first:Person)
  OPTIONAL MATCH (first)-[chain:OPENED_DOOR*0..32]->(member:Person)
  WHERE all(door IN chain WHERE door.for_id = p.id)
  WITH DISTINCT member
  WHERE member IS NOT NULL AND member <> p
  WITH member, COLLECT {
         MATCH (opener:Person)-[o:OPENED_DOOR]->(member)
         WHERE o.for_id = p.id
         RETURN opener.id ORDER BY o.at, o.id
       }[0] AS parent
  RETURN count(member) AS reach, collect([parent, member.id]) AS links
}
WITH collect({reach: reach, months: months, root: p.id, links: links}) AS trees
CALL (trees) {
  UNWIND trees AS t
  RETURN avg(t.reach) AS mean, percentileCont(t.reach, 0.5) AS median,
         percentileCont(t.reach, 0.9) AS p90, max(t.reach) AS max
}
CALL (trees) {
  UNWIND trees AS t
  WITH t.reach AS reach, count(*) AS participants ORDER BY reach
  RETURN collect({reach: reach, participants: participants}) AS distribution
}
CALL (trees) {
  UNWIND trees AS t
  UNWIND t.months AS month
  WITH month, avg(t.reach) AS mean_reach ORDER BY month
  RETURN collect({month: month, mean_reach: mean_reach}) AS months
}
RETURN mean, median, p90, max, distribution, months,
       [t IN trees | {root: t.root, links: t.links}] AS trees
