// One meeting with what the door, no-doors and follow-up rules need: both people's state and the
// number of doors its door-opener has opened at it so far (the per-meeting limit). Read after the
// two people's locks, so the count includes doors committed a moment ago.
MATCH (p:Person)-[met:MET {id: $meeting_id}]->(d:Person)
RETURN met {.id, .match_id, .held_at, .mode, .generation,
            participant_id: p.id, door_opener_id: d.id} AS meeting,
       p.active AS participant_active,
       coalesce(p.erased, false) AS participant_erased,
       coalesce(d.erased, false) AS door_opener_erased,
       met.no_doors_at IS NOT NULL AS no_doors,
       COUNT {
         MATCH (d)-[o:OPENED_DOOR {meeting_id: $meeting_id}]->(:Person)
         WHERE o.opened_by = 'door_opener'
       } AS doors_by_door_opener
