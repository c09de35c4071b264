// Loads ISCED-F 2013 fields of one level; rows of lower levels name a parent already loaded.
UNWIND $rows AS row
MERGE (f:Field {key: row.key})
SET f.name_sv = row.name_sv, f.name_en = row.name_en, f.level = row.kind
WITH f, row
OPTIONAL MATCH (p:Field {key: row.parent})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (f)-[:PART_OF]->(p))
RETURN count(f) AS loaded
