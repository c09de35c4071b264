// How many people the programme holds (reference data aside): the demo is loaded into an empty
// database only, never over somebody's real programme. Reads the label's count store.
MATCH (p:Person)
RETURN count(p) AS people
