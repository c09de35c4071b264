// Counties then municipalities, each with its parent county key and centroid.
MATCH (n:Place)
OPTIONAL MATCH (n)-[:IN]->(c:County)
RETURN n.key AS key, n.name_sv AS name_sv, n.name_en AS name_en, c.key AS parent,
       n.kind AS kind, n.lat AS lat, n.lon AS lon
ORDER BY size(key), key
