// The facts a proposal re-checks under its locks, as one row (none when either id is unknown):
// roles, activity, the door-opener's open matches, whether the pair was ever matched or met,
// both people's languages, meeting modes, home counties and availability, and the suggested
// times of both people's open matches (the hours the new meeting must not clash with).
MATCH (p:Person {id: $participant_id})
MATCH (d:Person {id: $door_opener_id})
RETURN p:Participant AS is_participant,
       d:DoorOpener AS is_door_opener,
       coalesce(p.active, false) AND NOT coalesce(p.erased, false) AS participant_active,
       coalesce(d.active, false) AND NOT coalesce(d.erased, false) AS door_opener_active,
       COUNT { (d)<-[o:MATCHED]-() WHERE o.status IN ['proposed', 'accepted'] } AS open_matches,
       d.max_active_matches AS max_active_matches,
       EXISTS { (p)-[:MATCHED|MET]-(d) } AS matched_or_met,
       [(p)-[:SPEAKS]->(l:Language) | l.key] AS participant_languages,
       [(d)-[:SPEAKS]->(l:Language) | l.key] AS door_opener_languages,
       p.meeting_modes AS participant_modes,
       d.meeting_modes AS door_opener_modes,
       [(p)-[:LIVES_IN]->(:Municipality)-[:IN]->(c:County) | c.key] AS participant_counties,
       [(d)-[:LIVES_IN]->(:Municipality)-[:IN]->(c:County) | c.key] AS door_opener_counties,
       p.availability_json AS participant_availability,
       d.availability_json AS door_opener_availability,
       [(p)-[o:MATCHED]-() WHERE o.status IN ['proposed', 'accepted']
                              AND o.suggested_time IS NOT NULL | o.suggested_time]
         + [(d)-[o:MATCHED]-() WHERE o.status IN ['proposed', 'accepted']
                                AND o.suggested_time IS NOT NULL | o.suggested_time] AS busy
