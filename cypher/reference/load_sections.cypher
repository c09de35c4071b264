// Loads SNI 2007 sections (letters); idempotent on key.
UNWIND $rows AS row
MERGE (s:Industry {key: row.key})
SET s:Section, s.name_sv = row.name_sv, s.name_en = row.name_en, s.kind = 'section'
RETURN count(s) AS loaded
