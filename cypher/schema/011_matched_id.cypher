// Matches are edges; their id is unique so accept, decline and cancel find one edge fast.
CREATE CONSTRAINT matched_id IF NOT EXISTS FOR ()-[m:MATCHED]-() REQUIRE m.id IS UNIQUE
