// Every token (without its hash), oldest first, for `graphsvc token list`.
MATCH (t:ApiToken)
RETURN t.id AS id, t.name AS name, t.role AS role, t.created_at AS created_at, t.revoked AS revoked
ORDER BY t.created_at, t.id
