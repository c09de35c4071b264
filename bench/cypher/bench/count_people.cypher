// How many people of the demo programme the database holds (not the pages measure's relay tree,
// whose ids start with `bench_`): `--loaded SIZE` checks the programme is the size it claims
// before calling its figures figures at that size.
MATCH (p:Person)
WHERE NOT p.id STARTS WITH 'bench_'
RETURN count(p) AS people
