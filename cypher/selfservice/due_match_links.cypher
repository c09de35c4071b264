// Matches proposed recently (staff or batch, through the API) whose people have not yet had
// the self-service mail with the answer links; only those made since `$since`, so imported
// history never mails anybody.
MATCH ()-[m:MATCHED]->()
WHERE m.status = 'proposed' AND m.created_at >= $since
  AND NOT EXISTS { MATCH (f:MatchFlow {match_id: m.id}) WHERE f.links_sent_at IS NOT NULL }
RETURN m.id AS id
ORDER BY m.created_at, m.id
LIMIT $limit
