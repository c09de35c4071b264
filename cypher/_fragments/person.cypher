  // A person `p` as `graph/people.to_person` reads it (included by people/get_people and by
  // match/find_candidates, which shows its ten without a second read). The properties a
  // `Person` shows, named one by one (not `.*`, which also sent what no reader uses); the two
  // temporals go as ISO 8601 text, since the driver's own conversion of a DateTime cost more than
  // the rest of the read (about 0.15 ms each, in pure Python) on the API's busiest path, and
  // Python parses the text in microseconds.
  p {
    .id, .name, .email, .phone, .education_level, .work_years, .years_in_sweden,
    .foreign_background, .residence_permit, .established_in_sweden, .retired, .meeting_modes,
    .max_active_matches, .availability_json, .notes, .consent, .active, .erased,
    created_at: toString(p.created_at),
    signed_up_at: toString(p.signed_up_at),
    roles: [r IN [['door_opener', p:DoorOpener], ['participant', p:Participant]] WHERE r[1] | r[0]],
    languages: COLLECT { MATCH (p)-[:SPEAKS]->(n:Language) RETURN n.key ORDER BY n.key },
    industries: COLLECT { MATCH (p)-[:IN_INDUSTRY]->(n:Industry) RETURN n.key ORDER BY n.key },
    fields: COLLECT { MATCH (p)-[:EDUCATED_IN]->(n:Field) RETURN n.key ORDER BY n.key },
    home_place: COLLECT { MATCH (p)-[:LIVES_IN]->(n:Municipality) RETURN n.key }[0],
    work_place: COLLECT { MATCH (p)-[:WORKS_IN]->(n:Municipality) RETURN n.key }[0]
  }
