// Each person's `neighbour_keys` and `municipality_keys` (what their edges reach, as keys: the
// candidate query scores a door-opener from them without walking its edges), for people written
// before save_person kept them; as save_person writes them. Costs one scan of the people at
// later start-ups.
MATCH (p:Person)
WHERE p.neighbour_keys IS NULL OR p.municipality_keys IS NULL
SET p.neighbour_keys = COLLECT {
      MATCH (p)-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]->()-[:PART_OF*0..2]->(n)
      WITH DISTINCT n
      RETURN CASE WHEN n:Language THEN 'language:' WHEN n:Industry THEN 'industry:'
                  ELSE 'field:' END + n.key AS key
      ORDER BY key },
    p.municipality_keys = COLLECT {
      MATCH (p)-[:LIVES_IN|WORKS_IN]->(m:Municipality) RETURN DISTINCT m.key AS key ORDER BY key }
