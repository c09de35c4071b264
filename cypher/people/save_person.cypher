// Writes people whole (create or full rewrite), one row each: properties, role labels and the
// edges to reference data, in one statement so nobody is half-written. Sign-up passes one row;
// the importer passes batches. Returns the ids written.
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
SET p += row.props,
    // The times may come as ISO 8601 text (the importer sends them so: the driver's own
    // conversion of a Python datetime costs more than the write) or as temporal values.
    p.created_at = datetime(row.props.created_at),
    p.consent_at = datetime(row.props.consent_at),
    p.signed_up_at = date(row.props.signed_up_at)
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
// Places carry the unique index on :Place(key); naming that label turns a scan of all 290
// municipalities per row into an index seek (found by the import benchmark).
CALL (p, row) { MATCH (n:Place:Municipality {key: row.home_place}) MERGE (p)-[:LIVES_IN]->(n) }
CALL (p, row) { MATCH (n:Place:Municipality {key: row.work_place}) MERGE (p)-[:WORKS_IN]->(n) }
RETURN p.id AS id
