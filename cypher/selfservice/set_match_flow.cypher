// Writes part of a match's self-service record (an answer, a proposed or agreed time) and returns
// the whole record. The lock property is written first, so two people answering at the same
// moment are serialised and the second sees the first one's answer.
MERGE (f:MatchFlow {match_id: $match_id})
SET f._lock = randomUUID()
SET f += $props
RETURN f {.*} AS flow
