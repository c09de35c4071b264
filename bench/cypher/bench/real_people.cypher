// People who are not demo people (the demo's addresses are all under example.org): the benchmark
// wipes its database, so it refuses one that holds anybody real.
MATCH (p:Person)
WHERE p.email_norm IS NOT NULL AND NOT p.email_norm ENDS WITH 'example.org'
RETURN count(p) AS people
