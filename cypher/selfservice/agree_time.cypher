// Writes the time both people of a match agreed: on its self-service record and as the match's
// `suggested_time`, so the match JSON, its calendar invitation and the busy hours new proposals
// are checked against all see it. The two people are locked first, in the global order every
// transaction takes (ascending id, as people/lock_people), so a proposal for either never reads
// their busy hours half-way and the two can never wait on each other crosswise. Each lock writes
// a fresh value rather than reading the property it writes (see people/lock_people).
// `time_revision` counts the changes, for the calendar's SEQUENCE. Returns the whole record.
MATCH (p:Person)-[m:MATCHED {id: $match_id}]->(d:Person)
WITH m, CASE WHEN p.id < d.id THEN [p, d] ELSE [d, p] END AS people
FOREACH (person IN people | SET person._lock = randomUUID())
SET m.suggested_time = $at
MERGE (f:MatchFlow {match_id: $match_id})
SET f._lock = randomUUID()
SET f.agreed_time = $at, f.time_revision = coalesce(f.time_revision, 0) + 1
RETURN f {.*} AS flow
