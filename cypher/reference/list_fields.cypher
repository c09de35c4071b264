// ISCED-F fields, broad before narrow before detailed, each with its parent field.
MATCH (n:Field)
OPTIONAL MATCH (n)-[:PART_OF]->(p:Field)
RETURN n.key AS key, n.name_sv AS name_sv, n.name_en AS name_en, p.key AS parent, n.level AS kind
ORDER BY size(key), key
