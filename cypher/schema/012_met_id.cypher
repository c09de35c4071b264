// Meetings are edges; unique ids let doors and follow-ups find their meeting.
CREATE CONSTRAINT met_id IF NOT EXISTS FOR ()-[m:MET]-() REQUIRE m.id IS UNIQUE
