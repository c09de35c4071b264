// Matches held under the given ids, or between the given (participant id, door-opener id) pairs,
// with the meeting recorded for each (null when none): an import skips a match it already holds,
// refuses a second match of a pair, and checks meetings and relay doors against their match.
// `replan=force`: an import runs each look-up a few times, just after writing thousands of
// edges; a plan cached while there were none would scan where it should seek (minutes, not ms).
CYPHER replan=force
CALL () {
  UNWIND $ids AS id
  MATCH (p:Person)-[m:MATCHED {id: id}]->(d:Person) USING INDEX SEEK m:MATCHED(id)
  RETURN p, m, d
  UNION
  UNWIND $pairs AS pair
  MATCH (p:Person {id: pair[0]})-[m:MATCHED]->(d:Person {id: pair[1]})
  USING INDEX SEEK p:Person(id) USING INDEX SEEK d:Person(id)
  RETURN p, m, d
}
RETURN m.id AS id, p.id AS participant_id, d.id AS door_opener_id, m.status AS status,
       m.generation AS generation, m.created_at AS created_at,
       COLLECT { MATCH ()-[met:MET {match_id: m.id}]->() USING INDEX SEEK met:MET(match_id)
                 RETURN met.id }[0] AS meeting_id
