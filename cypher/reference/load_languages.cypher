// Loads ISO 639-1 languages from the shipped CSV rows; MERGE on key makes it idempotent.
UNWIND $rows AS row
MERGE (l:Language {key: row.key})
SET l.name_sv = row.name_sv, l.name_en = row.name_en
RETURN count(l) AS loaded
