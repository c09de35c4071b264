// The baseline's view of one participant: the same neighbours as a door-opener's, and places.
MATCH (p:Person {id: $id})
RETURN p.meeting_modes AS modes,
       COLLECT { MATCH (p)-[:SPEAKS]->(l:Language) RETURN l.key } AS languages,
       COLLECT { MATCH (p)-[:IN_INDUSTRY]->(i:Industry) RETURN i.key } AS divisions,
       COLLECT { MATCH (p)-[:IN_INDUSTRY]->(:Industry)-[:PART_OF]->(s:Industry) RETURN s.key }
         AS sections,
       COLLECT { MATCH (p)-[:EDUCATED_IN]->(f:Field) RETURN f.key } AS fields,
       COLLECT { MATCH (p)-[:EDUCATED_IN]->(:Field)-[:PART_OF*1..2]->(a:Field) RETURN a.key }
         AS field_parents,
       COLLECT { MATCH (p)-[:LIVES_IN|WORKS_IN]->(m:Municipality)
                 RETURN {key: m.key, county: COLLECT { MATCH (m)-[:IN]->(c:County) RETURN c.key }[0],
                         lat: m.lat, lon: m.lon} } AS places
