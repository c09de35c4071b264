// Reach over the participants the filters keep who had a meeting in the period, from their relay
// trees (`list_relay_trees`, walked in `graphsvc.reporting.trees`): each tree's reach is the
// network endpoint's reach.total, given as `$trees`, one {reach, months} per participant in the
// order the trees were listed. Summarised here (mean, median, 90th percentile by linear
// interpolation, max), as a distribution, and as a mean per month over those who met that
// month, so the figures are Cypher's own aggregations whichever way the trees were walked.
// Reach is the tree as it stands now, like the network endpoint's.
WITH $trees AS trees
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
RETURN mean, median, p90, max, distribution, months
