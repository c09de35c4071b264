// A state-changing self-service link works once: its random id is recorded here, unique, so two clicks at the same moment cannot both act.
CREATE CONSTRAINT used_link_id IF NOT EXISTS FOR (u:UsedLink) REQUIRE u.id IS UNIQUE
