// The audit log is read newest first and by target; both need an index to stay cheap as it grows.
CREATE INDEX audit_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at, e.id)
