// The reminders run deletes the rate counters whose window has ended: by this index, not by a scan.
CREATE INDEX rate_counter_expires IF NOT EXISTS FOR (r:RateCounter) ON (r.expires_at)
