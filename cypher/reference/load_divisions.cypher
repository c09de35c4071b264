// Loads SNI 2007 divisions with a PART_OF edge to their section: same section is one hop up.
UNWIND $rows AS row
MATCH (s:Industry {key: row.parent})
MERGE (d:Industry {key: row.key})
SET d:Division, d.name_sv = row.name_sv, d.name_en = row.name_en, d.kind = 'division'
MERGE (d)-[:PART_OF]->(s)
RETURN count(d) AS loaded
