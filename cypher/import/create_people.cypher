// Creates people the import has checked are new (nobody holds their id or e-mail), written as
// `people/save_person` writes them: the same properties, role labels and edges to reference data,
// and each reached language's, industry's and field's `door_openers` count raised (the stored keys
// follow in `people/keep_neighbour_keys`, as after save_person). Shaped for a first load: CREATE
// where save_person must MERGE and delete (nothing is there to find), each reference list matched
// through its index in one look-up, and every count written once for the whole batch instead of
// once per door-opener who reaches it (a batch of a thousand raises Swedish a few hundred times). A
// person written meanwhile under the same id or e-mail fails the batch on the uniqueness
// constraint; importing the file again then skips them.
UNWIND $rows AS row
CREATE (p:Person {id: row.id})
SET p += row.props,
    p.created_at = datetime(row.props.created_at),
    p.consent_at = datetime(row.props.consent_at),
    p.signed_up_at = date(row.props.signed_up_at)
FOREACH (_ IN CASE WHEN 'door_opener' IN row.roles THEN [1] ELSE [] END | SET p:DoorOpener)
FOREACH (_ IN CASE WHEN 'participant' IN row.roles THEN [1] ELSE [] END | SET p:Participant)
WITH p, row
CALL (p, row) {
  MATCH (n:Language) WHERE n.key IN row.languages CREATE (p)-[:SPEAKS]->(n)
}
CALL (p, row) {
  MATCH (n:Industry) WHERE n.key IN row.industries CREATE (p)-[:IN_INDUSTRY]->(n)
}
CALL (p, row) {
  MATCH (n:Field) WHERE n.key IN row.fields CREATE (p)-[:EDUCATED_IN]->(n)
}
CALL (p, row) { MATCH (n:Place:Municipality {key: row.home_place}) CREATE (p)-[:LIVES_IN]->(n) }
CALL (p, row) { MATCH (n:Place:Municipality {key: row.work_place}) CREATE (p)-[:WORKS_IN]->(n) }
WITH p WHERE p:DoorOpener
MATCH (p)-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]->()-[:PART_OF*0..2]->(n)
WITH DISTINCT p, n
WITH n, count(p) AS change
// One order for every writer of the counts, so concurrent writers do not deadlock.
ORDER BY elementId(n)
SET n.door_openers = coalesce(n.door_openers, 0) + change
