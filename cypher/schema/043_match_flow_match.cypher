// One self-service record per match (answers, agreed time, which mails went out when).
CREATE CONSTRAINT match_flow_match IF NOT EXISTS FOR (f:MatchFlow) REQUIRE f.match_id IS UNIQUE
