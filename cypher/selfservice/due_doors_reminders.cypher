// Meetings whose door-opener got the contacts link a while ago and has neither named anyone,
// opened a door, nor said there is no door to open; not yet reminded.
MATCH (f:MeetingFlow)
WHERE f.contacts_sent_at <= $before AND f.doors_reminded_at IS NULL
MATCH ()-[met:MET {id: f.meeting_id}]->(d:Person)
WHERE met.no_doors_at IS NULL
  AND NOT EXISTS { MATCH (d)-[o:OPENED_DOOR {meeting_id: met.id}]->(:Person)
                   WHERE o.opened_by = 'door_opener' }
  AND NOT EXISTS { MATCH (i:Invitation {meeting_id: met.id}) }
  AND f.contacts_named_at IS NULL
RETURN met.id AS id
ORDER BY f.contacts_sent_at, met.id
LIMIT $limit
