// Takes the write locks of these people, one after the other in the order of $ids, and returns
// whether each exists (a row per person found). The caller passes the ids sorted, so every
// transaction that locks several people takes them in one global order and two can never wait
// on each other crosswise. The lock is a write of a fresh value, never `_lock + 1`: a statement
// that reads the property it writes while it waits for the lock is reported by Neo4j 5 as a
// deadlock whenever the holder adds an edge to that person (measured: every waiting proposal
// failed once when the first one created its MATCHED edge).
UNWIND $ids AS id
MATCH (p:Person {id: id})
SET p._lock = randomUUID()
RETURN p.id AS id, p.active AS active, coalesce(p.erased, false) AS erased
