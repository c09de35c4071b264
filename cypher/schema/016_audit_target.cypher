// Admins look up everything done to one person by target id.
CREATE INDEX audit_target IF NOT EXISTS FOR (e:AuditEvent) ON (e.target_id)
