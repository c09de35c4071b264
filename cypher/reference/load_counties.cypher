// Loads Sweden's counties (two-digit SCB codes) with their centroids; idempotent on key.
UNWIND $rows AS row
MERGE (c:Place {key: row.key})
SET c:County, c.name_sv = row.name_sv, c.name_en = row.name_en,
    c.lat = row.lat, c.lon = row.lon, c.kind = 'county'
RETURN count(c) AS loaded
