// Keeps on each of these people what their edges reach, as keys, so the candidate query scores a
// door-opener by reading two properties instead of walking its ~20 edges (most of them matches,
// meetings and doors) to find the five it needs: `neighbour_keys` (every language, industry and
// field pointed at, and those above it, as 'language:ar', 'industry:86', 'field:0913', since
// industry and field codes overlap) and `municipality_keys` (home and work). Run by every writer
// of those edges (sign-up and its changes, the import) in the transaction that wrote them;
// erasure keeps the edges and so the keys; migration 052 writes them where missing.
UNWIND $ids AS id
MATCH (p:Person {id: id})
SET p.neighbour_keys = COLLECT {
      MATCH (p)-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]->()-[:PART_OF*0..2]->(n)
      WITH DISTINCT n
      RETURN CASE WHEN n:Language THEN 'language:' WHEN n:Industry THEN 'industry:'
                  ELSE 'field:' END + n.key AS key
      ORDER BY key },
    p.municipality_keys = COLLECT {
      MATCH (p)-[:LIVES_IN|WORKS_IN]->(m:Municipality) RETURN DISTINCT m.key AS key ORDER BY key }
