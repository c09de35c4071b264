// People by id, in the order given, each with roles and reference keys gathered from their edges
// (the projection is cypher/_fragments/person.cypher).
UNWIND range(0, size($ids) - 1) AS i
MATCH (p:Person {id: $ids[i]})
RETURN
// include: person
  AS person
ORDER BY i
