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
MATCH (p:Person)
WHERE ($language IS NULL OR EXISTS { (p)-[:SPEAKS]->(:Language {key: $language}) })
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
WITH collect(p) AS everyone
WITH everyone[..$limit] AS shown, size(everyone) > $limit AS truncated
UNWIND shown AS p
RETURN truncated,
  p {
    .id, .name, .active, .erased,
    joined: p.signed_up_at,
    roles: [r IN [['door_opener', p:DoorOpener], ['participant', p:Participant]] WHERE r[1] | r[0]],
    municipality: COLLECT { MATCH (p)-[:LIVES_IN]->(m:Municipality) RETURN m.key }[0],
    county: COLLECT { MATCH (p)-[:LIVES_IN]->(:Municipality)-[:IN]->(c:County) RETURN c.key }[0],
    industries: COLLECT { MATCH (p)-[:IN_INDUSTRY]->(n:Industry) RETURN n.key ORDER BY n.key },
    languages: COLLECT { MATCH (p)-[:SPEAKS]->(n:Language) RETURN n.key ORDER BY n.key },
    fields: COLLECT { MATCH (p)-[:EDUCATED_IN]->(n:Field) RETURN n.key ORDER BY n.key }
  } AS person,
  COLLECT {
    MATCH (p)-[r:MATCHED|MET|OPENED_DOOR]->(q:Person)
    WHERE q IN shown AND NOT coalesce(r.status, '') IN ['declined', 'cancelled']
    WITH r, q, CASE type(r) WHEN 'MET' THEN r.held_at
                 WHEN 'OPENED_DOOR' THEN r.at ELSE r.created_at END AS at
    WHERE ($from_at IS NULL OR at >= $from_at) AND ($to_before IS NULL OR at < $to_before)
    RETURN {target: q.id, type: type(r), at: at, generation: coalesce(r.generation, 1)}
    ORDER BY at, q.id
  } AS links
