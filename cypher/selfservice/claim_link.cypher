// Records a state-changing link as used. MERGE on the unique id serialises two clicks at the same
// moment: only the one whose `$claim` nonce was written gets `claimed = true`, the other sees the
// first one's nonce and is refused, with no constraint error to unwind.
MERGE (u:UsedLink {id: $id})
ON CREATE SET u.claim = $claim, u.purpose = $purpose, u.used_at = $at
RETURN u.claim = $claim AS claimed
