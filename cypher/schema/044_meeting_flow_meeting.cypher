// One self-service record per meeting (contacts and follow-up mails, reminders).
CREATE CONSTRAINT meeting_flow_meeting IF NOT EXISTS FOR (f:MeetingFlow) REQUIRE f.meeting_id IS UNIQUE
