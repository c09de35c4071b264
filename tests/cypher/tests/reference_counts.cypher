// Every reference node's `door_openers` count (null where it has none), ordered, so the counts
// two writes leave behind can be compared whole.
MATCH (n) WHERE n:Language OR n:Industry OR n:Field OR n:Place
RETURN labels(n) AS labels, n.key AS key, n.door_openers AS door_openers
ORDER BY key, door_openers
