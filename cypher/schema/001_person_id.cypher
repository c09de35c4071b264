// Person ids are minted by the service; unique so a lookup by id uses the constraint's index.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE
