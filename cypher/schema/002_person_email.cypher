// Normalised (lower-cased, trimmed) e-mail: unique, so two sign-ups with one address cannot both land, even at once.
CREATE CONSTRAINT person_email_norm IF NOT EXISTS FOR (p:Person) REQUIRE p.email_norm IS UNIQUE
