// One meeting per match: recording the same meeting twice finds the first.
CREATE CONSTRAINT met_match_id IF NOT EXISTS FOR ()-[m:MET]-() REQUIRE m.match_id IS UNIQUE
