// Open matches whose meeting time has passed (the agreed time, else the suggested one; with no
// time ever known, a while after the links were mailed) and that were never asked "did you
// meet?". Only matches that entered self-service (links mailed) are asked.
MATCH (f:MatchFlow)
WHERE f.links_sent_at IS NOT NULL AND f.met_asked_at IS NULL
MATCH ()-[m:MATCHED {id: f.match_id}]->()
WHERE m.status IN ['proposed', 'accepted']
  AND (coalesce(f.agreed_time, f.proposed_time, m.suggested_time) <= $now
       OR (coalesce(f.agreed_time, f.proposed_time, m.suggested_time) IS NULL
           AND f.links_sent_at <= $unscheduled_before))
RETURN m.id AS id
ORDER BY m.id
LIMIT $limit
