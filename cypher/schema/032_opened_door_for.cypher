// A participant's relay tree follows the doors opened for them (for_id); the "already in the
// tree" check and the network query look them up by for_id.
CREATE INDEX opened_door_for IF NOT EXISTS FOR ()-[o:OPENED_DOOR]-() ON (o.for_id)
