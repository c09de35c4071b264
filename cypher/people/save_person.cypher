// Writes one person whole (create or full rewrite): properties, role labels and the edges to
// reference data, in one statement so a person is never half-written. Returns the id.
MERGE (p:Person {id: $id})
SET p += $props
REMOVE p:DoorOpener:Participant
FOREACH (_ IN CASE WHEN 'door_opener' IN $roles THEN [1] ELSE [] END | SET p:DoorOpener)
FOREACH (_ IN CASE WHEN 'participant' IN $roles THEN [1] ELSE [] END | SET p:Participant)
WITH p
CALL (p) {
  MATCH (p)-[r:SPEAKS|IN_INDUSTRY|EDUCATED_IN|LIVES_IN|WORKS_IN]->()
  DELETE r
}
CALL (p) { UNWIND $languages AS k MATCH (n:Language {key: k}) MERGE (p)-[:SPEAKS]->(n) }
CALL (p) { UNWIND $industries AS k MATCH (n:Industry {key: k}) MERGE (p)-[:IN_INDUSTRY]->(n) }
CALL (p) { UNWIND $fields AS k MATCH (n:Field {key: k}) MERGE (p)-[:EDUCATED_IN]->(n) }
CALL (p) { MATCH (n:Municipality {key: $home_place}) MERGE (p)-[:LIVES_IN]->(n) }
CALL (p) { MATCH (n:Municipality {key: $work_place}) MERGE (p)-[:WORKS_IN]->(n) }
RETURN p.id AS id
