// One page of audit events, newest first, optionally for one target id or one token name.
MATCH (e:AuditEvent)
WHERE ($target_id IS NULL OR e.target_id = $target_id)
  AND ($token_name IS NULL OR e.token_name = $token_name)
  AND ($before_at IS NULL OR e.at < $before_at OR (e.at = $before_at AND e.id < $before_id))
RETURN e {.*} AS event
ORDER BY e.at DESC, e.id DESC
LIMIT $limit
