// Appends one audit event: who (token name and id), what (method, route, target id), when, and
// the outcome. Holds ids only, never personal data, so the log itself needs no erasure.
CREATE (:AuditEvent {id: $id, at: $at, token_id: $token_id, token_name: $token_name,
                     role: $role, action: $action, route: $route, target_id: $target_id,
                     status: $status})
