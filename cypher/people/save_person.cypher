// Writes people whole (create or full rewrite), one row each: properties, role labels and the
// edges to reference data, in one statement so nobody is half-written. Sign-up passes one row;
// the importer passes batches. Returns the ids written.
// It also keeps each language's, industry's and field's `door_openers` (how many door-openers
// point at it or below it: the rarity the candidate score divides by) current in the same
// transaction, by the difference between what the person reached before and after, so a count
// is never walked at read time; migration 050 counts those that have none.
// The stored neighbour and municipality keys follow in `keep_neighbour_keys`, run after it in the
// same transaction.
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
WITH p, row, p:DoorOpener AS was_door_opener,
     COLLECT { MATCH (p)-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]->()-[:PART_OF*0..2]->(n)
               RETURN DISTINCT n } AS reached_before
SET p += row.props,
    // The times may come as ISO 8601 text (the importer sends them so: the driver's own
    // conversion of a Python datetime costs more than the write) or as temporal values.
    p.created_at = datetime(row.props.created_at),
    p.consent_at = datetime(row.props.consent_at),
    p.signed_up_at = date(row.props.signed_up_at)
REMOVE p:DoorOpener:Participant
FOREACH (_ IN CASE WHEN 'door_opener' IN row.roles THEN [1] ELSE [] END | SET p:DoorOpener)
FOREACH (_ IN CASE WHEN 'participant' IN row.roles THEN [1] ELSE [] END | SET p:Participant)
WITH p, row, was_door_opener, reached_before
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
// Only the counts that change are written, in one order, so concurrent writers do not deadlock.
CALL (p, was_door_opener, reached_before) {
  WITH p, CASE WHEN was_door_opener THEN reached_before ELSE [] END AS before,
       CASE WHEN p:DoorOpener
            THEN COLLECT { MATCH (p)-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]->()-[:PART_OF*0..2]->(n)
                           RETURN DISTINCT n }
            ELSE [] END AS after
  UNWIND [n IN after WHERE NOT n IN before | {n: n, change: 1}]
         + [n IN before WHERE NOT n IN after | {n: n, change: -1}] AS counted
  WITH counted.n AS n, counted.change AS change
  ORDER BY elementId(n)
  SET n.door_openers = coalesce(n.door_openers, 0) + change
}
RETURN p.id AS id
