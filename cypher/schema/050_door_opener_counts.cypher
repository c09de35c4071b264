// How many door-openers point at each language, industry and field, or at something below it
// (the rarity the candidate score divides by). save_person keeps these current as people are
// written; this recounts them all (idempotent: it writes only a count that differs), so a
// programme written before the counts existed, or restored from a dump, gets them right.
MATCH (n)
WHERE n:Language OR n:Industry OR n:Field
CALL (n) {
  MATCH (n)<-[:PART_OF*0..2]-()<-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]-(d:DoorOpener)
  RETURN count(DISTINCT d) AS door_openers
}
WITH n, door_openers
WHERE n.door_openers IS NULL OR n.door_openers <> door_openers
SET n.door_openers = door_openers
