// Industries are keyed by SNI 2007 code: a letter for a section, two digits for a division.
CREATE CONSTRAINT industry_key IF NOT EXISTS FOR (n:Industry) REQUIRE n.key IS UNIQUE
