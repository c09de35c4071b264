// A participant's relay tree in one read. From the root, every person the root was matched with
// or met, then along the doors opened *for the root* (OPENED_DOOR with for_id = root), a
// variable-length walk bounded at 32 hops: far beyond any real relay, and a guard that keeps the
// walk finite on damaged data. For each member it returns the root's matches and meetings with
// them and the doors opened to them for the root, from which the service builds nodes, edges and
// reach. Doors the root opened for a door-opener are not in the root's tree. No row: no such
// participant.
MATCH (root:Person:Participant {id: $participant_id})
CALL (root) {
  OPTIONAL MATCH (root)-[:MATCHED|MET]->(first:Person)
  OPTIONAL MATCH (first)-[chain:OPENED_DOOR*0..32]->(member:Person)
  WHERE all(door IN chain WHERE door.for_id = root.id)
  WITH DISTINCT member
  WHERE member IS NOT NULL AND member <> root
  RETURN collect(member {
    .id, .name,
    erased: coalesce(member.erased, false),
    roles: [r IN [['door_opener', member:DoorOpener], ['participant', member:Participant]]
            WHERE r[1] | r[0]],
    matches: COLLECT {
      MATCH (root)-[m:MATCHED]->(member)
      RETURN {generation: m.generation, at: m.created_at, status: m.status}
    },
    meetings: COLLECT {
      MATCH (root)-[m:MET]->(member)
      RETURN {generation: m.generation, at: m.held_at}
    },
    doors: COLLECT {
      MATCH (opener:Person)-[o:OPENED_DOOR]->(member)
      WHERE o.for_id = root.id
      RETURN {generation: o.generation, at: o.at, from_id: opener.id}
    }
  }) AS members
}
RETURN root {
         .id, .name,
         erased: coalesce(root.erased, false),
         roles: [r IN [['door_opener', root:DoorOpener], ['participant', root:Participant]]
                 WHERE r[1] | r[0]]
       } AS root,
       members
