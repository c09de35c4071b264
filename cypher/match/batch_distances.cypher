// Metres from each municipality in $keys (the participants' homes) to every municipality, in key
// order, as point.distance(home, theirs) gives them: the batch's nearness reads these, so it
// uses the candidate query's own distances rather than a second formula.
MATCH (m:Municipality)
WITH m ORDER BY m.key
WITH collect(m) AS places
UNWIND $keys AS key
MATCH (h:Place:Municipality {key: key})
RETURN h.key AS key, [m IN places | m.key] AS places,
       [m IN places | point.distance(h.location, m.location)] AS metres
