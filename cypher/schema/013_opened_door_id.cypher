// Door-openings are edges; unique ids keep each door counted once.
CREATE CONSTRAINT opened_door_id IF NOT EXISTS FOR ()-[d:OPENED_DOOR]-() REQUIRE d.id IS UNIQUE
