// Gives a claimed link back when the action behind it could not be carried out (the database
// failed half-way, a mail server was down), so the same mail can be used again. Only the claim
// that was made by this request is removed.
MATCH (u:UsedLink {id: $id, claim: $claim})
DELETE u
RETURN count(*) AS released
