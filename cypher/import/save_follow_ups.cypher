// Imported follow-ups: the four answers on the meeting's MET edge under the names the follow-up
// endpoint writes, given by "import" at the row's time, as the first revision. A meeting that
// has a follow-up already keeps it (the caller skips those), so a re-import changes nothing.
UNWIND $rows AS row
MATCH ()-[met:MET {id: row.meeting_id}]->() USING INDEX SEEK met:MET(id)
WHERE met.follow_up_outcome IS NULL
SET met.follow_up_understood_market_better = row.understood_market_better,
    met.follow_up_integration_helped = row.integration_helped,
    met.follow_up_kept_in_contact = row.kept_in_contact,
    met.follow_up_outcome = row.outcome,
    met.follow_up_comment = row.comment,
    met.follow_up_by = 'import',
    met.follow_up_at = datetime(row.at),
    met.follow_up_first_at = datetime(row.at),
    met.follow_up_revision = 1
RETURN count(met) AS written
