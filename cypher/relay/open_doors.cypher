// Writes the doors of one request: an OPENED_DOOR edge from the opener to each contact, for the
// person they are opened for, one generation beyond the meeting. `match_id` is the relay match a
// door-opener's door made (null for the participant's doors), so stalled relays are found exactly.
MATCH (a:Person {id: $opener_id})
UNWIND $doors AS door
MATCH (b:Person {id: door.to_id})
CREATE (a)-[o:OPENED_DOOR {id: door.id, for_id: $for_id, meeting_id: $meeting_id,
                           generation: $generation, at: $at, opened_by: $opened_by,
                           match_id: door.match_id}]->(b)
RETURN o.id AS id, a.id AS from_id, b.id AS to_id, o.for_id AS for_id, o.generation AS generation
