// Records that one schema file has been applied (idempotent), so `db migrate` can say what ran.
MERGE (m:Migration {name: $name})
ON CREATE SET m.applied_at = datetime()
RETURN m.name AS name, m.applied_at AS applied_at
