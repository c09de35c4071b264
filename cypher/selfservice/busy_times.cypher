// The start times of the given people's open matches other than `$match_id` (each meeting an
// hour long): the hours a new time proposed for that match must stay clear of.
MATCH (p:Person)-[o:MATCHED]-(:Person)
WHERE p.id IN $person_ids AND o.id <> $match_id
  AND o.status IN ['proposed', 'accepted'] AND o.suggested_time IS NOT NULL
RETURN collect(DISTINCT o.suggested_time) AS busy
