// Deletes the rate counters whose window has ended (they can never refuse anything again);
// run by the hourly reminders run, so the counters stay a window or two's worth.
OPTIONAL MATCH (r:RateCounter) WHERE r.expires_at <= $now
WITH collect(r) AS ended
FOREACH (r IN ended | DELETE r)
RETURN size(ended) AS erased
