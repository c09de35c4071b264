// People already held under any of the given normalised e-mails or kept ids, as (id, email_norm)
// rows (email_norm is null for an erased person), so an import skips them instead of failing on
// the uniqueness constraint halfway. Every look-up names its index with SEEK: a plan made while
// the index looked empty would otherwise scan the whole index for each key once it is not.
// `replan=force`: an import runs each look-up a few times, just after writing thousands of
// edges; a plan cached while there were none would scan where it should seek (minutes, not ms).
CYPHER replan=force
CALL () {
  UNWIND $emails AS email
  MATCH (p:Person {email_norm: email}) USING INDEX SEEK p:Person(email_norm)
  RETURN p
  UNION
  UNWIND $ids AS id
  MATCH (p:Person {id: id}) USING INDEX SEEK p:Person(id)
  RETURN p
}
RETURN p.id AS id, p.email_norm AS email_norm
