// Records how telling both people of a match went: `sent`, or `failed` with the reason an
// operator can act on (it names settings, never people), so staff can resend. Returns the id.
MATCH ()-[m:MATCHED {id: $id}]->()
SET m.notification = $state, m.notification_error = $error, m.notified_at = $at
RETURN m.id AS id
