// After importing history, the rematch queue must say what the history says: a participant whose
// latest meeting without doors has no match made after it waits for a rematch (since then, or
// since an earlier place in the queue); one matched since is taken off, as a new match would.
// The subqueries walk from the bound participant (no label on the far end), whatever the plan.
// `replan=force`: an import runs each look-up a few times, just after writing thousands of
// edges; a plan cached while there were none would scan where it should seek (minutes, not ms).
CYPHER replan=force
UNWIND $ids AS id
MATCH (p:Person:Participant {id: id}) USING INDEX SEEK p:Person(id)
WITH p, COLLECT { MATCH (p)-[met:MET]->() WHERE met.no_doors_at IS NOT NULL
                  RETURN met.no_doors_at ORDER BY met.no_doors_at DESC LIMIT 1 }[0] AS last
WITH p, last WHERE last IS NOT NULL
SET p.rematch_since = CASE
      WHEN EXISTS { (p)-[m:MATCHED]->() WHERE m.created_at > last } THEN null
      ELSE coalesce(p.rematch_since, last) END
RETURN count(p) AS refreshed
