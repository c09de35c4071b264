// Invitations mailed a while ago and neither answered nor reminded yet.
MATCH (i:Invitation)
WHERE i.sent_at <= $before AND i.reminded_at IS NULL
RETURN i.id AS id
ORDER BY i.sent_at, i.id
LIMIT $limit
