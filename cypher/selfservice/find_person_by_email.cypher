// The person (if any) with exactly this normalised address, through the unique index; used to
// mail an existing member instead of telling a stranger on the page that the address is taken.
MATCH (p:Person {email_norm: $email_norm})
RETURN p.id AS id
