// People by id, in the order given, each with roles and reference keys gathered from their edges.
UNWIND range(0, size($ids) - 1) AS i
MATCH (p:Person {id: $ids[i]})
RETURN p {
  .*,
  roles: [r IN [['door_opener', p:DoorOpener], ['participant', p:Participant]] WHERE r[1] | r[0]],
  languages: COLLECT { MATCH (p)-[:SPEAKS]->(n:Language) RETURN n.key ORDER BY n.key },
  industries: COLLECT { MATCH (p)-[:IN_INDUSTRY]->(n:Industry) RETURN n.key ORDER BY n.key },
  fields: COLLECT { MATCH (p)-[:EDUCATED_IN]->(n:Field) RETURN n.key ORDER BY n.key },
  home_place: COLLECT { MATCH (p)-[:LIVES_IN]->(n:Municipality) RETURN n.key }[0],
  work_place: COLLECT { MATCH (p)-[:WORKS_IN]->(n:Municipality) RETURN n.key }[0]
} AS person
ORDER BY i
