// How many door-openers point at each language, industry and field, or at something below it
// (the rarity the candidate score divides by). save_person keeps these current as people are
// written, in the same transaction; this counts them for nodes that have none yet (a programme
// written before the counts existed), so it costs nothing at later start-ups.
MATCH (n)
WHERE (n:Language OR n:Industry OR n:Field) AND n.door_openers IS NULL
CALL (n) {
  MATCH (n)<-[:PART_OF*0..2]-()<-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]-(d:DoorOpener)
  RETURN count(DISTINCT d) AS door_openers
}
SET n.door_openers = door_openers
