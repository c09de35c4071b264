// The rematch queue is read oldest first; an index on rematch_since keeps it cheap and serves the
// IS NOT NULL filter (most people are never queued).
CREATE INDEX person_rematch_since IF NOT EXISTS FOR (p:Person) ON (p.rematch_since)
