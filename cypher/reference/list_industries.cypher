// SNI sections then divisions, each division with its section as parent.
MATCH (n:Industry)
OPTIONAL MATCH (n)-[:PART_OF]->(s:Section)
RETURN n.key AS key, n.name_sv AS name_sv, n.name_en AS name_en, s.key AS parent, n.kind AS kind
ORDER BY size(key) DESC, key
