// Revokes a token by id or by name; revoked tokens stay for the record but open nothing.
MATCH (t:ApiToken)
WHERE t.id = $ref OR t.name = $ref
SET t.revoked = true, t.revoked_at = $at
RETURN t.id AS id
