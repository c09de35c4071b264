// Takes the meeting's self-service lock first in a transaction, so two namings of contacts for
// one meeting (the first mail and a reminder, clicked at once) are counted one after the other.
MATCH ()-[met:MET {id: $meeting_id}]->()
MERGE (f:MeetingFlow {meeting_id: $meeting_id})
SET f._lock = randomUUID()
RETURN met.id AS meeting_id
