// Removes an invitation (answered or declined): its name and address are not kept.
MATCH (i:Invitation {id: $id})
DELETE i
RETURN count(*) AS deleted
