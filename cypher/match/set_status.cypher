// Moves a match to $status when its status is one of $allowed, and returns the status it had
// (no row: no such match). The edge's write lock is taken before the status is read, so two
// concurrent changes (say accept and cancel) run one after the other and the second sees the first.
MATCH ()-[m:MATCHED {id: $id}]->()
SET m._lock = randomUUID()
WITH m, m.status AS before
SET m.status = CASE WHEN before IN $allowed THEN $status ELSE before END,
    m.status_changed_at = CASE WHEN before IN $allowed THEN $at ELSE m.status_changed_at END
RETURN before
