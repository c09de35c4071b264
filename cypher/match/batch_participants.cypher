// The facts of each participant in $participant_ids that the candidate query's rules and
// nearness read: meeting modes, whether they speak Swedish, their home and work municipalities,
// the municipalities of those counties (same county), and the door-openers they were ever
// matched with or met (such a pair is never proposed again).
UNWIND $participant_ids AS participant_id
MATCH (p:Person {id: participant_id})
RETURN p.id AS id, p.meeting_modes AS meeting_modes,
       EXISTS { (p)-[:SPEAKS]->(l:Language) WHERE l.key = 'sv' } AS speaks_sv,
       [(p)-[:LIVES_IN|WORKS_IN]->(m:Municipality) | m.key] AS homes,
       COLLECT { MATCH (p)-[:LIVES_IN|WORKS_IN]->(:Municipality)-[:IN]->(c:County)
                 WITH DISTINCT c
                 MATCH (c)<-[:IN]-(m:Municipality)
                 RETURN m.key } AS county_places,
       COLLECT { MATCH (p)-[:MATCHED|MET]-(d:DoorOpener) RETURN DISTINCT d.id } AS known
