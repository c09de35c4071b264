// The baseline of the candidate list: every active door-opener with all its neighbours (keys
// with their hierarchy parents) and its places' centroids, shipped to Python to be scored there.
MATCH (d:DoorOpener)
WHERE d.active AND NOT coalesce(d.erased, false)
RETURN d.id AS id, d.max_active_matches AS capacity, d.meeting_modes AS modes,
       COUNT { (d)<-[o:MATCHED]-() WHERE o.status IN ['proposed', 'accepted'] } AS open_matches,
       COLLECT { MATCH (d)-[:SPEAKS]->(l:Language) RETURN l.key } AS languages,
       COLLECT { MATCH (d)-[:IN_INDUSTRY]->(i:Industry) RETURN i.key } AS divisions,
       COLLECT { MATCH (d)-[:IN_INDUSTRY]->(:Industry)-[:PART_OF]->(s:Industry) RETURN s.key }
         AS sections,
       COLLECT { MATCH (d)-[:EDUCATED_IN]->(f:Field) RETURN f.key } AS fields,
       COLLECT { MATCH (d)-[:EDUCATED_IN]->(:Field)-[:PART_OF*1..2]->(a:Field) RETURN a.key }
         AS field_parents,
       COLLECT { MATCH (d)-[:LIVES_IN|WORKS_IN]->(m:Municipality)
                 RETURN {key: m.key, county: COLLECT { MATCH (m)-[:IN]->(c:County) RETURN c.key }[0],
                         lat: m.lat, lon: m.lon} } AS places,
       COLLECT { MATCH (p:Participant)-[:MATCHED|MET]-(d) RETURN p.id } AS met
