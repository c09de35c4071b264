// The batch's shared neighbours, one row per neighbour and never per pair: for each neighbour
// that the participants in $participant_ids score on (a language other than Swedish, an industry
// and its section, an education field and the fields above it: the neighbours of
// find_candidates.cypher), its key and kind, the participants who have it, the door-openers who
// share it (connected to it or to an industry or field below it, as find_candidates.cypher walks
// them down from the top of each hierarchy) and its part of the score, weight / ln(1 + degree),
// computed here with the candidate query's own expression. A hub (English, 80 % of door-openers)
// is one row with one list, and the pairs are formed in numpy, so the query stays linear in
// people. Swedish is no row at all: it is scored for every door-opener (a sign-up rule) with the
// number of door-openers (batch_door_openers.cypher). A neighbour no door-opener shares is left
// out: it scores nothing.
UNWIND $participant_ids AS participant_id
MATCH (p:Person {id: participant_id})
CALL (p) {
  MATCH (p)-[:SPEAKS]->(n:Language) WHERE n.key <> 'sv' RETURN n
  UNION
  MATCH (p)-[:IN_INDUSTRY]->(n:Industry) RETURN n
  UNION
  MATCH (p)-[:IN_INDUSTRY]->(:Industry)-[:PART_OF]->(n:Industry) RETURN n
  UNION
  MATCH (p)-[:EDUCATED_IN]->(n:Field) RETURN n
  UNION
  MATCH (p)-[:EDUCATED_IN]->(:Field)-[:PART_OF*1..2]->(n:Field) RETURN n
}
WITH n, collect(p.id) AS participants
CALL (n) {
  MATCH (n)<-[:PART_OF*0..2]-(leaf)<-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]-(d:DoorOpener)
  RETURN count(DISTINCT d) AS degree, collect(DISTINCT d.id) AS door_openers
}
WITH n, participants, degree, door_openers,
     CASE WHEN n:Language THEN 'language'
          WHEN n:Division THEN 'industry_division'
          WHEN n:Section THEN 'industry_section'
          ELSE 'field_' + n.level END AS kind
WHERE degree > 0
RETURN n.key AS key, kind, $weights[kind] / log(1 + degree) AS term, participants, door_openers
ORDER BY kind, key
