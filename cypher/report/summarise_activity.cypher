// The report's activity figures for the participants the filters keep: matches made in the
// period (any status: a declined proposal was still a match made); meetings (MET) held in it,
// by generation (relay depth) and month, digital, with a retired door-opener; their follow-ups
// (shares answering true, outcomes); doors opened in the period at these participants' meetings
// by either side, those opened by door-openers apart (doors per meeting) and whether each led to
// a meeting (branching factor, completion per generation); the rematch rate (participants with
// a meeting in the period at which no door could be opened, `no_doors_at` being kept for good
// while `rematch_since` is cleared by the next match); and the median days from sign-up to the
// first meeting, over participants whose first meeting fell in the period.
// Follow-ups belong to their meeting's period, not the day they were typed in. A door belongs to
// the participant of its meeting (`meeting_id`), whichever side opened it. Its opener is one side
// of the meeting and `for_id` the other (both writers, relay and import, make it so), so a
// participant's doors are found from the participant alone: those opened for them (one index
// seek on `for_id`, not one per meeting) and those they opened. Whether a door led to a meeting
// is a look-up in the people the participant met, collected once, not a walk per door. Each
// participant's meetings are read once, for the meetings held in the period, the people met,
// the meetings doors may belong to and the first meeting alike.
// A meeting's or door's month (Stockholm time) is read from the period's month table
// (`graphsvc.reporting.months`), not converted to Stockholm time once per row.
// Every share is null when there is nothing to divide by.
MATCH (p:Participant)
WHERE ($industry IS NULL OR EXISTS {
        MATCH (p)-[:IN_INDUSTRY]->(i:Industry)
        WHERE i.key = $industry OR EXISTS { (i)-[:PART_OF]->(:Industry {key: $industry}) } })
  AND ($place IS NULL OR EXISTS {
        MATCH (p)-[:LIVES_IN]->(m:Municipality)
        WHERE m.key = $place OR EXISTS { (m)-[:IN]->(:County {key: $place}) } })
// Collected before anything else is projected: a grouping key here would turn "nobody kept"
// into no row at all instead of a row of zeros.
WITH collect(p) AS kept
WITH kept, datetime({date: $from, timezone: 'Europe/Stockholm'}) AS start,
     datetime({date: $to + duration({days: 1}), timezone: 'Europe/Stockholm'}) AS stop
CALL (kept, start, stop) {
  UNWIND kept AS p
  MATCH (p)-[x:MATCHED]->(:Person)
  WHERE x.created_at >= start AND x.created_at < stop
  RETURN count(x) AS matches
}
CALL (kept, start, stop) {
  UNWIND kept AS p
  MATCH (p)-[m:MET]->(x)
  WITH p, collect(x) AS met, collect(CASE WHEN x:Person THEN m.id END) AS meeting_ids,
       min(m.held_at) AS first_held,
       collect(CASE WHEN x:Person AND m.held_at >= start AND m.held_at < stop THEN {
           generation: m.generation,
           month: $months[$month_of_hour[(m.held_at.epochSeconds - $first_hour) / 3600]],
           digital: m.mode = 'digital',
           retired: x.retired = true,
           answered: m.follow_up_outcome IS NOT NULL,
           understood: m.follow_up_understood_market_better = true,
           helped: m.follow_up_integration_helped = true,
           kept: m.follow_up_kept_in_contact = true,
           outcome: m.follow_up_outcome} END) AS held,
       count(CASE WHEN x:Person AND m.held_at >= start AND m.held_at < stop
                       AND m.no_doors_at IS NOT NULL THEN 1 END) AS without_doors
  WITH p, held, without_doors, first_held, COLLECT {
         CALL (p) {
           MATCH (:Person)-[o:OPENED_DOOR]->(c:Person)
           WHERE o.for_id = p.id
           RETURN o, c
           UNION
           MATCH (p)-[o:OPENED_DOOR]->(c:Person)
           RETURN o, c
         }
         WITH o, c
         WHERE o.meeting_id IN meeting_ids AND o.at >= start AND o.at < stop
         RETURN {
           month: $months[$month_of_hour[(o.at.epochSeconds - $first_hour) / 3600]],
           relay: o.opened_by = 'door_opener',
           generation: o.generation,
           met: o.opened_by = 'door_opener' AND c IN met}
       } AS opened
  RETURN collect(held) AS held_by_participant,
         collect(opened) AS opened_by_participant,
         count(CASE WHEN size(held) > 0 THEN 1 END) AS participants_met,
         count(CASE WHEN without_doors > 0 THEN 1 END) AS rematched,
         percentileCont(
           CASE WHEN first_held >= start AND first_held < stop
                THEN duration.inDays(
                       coalesce(p.signed_up_at, date(p.created_at)),
                       date(datetime({datetime: first_held, timezone: 'Europe/Stockholm'}))).days
           END, 0.5) AS median_days_to_first_meeting
}
WITH *, COLLECT { UNWIND held_by_participant AS rows UNWIND rows AS r RETURN r } AS meetings,
     COLLECT { UNWIND opened_by_participant AS rows UNWIND rows AS r RETURN r } AS doors
CALL (meetings) {
  UNWIND meetings AS r
  WITH r.generation AS generation, count(*) AS held ORDER BY generation
  RETURN collect({generation: generation, meetings: held}) AS relay_depth
}
CALL (meetings) {
  UNWIND meetings AS r
  WITH r WHERE r.answered
  WITH r.outcome AS outcome, count(*) AS n
  RETURN collect({outcome: outcome, n: n}) AS outcomes
}
CALL (doors) {
  UNWIND doors AS r
  WITH r WHERE r.relay
  WITH r.generation AS generation, count(*) AS opened, count(CASE WHEN r.met THEN 1 END) AS met
  ORDER BY generation
  RETURN collect({generation: generation, doors: opened, met: met,
                  share: toFloat(met) / opened}) AS completion_per_generation
}
CALL (meetings, doors) {
  UNWIND meetings + doors AS r
  WITH r.month AS month,
       count(CASE WHEN r.relay IS NULL THEN 1 END) AS held,
       count(r.relay) AS opened
  ORDER BY month
  RETURN collect({month: month, meetings: held, doors: opened}) AS monthly
}
WITH *, [r IN meetings WHERE r.answered] AS answered, size(meetings) AS held
RETURN matches,
       held AS meetings,
       size(doors) AS doors_opened,
       CASE WHEN held > 0 THEN toFloat(size([r IN doors WHERE r.relay])) / held END
         AS doors_per_meeting,
       CASE WHEN held > 0 THEN toFloat(size([r IN doors WHERE r.met])) / held END
         AS branching_factor,
       relay_depth,
       size(answered) AS follow_ups,
       CASE WHEN size(answered) > 0
            THEN toFloat(size([r IN answered WHERE r.understood])) / size(answered) END
         AS understood_market_better,
       CASE WHEN size(answered) > 0
            THEN toFloat(size([r IN answered WHERE r.helped])) / size(answered) END
         AS integration_helped,
       CASE WHEN size(answered) > 0
            THEN toFloat(size([r IN answered WHERE r.kept])) / size(answered) END
         AS kept_in_contact,
       outcomes,
       CASE WHEN participants_met > 0 THEN toFloat(rematched) / participants_met END
         AS rematch_rate,
       median_days_to_first_meeting,
       completion_per_generation,
       CASE WHEN held > 0 THEN toFloat(size([r IN meetings WHERE r.retired])) / held END
         AS retired_share_of_meetings,
       CASE WHEN held > 0 THEN toFloat(size([r IN meetings WHERE r.digital])) / held END
         AS digital_share_of_meetings,
       monthly
