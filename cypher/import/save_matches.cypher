// Imported matches: a MATCHED edge participant → door-opener per row, created once (MERGE on the
// kept id, so a re-import changes nothing). The properties are those the matching service writes;
// a historical match carries its own created_at and status. Times come as ISO 8601 text and are
// parsed here: the driver's own conversion of a Python datetime costs more than the whole write.
// Returns how many rows were written.
UNWIND $rows AS row
MATCH (p:Person {id: row.participant_id}) USING INDEX SEEK p:Person(id)
MATCH (d:Person {id: row.door_opener_id}) USING INDEX SEEK d:Person(id)
MERGE (p)-[m:MATCHED {id: row.id}]->(d)
ON CREATE SET m += row.props,
              m.created_at = datetime(row.created_at),
              m.suggested_time = datetime(row.suggested_time),
              m.imported_at = datetime(row.imported_at)
RETURN count(m) AS written
