// Meetings held under the given ids, each with its match, both people, how many doors its
// door-opener has opened at it and whether it has a follow-up: what door and follow-up imports
// check against, in one round trip for a whole file. The door count walks from the bound
// door-opener (no label on the far end): with no doors yet, the planner would otherwise happily
// scan every person for each meeting.
// `replan=force`: an import runs each look-up a few times, just after writing thousands of
// edges; a plan cached while there were none would scan where it should seek (minutes, not ms).
CYPHER replan=force
UNWIND $ids AS id
MATCH (p:Person)-[met:MET {id: id}]->(d:Person) USING INDEX SEEK met:MET(id)
RETURN met.id AS id, met.match_id AS match_id, met.generation AS generation,
       met.held_at AS held_at, p.id AS participant_id, d.id AS door_opener_id,
       COUNT { MATCH (d)-[o:OPENED_DOOR]->()
               WHERE o.meeting_id = met.id AND o.opened_by = 'door_opener' } AS doors_by_door_opener,
       met.follow_up_outcome IS NOT NULL AS has_follow_up
