// Meetings recorded recently (by staff through the API, or by a link) whose door-opener has not
// yet been mailed the contacts link; only those recorded since `$since`, so history stays quiet.
MATCH ()-[met:MET]->()
WHERE coalesce(met.recorded_at, met.held_at) >= $since
  AND NOT EXISTS { MATCH (f:MeetingFlow {meeting_id: met.id}) WHERE f.contacts_sent_at IS NOT NULL }
RETURN met.id AS id
ORDER BY met.id
LIMIT $limit
