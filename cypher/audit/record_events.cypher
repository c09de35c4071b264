// Appends audit events, many requests' in one transaction (group commit): who (token name and
// id), what (method, route, target id), when, and the outcome. Holds ids only, never personal
// data, so the log itself needs no erasure. CREATE only: events are never matched on write.
// `at` comes as ISO 8601 text with its offset (the driver's packing of an offset datetime costs
// more than the write) and is stored as a datetime, as before.
UNWIND $events AS e
CREATE (:AuditEvent {id: e.id, at: datetime(e.at), token_id: e.token_id,
                     token_name: e.token_name, role: e.role, action: e.action, route: e.route,
                     target_id: e.target_id, status: e.status})
