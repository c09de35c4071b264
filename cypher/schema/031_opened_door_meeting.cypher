// Doors are counted per meeting under the door-opener's lock (the per-meeting limit); an index
// on meeting_id keeps that count from scanning every door the door-opener ever opened.
CREATE INDEX opened_door_meeting IF NOT EXISTS FOR ()-[o:OPENED_DOOR]-() ON (o.meeting_id)
