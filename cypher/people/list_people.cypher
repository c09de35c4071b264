// One page of person ids, filtered and ordered by (created_at, id) so the cursor is stable.
// A place filter matches a municipality or, one hop up, its county; an industry filter matches a
// division or, one hop up, its section.
MATCH (p:Person)
WHERE ($role IS NULL
       OR ($role = 'door_opener' AND p:DoorOpener)
       OR ($role = 'participant' AND p:Participant))
  AND ($active IS NULL OR p.active = $active)
  AND ($language IS NULL OR EXISTS { (p)-[:SPEAKS]->(:Language {key: $language}) })
  AND ($industry IS NULL OR EXISTS {
        MATCH (p)-[:IN_INDUSTRY]->(i:Industry)
        WHERE i.key = $industry OR EXISTS { (i)-[:PART_OF]->(:Industry {key: $industry}) } })
  AND ($place IS NULL OR EXISTS {
        MATCH (p)-[:LIVES_IN|WORKS_IN]->(m:Municipality)
        WHERE m.key = $place OR EXISTS { (m)-[:IN]->(:County {key: $place}) } })
  AND ($q IS NULL OR p.name_lower CONTAINS $q OR ($q_email AND p.email_norm CONTAINS $q))
  AND ($after_created IS NULL
       OR p.created_at > $after_created
       OR (p.created_at = $after_created AND p.id > $after_id))
RETURN p.id AS id, p.created_at AS created_at
ORDER BY p.created_at, p.id
LIMIT $limit
