// Matches asked "did you meet?" a while ago that still have no meeting and no reminder.
MATCH (f:MatchFlow)
WHERE f.met_asked_at <= $before AND f.met_reminded_at IS NULL
MATCH ()-[m:MATCHED {id: f.match_id}]->()
WHERE m.status IN ['proposed', 'accepted']
RETURN m.id AS id
ORDER BY f.met_asked_at, m.id
LIMIT $limit
