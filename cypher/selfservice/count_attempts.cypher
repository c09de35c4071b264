// Counts one attempt on each rate counter of a check (id = keyed hash of bucket and key, plus
// the window's start) and returns, in order, whether each was within its limit. A counter is
// made on its window's first attempt; its lock property is written before its count is read, so
// concurrent checks from other processes queue on it and no attempt is lost. Refused attempts
// are not counted.
UNWIND $counters AS c
MERGE (r:RateCounter {id: c.id})
  ON CREATE SET r.count = 0, r.expires_at = $expires_at
SET r._lock = randomUUID()
WITH r, c, r.count < c.limit AS allowed
SET r.count = r.count + CASE WHEN allowed THEN 1 ELSE 0 END
RETURN collect(allowed) AS allowed
