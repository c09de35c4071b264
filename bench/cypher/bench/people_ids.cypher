// Ids of the people with one role label (`DoorOpener` or `Participant`), for sampling.
MATCH (p:Person)
WHERE $label IN labels(p)
RETURN p.id AS id
