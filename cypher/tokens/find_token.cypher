// The token with this public id, for verifying a request's bearer secret.
MATCH (t:ApiToken {id: $id})
RETURN t.id AS id, t.name AS name, t.role AS role, t.hash AS hash, t.revoked AS revoked
