// Doors held under the given ids, and doors already opened to the given (for id, contact id)
// pairs, so an import skips doors it holds and refuses to introduce the same contact twice.
// The hints keep the look-ups on their indexes even with a plan made while there were no doors.
// `replan=force`: an import runs each look-up a few times, just after writing thousands of
// edges; a plan cached while there were none would scan where it should seek (minutes, not ms).
CYPHER replan=force
CALL () {
  UNWIND $ids AS id
  MATCH (:Person)-[o:OPENED_DOOR {id: id}]->(c:Person) USING INDEX SEEK o:OPENED_DOOR(id)
  RETURN o, c
  UNION
  UNWIND $pairs AS pair
  MATCH (c:Person {id: pair[1]}) USING INDEX SEEK c:Person(id)
  MATCH ()-[o:OPENED_DOOR]->(c)
  WHERE o.for_id = pair[0]
  RETURN o, c
}
RETURN o.id AS id, o.for_id AS for_id, c.id AS to_id
