// Writes the time both people of a match agreed: on its self-service record and as the match's
// `suggested_time`, so the match JSON, its calendar invitation and the busy hours new proposals
// are checked against all see it. The two people are locked first, door-opener then participant
// (the order proposals take), so a proposal for either never reads their busy hours half-way.
// `time_revision` counts the changes, for the calendar's SEQUENCE. Returns the whole record.
MATCH (p:Person)-[m:MATCHED {id: $match_id}]->(d:Person)
SET d._lock = coalesce(d._lock, 0) + 1
SET p._lock = coalesce(p._lock, 0) + 1
SET m.suggested_time = $at
MERGE (f:MatchFlow {match_id: $match_id})
SET f._lock = coalesce(f._lock, 0) + 1
SET f.agreed_time = $at, f.time_revision = coalesce(f.time_revision, 0) + 1
RETURN f {.*} AS flow
