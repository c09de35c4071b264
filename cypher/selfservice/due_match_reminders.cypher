// Matches still proposed a while after their answer links were mailed, not yet reminded, with
// who has answered, so only those who have not are reminded.
MATCH (f:MatchFlow)
WHERE f.links_sent_at <= $before AND f.reminded_at IS NULL
MATCH ()-[m:MATCHED {id: f.match_id}]->()
WHERE m.status = 'proposed'
RETURN m.id AS id
ORDER BY f.links_sent_at, m.id
LIMIT $limit
