// Imported meetings: a MET edge per row with the match's generation, as recording a meeting
// writes it, and the match becomes `met`. A meeting that ended without doors keeps its reason
// and `no_doors_at`, as the no-doors endpoint leaves them. MERGE on the kept id: idempotent.
// Times come as ISO 8601 text (cheaper to send than driver datetimes) and are parsed here.
UNWIND $rows AS row
MATCH (p:Person)-[m:MATCHED {id: row.match_id}]->(d:Person) USING INDEX SEEK m:MATCHED(id)
MERGE (p)-[met:MET {id: row.id}]->(d)
ON CREATE SET met.match_id = m.id, met.generation = m.generation, met += row.props,
              met.held_at = datetime(row.held_at),
              met.recorded_at = datetime(row.recorded_at),
              met.no_doors_at = datetime(row.no_doors_at)
SET m.status = 'met'
RETURN count(met) AS written
