// Writes part of a meeting's self-service record (e.g. when contacts were named); returns it.
MERGE (f:MeetingFlow {meeting_id: $meeting_id})
SET f._lock = randomUUID()
SET f += $props
RETURN f {.*} AS flow
