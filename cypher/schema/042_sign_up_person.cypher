// One self-service sign-up record per person: it says whether the address is confirmed yet.
CREATE CONSTRAINT sign_up_person IF NOT EXISTS FOR (s:SignUp) REQUIRE s.person_id IS UNIQUE
