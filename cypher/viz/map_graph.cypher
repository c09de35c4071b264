// The staff network map: the people who pass the filters, at most $limit of them (oldest sign-up
// first, so a capped map is the programme's core and the same on every call), each with the
// matches, meetings and opened doors that leave them towards another person on the map.
// One row per person; `truncated` says whether the cap left people out.
// Every filter is a parameter and null means "any". $place is a municipality or, one hop up, a
// county (home or work place); $industry a division or, one hop up, its section; $field an ISCED-F
// field at any level, matched through the PART_OF edges. With a period ($from_date..$to_date, and
// the same days as Stockholm instants $from_at..$to_before) the map shows who signed up in it or
// took part in a connection inside it, and draws only connections inside it.
// A declined or cancelled match never became a connection, so it is left out.
// People are read in the order of the person_signed_up index (sign-up day, creation, id; every
// person has all three, save_person writes them), so Neo4j checks the filters person by person
// and stops at the first $limit + 1 who pass instead of sorting the whole programme.
// Each person's places, languages, industries and fields come from one walk of their edges.
// Dates and times go out as ISO 8601 text: the driver's own conversion of thousands of temporal
// values cost more than the query.
MATCH (p:Person)
WHERE p.signed_up_at IS NOT NULL AND p.created_at IS NOT NULL AND p.id IS NOT NULL
  AND ($language IS NULL OR EXISTS { (p)-[:SPEAKS]->(:Language {key: $language}) })
  AND ($place IS NULL OR EXISTS {
        MATCH (p)-[:LIVES_IN|WORKS_IN]->(m:Municipality)
        WHERE m.key = $place OR EXISTS { (m)-[:IN]->(:County {key: $place}) } })
  AND ($industry IS NULL OR EXISTS {
        MATCH (p)-[:IN_INDUSTRY]->(i:Industry)
        WHERE i.key = $industry OR EXISTS { (i)-[:PART_OF]->(:Industry {key: $industry}) } })
  AND ($field IS NULL OR EXISTS {
        MATCH (p)-[:EDUCATED_IN]->(f:Field)
        WHERE f.key = $field OR EXISTS { (f)-[:PART_OF*1..2]->(:Field {key: $field}) } })
  AND (($from_date IS NULL AND $to_date IS NULL)
       OR (($from_date IS NULL OR p.signed_up_at >= $from_date)
           AND ($to_date IS NULL OR p.signed_up_at <= $to_date))
       OR EXISTS {
            MATCH (p)-[r:MATCHED|MET|OPENED_DOOR]-(:Person)
            WHERE NOT coalesce(r.status, '') IN ['declined', 'cancelled']
              AND ($from_at IS NULL OR CASE type(r) WHEN 'MET' THEN r.held_at
                     WHEN 'OPENED_DOOR' THEN r.at ELSE r.created_at END >= $from_at)
              AND ($to_before IS NULL OR CASE type(r) WHEN 'MET' THEN r.held_at
                     WHEN 'OPENED_DOOR' THEN r.at ELSE r.created_at END < $to_before) })
WITH p ORDER BY p.signed_up_at, p.created_at, p.id
LIMIT $limit + 1
WITH collect(p) AS found
WITH found[..$limit] AS shown, size(found) > $limit AS truncated
UNWIND shown AS p
WITH truncated, shown, p, COLLECT {
    MATCH (p)-[r:LIVES_IN|IN_INDUSTRY|SPEAKS|EDUCATED_IN]->(n)
    WHERE CASE type(r) WHEN 'LIVES_IN' THEN n:Municipality WHEN 'IN_INDUSTRY' THEN n:Industry
            WHEN 'SPEAKS' THEN n:Language ELSE n:Field END
    RETURN {edge: type(r), key: n.key, county: CASE type(r) WHEN 'LIVES_IN' THEN
              COLLECT { MATCH (n)-[:IN]->(c:County) RETURN c.key }[0] END} AS held
    ORDER BY held.key
  } AS held
RETURN truncated,
  p {
    .id, .name, .active, .erased,
    joined: toString(p.signed_up_at),
    roles: [r IN [['door_opener', p:DoorOpener], ['participant', p:Participant]] WHERE r[1] | r[0]],
    municipality: [h IN held WHERE h.edge = 'LIVES_IN' | h.key][0],
    county: [h IN held WHERE h.edge = 'LIVES_IN' AND h.county IS NOT NULL | h.county][0],
    industries: [h IN held WHERE h.edge = 'IN_INDUSTRY' | h.key],
    languages: [h IN held WHERE h.edge = 'SPEAKS' | h.key],
    fields: [h IN held WHERE h.edge = 'EDUCATED_IN' | h.key]
  } AS person,
  COLLECT {
    MATCH (p)-[r:MATCHED|MET|OPENED_DOOR]->(q:Person)
    WHERE q IN shown AND NOT coalesce(r.status, '') IN ['declined', 'cancelled']
    WITH r, q, CASE type(r) WHEN 'MET' THEN r.held_at
                 WHEN 'OPENED_DOOR' THEN r.at ELSE r.created_at END AS at
    WHERE ($from_at IS NULL OR at >= $from_at) AND ($to_before IS NULL OR at < $to_before)
    RETURN {target: q.id, type: type(r), at: toString(at), generation: coalesce(r.generation, 1)}
    ORDER BY at, q.id
  } AS links
