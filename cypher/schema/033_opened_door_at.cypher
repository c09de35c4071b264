// Stalled relays are doors opened before a cut-off, oldest first: a range index on `at`.
CREATE INDEX opened_door_at IF NOT EXISTS FOR ()-[o:OPENED_DOOR]-() ON (o.at)
