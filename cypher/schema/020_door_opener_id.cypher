// Door-openers by id in index order: the candidate query's "first door-openers by id" fallback
// (for participants who share only Swedish with everyone) reads this index in order and stops.
CREATE INDEX door_opener_id IF NOT EXISTS FOR (d:DoorOpener) ON (d.id)
