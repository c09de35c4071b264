// Places are keyed by SCB code: two digits for a county, four for a municipality.
CREATE CONSTRAINT place_key IF NOT EXISTS FOR (n:Place) REQUIRE n.key IS UNIQUE
