// One invitation as stored, or nothing when it was answered, declined or erased.
MATCH (i:Invitation {id: $id})
RETURN i {.*} AS invitation
