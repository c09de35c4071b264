// The report's people: participants, door-openers and retired door-openers who had signed up by
// the end of the period (erased members included: their anonymous nodes keep roles, places and
// industries), and the participants who signed up in each month of the period. A person is kept
// when their own industry (a division, or its section) and home place (a municipality, or its
// county) pass the filters; people who signed up after the period are left out so that a past
// period's report does not change as the programme grows.
MATCH (p:Person)
WHERE (p:Participant OR p:DoorOpener)
  AND coalesce(p.signed_up_at, date(p.created_at)) <= $to
  AND ($industry IS NULL OR EXISTS {
        MATCH (p)-[:IN_INDUSTRY]->(i:Industry)
        WHERE i.key = $industry OR EXISTS { (i)-[:PART_OF]->(:Industry {key: $industry}) } })
  AND ($place IS NULL OR EXISTS {
        MATCH (p)-[:LIVES_IN]->(m:Municipality)
        WHERE m.key = $place OR EXISTS { (m)-[:IN]->(:County {key: $place}) } })
WITH p, coalesce(p.signed_up_at, date(p.created_at)) AS joined
WITH CASE WHEN p:Participant AND joined >= $from
          THEN toString(date.truncate('month', joined)) END AS month,
     count(CASE WHEN p:Participant THEN 1 END) AS participants,
     count(CASE WHEN p:DoorOpener THEN 1 END) AS door_openers,
     count(CASE WHEN p:DoorOpener AND p.retired = true THEN 1 END) AS retired_door_openers
RETURN sum(participants) AS participants,
       sum(door_openers) AS door_openers,
       sum(retired_door_openers) AS retired_door_openers,
       collect(CASE WHEN month IS NOT NULL
                    THEN {month: left(month, 7), participants: participants} END) AS new_participants
