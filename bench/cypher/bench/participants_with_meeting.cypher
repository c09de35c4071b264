// Ids of the participants who have had at least one meeting (the report's reach is over them).
MATCH (p:Person)
WHERE $label IN labels(p) AND EXISTS { (p)-[:MET]->() }
RETURN p.id AS id
