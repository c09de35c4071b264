// What the contacts page of a meeting needs: the two people, whether the door-opener already
// opened doors or said there were none, and the invitations still waiting, so the per-meeting
// limit counts both doors and invitations.
MATCH (p:Person)-[met:MET {id: $meeting_id}]->(d:Person)
RETURN met.id AS meeting_id, met.match_id AS match_id, met.generation AS generation,
       p.id AS participant_id, d.id AS door_opener_id, met.no_doors_at IS NOT NULL AS no_doors,
       met.follow_up_at IS NOT NULL AS followed_up,
       COUNT { MATCH (d)-[o:OPENED_DOOR {meeting_id: $meeting_id}]->(:Person)
               WHERE o.opened_by = 'door_opener' } AS doors,
       COUNT { MATCH (i:Invitation {meeting_id: $meeting_id}) } AS invitations
