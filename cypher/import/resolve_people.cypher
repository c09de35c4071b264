// People named in an event file, each by id or by e-mail (as staff spreadsheets have them): one
// row per reference that names somebody, with what the rules need (roles, languages, erased), so
// a whole file is checked with one round trip.
// `replan=force`: an import runs each look-up a few times, just after writing thousands of
// edges; a plan cached while there were none would scan where it should seek (minutes, not ms).
CYPHER replan=force
UNWIND $refs AS ref
OPTIONAL MATCH (by_id:Person {id: ref}) USING INDEX SEEK by_id:Person(id)
OPTIONAL MATCH (by_email:Person {email_norm: toLower(trim(ref))}) USING INDEX SEEK by_email:Person(email_norm)
WITH ref, coalesce(by_id, by_email) AS p
WHERE p IS NOT NULL
RETURN ref, p.id AS id, p:DoorOpener AS door_opener, p:Participant AS participant,
       coalesce(p.erased, false) AS erased,
       COLLECT { MATCH (p)-[:SPEAKS]->(l:Language) RETURN l.key } AS languages
