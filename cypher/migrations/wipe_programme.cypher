// Removes the programme's own data (people, tokens, and everything hanging off them) in batches;
// reference data and the migration record stay. Used by `db reset` before re-loading, and by tests.
MATCH (n)
WHERE NOT (n:Language OR n:Place OR n:Industry OR n:Field OR n:Migration)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
