// Removes every node in batches; `db reset` re-applies the schema record and reference data after.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
