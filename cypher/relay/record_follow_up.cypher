// The meeting's follow-up, on the MET edge: the four answers, an optional comment, the token name
// that gave it and when. A second follow-up replaces the first; `follow_up_revision` counts them
// and `follow_up_first_at` keeps when the first came, so a change is visible without keeping the
// replaced answers. One statement, so concurrent follow-ups cannot lose a revision.
MATCH ()-[met:MET {id: $meeting_id}]->()
SET met.follow_up_understood_market_better = $understood_market_better,
    met.follow_up_integration_helped = $integration_helped,
    met.follow_up_kept_in_contact = $kept_in_contact,
    met.follow_up_outcome = $outcome,
    met.follow_up_comment = $comment,
    met.follow_up_by = $by,
    met.follow_up_at = $at,
    met.follow_up_first_at = coalesce(met.follow_up_first_at, $at),
    met.follow_up_revision = coalesce(met.follow_up_revision, 0) + 1
RETURN met.id AS meeting_id,
       met.follow_up_understood_market_better AS understood_market_better,
       met.follow_up_integration_helped AS integration_helped,
       met.follow_up_kept_in_contact AS kept_in_contact,
       met.follow_up_outcome AS outcome, met.follow_up_comment AS comment,
       met.follow_up_by AS by, met.follow_up_at AS at,
       met.follow_up_first_at AS first_at, met.follow_up_revision AS revision
