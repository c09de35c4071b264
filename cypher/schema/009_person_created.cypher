// The people list pages by (created_at, id); the index keeps the cursor walk cheap.
CREATE INDEX person_created IF NOT EXISTS FOR (p:Person) ON (p.created_at, p.id)
