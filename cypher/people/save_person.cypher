// Writes people whole (create or full rewrite), one row each: properties, role labels and the
// edges to reference data, in one statement so nobody is half-written. Sign-up passes one row;
// the importer passes batches. Returns the ids written.
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
SET p += row.props
REMOVE p:DoorOpener:Participant
FOREACH (_ IN CASE WHEN 'door_opener' IN row.roles THEN [1] ELSE [] END | SET p:DoorOpener)
FOREACH (_ IN CASE WHEN 'participant' IN row.roles THEN [1] ELSE [] END | SET p:Participant)
WITH p, row
CALL (p) {
  MATCH (p)-[r:SPEAKS|IN_INDUSTRY|EDUCATED_IN|LIVES_IN|WORKS_IN]->()
  DELETE r
}
CALL (p, row) {
  UNWIND row.languages AS k MATCH (n:Language {key: k}) MERGE (p)-[:SPEAKS]->(n)
}
CALL (p, row) {
  UNWIND row.industries AS k MATCH (n:Industry {key: k}) MERGE (p)-[:IN_INDUSTRY]->(n)
}
CALL (p, row) {
  UNWIND row.fields AS k MATCH (n:Field {key: k}) MERGE (p)-[:EDUCATED_IN]->(n)
}
CALL (p, row) { MATCH (n:Municipality {key: row.home_place}) MERGE (p)-[:LIVES_IN]->(n) }
CALL (p, row) { MATCH (n:Municipality {key: row.work_place}) MERGE (p)-[:WORKS_IN]->(n) }
RETURN p.id AS id
