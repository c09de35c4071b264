// Claims a once-only step of an invitation (the reminder): set only when not set yet, under the
// invitation's lock, and returned only to the caller that set it.
// `$release` gives the step back (sets it to null) when its mail could not be sent.
MATCH (i:Invitation {id: $id})
SET i._lock = randomUUID()
WITH i
WHERE i[$step] IS NULL OR $release
SET i += $props
RETURN i.id AS id
