// Invitations are counted per meeting (a door-opener names at most N contacts per meeting).
CREATE INDEX invitation_meeting IF NOT EXISTS FOR (i:Invitation) ON (i.meeting_id)
