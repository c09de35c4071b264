// One rate counter per keyed hash and window: unique, so two processes counting the first attempt of a window at the same moment make one counter, not two.
CREATE CONSTRAINT rate_counter_id IF NOT EXISTS FOR (r:RateCounter) REQUIRE r.id IS UNIQUE
