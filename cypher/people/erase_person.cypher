// Erasure: removes name, e-mail, phone and free text for good. The node, its roles and its edges
// stay as an anonymous member so that counts and reach stay true; it can never be matched again.
// Free text on the person's meetings (a follow-up comment, a no-doors reason) may describe either
// of the two who met, so it goes whichever of them is erased.
MATCH (p:Person {id: $id})
SET p.name = null, p.name_lower = null, p.email = null, p.email_norm = null, p.phone = null,
    p.notes = null, p.availability_json = '[]', p.active = false, p.erased = true,
    p.erased_at = $erased_at
WITH p
CALL (p) {
  MATCH (p)-[m:MET]-()
  SET m.follow_up_comment = null, m.no_doors_reason = null
}
RETURN p.id AS id
