// Imported doors: an OPENED_DOOR edge from the opener to the contact per row, with the
// properties the relay service writes (for_id, meeting_id, generation, at, opened_by, match_id).
// Both people are looked up by id with a hint, so the constraint's index is used whatever the
// statistics said when the plan was cached.
UNWIND $rows AS row
MATCH (a:Person {id: row.from_id}) USING INDEX SEEK a:Person(id)
MATCH (b:Person {id: row.to_id}) USING INDEX SEEK b:Person(id)
MERGE (a)-[o:OPENED_DOOR {id: row.id}]->(b)
ON CREATE SET o += row.props, o.at = datetime(row.at), o.imported_at = datetime(row.imported_at)
RETURN count(o) AS written
