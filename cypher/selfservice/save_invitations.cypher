// Stores the contacts a door-opener named, one invitation each: only name and address (nothing
// more before they consent), with ids of the meeting, the door-opener and the participant. Run
// after lock_meeting_flow in the same transaction: nothing is written when the doors already
// opened plus the invitations waiting plus these would pass `$max`, so the limit holds.
MATCH (p:Person)-[met:MET {id: $meeting_id}]->(d:Person)
MATCH (f:MeetingFlow {meeting_id: $meeting_id})
WITH p, d, f,
     COUNT { MATCH (d)-[o:OPENED_DOOR {meeting_id: $meeting_id}]->(:Person)
             WHERE o.opened_by = 'door_opener' } +
     COUNT { MATCH (i:Invitation {meeting_id: $meeting_id}) } AS used
WHERE used + size($rows) <= $max
SET f.contacts_named_at = coalesce(f.contacts_named_at, $at)
WITH p, d
UNWIND $rows AS row
CREATE (i:Invitation {id: row.id, name: row.name, email: row.email, email_norm: row.email_norm,
                      meeting_id: $meeting_id, from_id: d.id, for_id: p.id,
                      created_at: $at, sent_at: $at, lang: row.lang})
RETURN i.id AS id
