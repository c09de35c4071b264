// The staff's waiting list: everything the relay is waiting on a person for, oldest first.
//   sign_up    an address not confirmed yet            (since the sign-up)
//   invitation a named contact who has not answered    (since the invitation)
//   match      a proposed match not answered           (since it was made; time not yet come)
//   meeting    an open match whose time has passed without a recorded meeting (since the time)
//   doors      a meeting whose door-opener has not named contacts (since the contacts mail)
// `waiting_for` says whose move it is; `$id` picks one item (is it still waiting?). Paged by (since, id). It scans open matches, which stay
// few next to the people and meetings (they close within weeks), so no status index is needed.
CALL () {
  MATCH (s:SignUp) WHERE s.confirmed_at IS NULL
  MATCH (p:Person {id: s.person_id}) WHERE NOT coalesce(p.erased, false)
  RETURN 'sign_up' AS kind, s.person_id AS id, s.created_at AS since,
         s.reminded_at AS reminded_at, null AS participant_id, null AS door_opener_id,
         s.person_id AS person_id, null AS invitee_name, null AS invitee_email,
         ['person'] AS waiting_for
  UNION ALL
  MATCH (i:Invitation)
  RETURN 'invitation' AS kind, i.id AS id, i.created_at AS since, i.reminded_at AS reminded_at,
         i.for_id AS participant_id, i.from_id AS door_opener_id, null AS person_id,
         i.name AS invitee_name, i.email AS invitee_email, ['invitee'] AS waiting_for
  UNION ALL
  MATCH (p:Person)-[m:MATCHED]->(d:Person)
  WHERE m.status IN ['proposed', 'accepted']
  OPTIONAL MATCH (f:MatchFlow {match_id: m.id})
  WITH p, m, d, f, coalesce(f.agreed_time, f.proposed_time, m.suggested_time) AS at
  WHERE m.status = 'proposed' OR at <= $now
  WITH p, m, d, f, at, at IS NOT NULL AND at <= $now AS time_passed
  RETURN CASE WHEN time_passed THEN 'meeting' ELSE 'match' END AS kind, m.id AS id,
         CASE WHEN time_passed THEN at ELSE m.created_at END AS since,
         CASE WHEN time_passed THEN f.met_reminded_at ELSE f.reminded_at END AS reminded_at,
         p.id AS participant_id, d.id AS door_opener_id, null AS person_id,
         null AS invitee_name, null AS invitee_email,
         CASE WHEN time_passed THEN ['participant', 'door_opener']
              ELSE [r IN [['participant', f.participant_answer],
                          ['door_opener', f.door_opener_answer]]
                    WHERE r[1] IS NULL OR r[1] <> 'accept' | r[0]] END AS waiting_for
  UNION ALL
  MATCH (f:MeetingFlow) WHERE f.contacts_sent_at IS NOT NULL AND f.contacts_named_at IS NULL
  MATCH (p:Person)-[met:MET {id: f.meeting_id}]->(d:Person)
  WHERE met.no_doors_at IS NULL
    AND NOT EXISTS { MATCH (d)-[o:OPENED_DOOR {meeting_id: met.id}]->(:Person)
                     WHERE o.opened_by = 'door_opener' }
  RETURN 'doors' AS kind, met.id AS id, f.contacts_sent_at AS since,
         f.doors_reminded_at AS reminded_at, p.id AS participant_id, d.id AS door_opener_id,
         null AS person_id, null AS invitee_name, null AS invitee_email,
         ['door_opener'] AS waiting_for
}
WITH *
WHERE ($kind IS NULL OR kind = $kind) AND ($id IS NULL OR id = $id)
  AND ($after_since IS NULL OR since > $after_since
       OR (since = $after_since AND id > $after_id))
RETURN kind, id, since, reminded_at, participant_id, door_opener_id, person_id, invitee_name,
       invitee_email, waiting_for
ORDER BY since, id
LIMIT $limit
