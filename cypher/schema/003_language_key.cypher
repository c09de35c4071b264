// Reference data is keyed by the public standard's code (ISO 639-1).
CREATE CONSTRAINT language_key IF NOT EXISTS FOR (n:Language) REQUIRE n.key IS UNIQUE
