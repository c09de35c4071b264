// Stores a new API token: its public id, name, role and the SHA-256 of its secret (never the secret).
CREATE (t:ApiToken {id: $id, name: $name, role: $role, hash: $hash,
                    created_at: $created_at, revoked: false})
RETURN t.id AS id
