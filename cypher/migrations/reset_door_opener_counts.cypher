// With the programme's people gone, no language, industry or field has a door-opener left.
MATCH (n)
WHERE (n:Language OR n:Industry OR n:Field) AND n.door_openers <> 0
SET n.door_openers = 0
