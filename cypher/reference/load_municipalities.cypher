// Loads the 290 municipalities and their IN edge to the county, so "same county" is one hop up.
UNWIND $rows AS row
MATCH (c:Place {key: row.parent})
MERGE (m:Place {key: row.key})
SET m:Municipality, m.name_sv = row.name_sv, m.name_en = row.name_en,
    m.lat = row.lat, m.lon = row.lon, m.kind = 'municipality',
    m.location = point({latitude: row.lat, longitude: row.lon})
MERGE (m)-[:IN]->(c)
RETURN count(m) AS loaded
