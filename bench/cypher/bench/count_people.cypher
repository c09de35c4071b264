// How many people the database holds: `--loaded SIZE` measures a programme already there and
// checks it is the size it claims before calling its figures figures at that size.
MATCH (p:Person)
RETURN count(p) AS people
