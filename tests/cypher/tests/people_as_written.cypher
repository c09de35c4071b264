// Every person as stored: labels, properties and outgoing edges (type and the key of the node it
// points at), ordered by id, so two ways of writing the same people can be compared whole.
MATCH (p:Person)
RETURN p.id AS id, labels(p) AS labels, properties(p) AS props,
       COLLECT { MATCH (p)-[r]->(n) RETURN type(r) + ' ' + n.key } AS edges
ORDER BY id
