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
// participant's edges are walked once for their matches, their meetings (held in the period, the
// people met, the meetings doors may belong to, the first meeting) and the doors they opened:
// a person's edges are one chain that every expansion reads whole, whichever type it wants, so
// three expansions read it three times. Ends are not checked for `:Person`: every writer of
// MATCHED, MET and OPENED_DOOR links two people, and erasure keeps the label.
// A meeting's or door's month (Stockholm time) is read from the period's month table
// (`graphsvc.reporting.months`), not converted to Stockholm time once per row.
// Every share is null when there is nothing to divide by.
// `trees` lists the relay trees of the participants kept who met someone in the period, from the
// same edges and doors (a query of their own read them all a second time): per participant, in
// the order of the participant label scan (`summarise_reach` averages in that order), the id,
// the months in which they met someone in the period, everyone they were matched with or met,
// and the doors opened *for them*, earliest first (by time, then id: the first door to a contact
// names its parent), flat as contact id, opener id, contact id, ... `graphsvc.reporting.trees`
// walks each tree from these with the rules of `relay/participant_network` (at most 32 doors
// from a first contact); a variable-length walk here read every door of every person on the
// way, whoever it was opened for, and walked each subtree again from each of its members.
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
  CALL (p, start, stop) {
    MATCH (p)-[r:MATCHED|MET|OPENED_DOOR]->(x)
    WITH type(r) AS kind, r, x
    RETURN count(CASE WHEN kind = 'MATCHED' AND r.created_at >= start AND r.created_at < stop
                      THEN 1 END) AS matches,
           collect(CASE WHEN kind = 'MET' THEN x END) AS met,
           collect(CASE WHEN kind = 'MET' THEN r.id END) AS meeting_ids,
           min(CASE WHEN kind = 'MET' THEN r.held_at END) AS first_held,
           collect(CASE WHEN kind = 'MET' AND r.held_at >= start AND r.held_at < stop THEN {
               generation: r.generation,
               month: $months[$month_of_hour[(r.held_at.epochSeconds - $first_hour) / 3600]],
               digital: r.mode = 'digital',
               retired: x.retired = true,
               answered: r.follow_up_outcome IS NOT NULL,
               understood: r.follow_up_understood_market_better = true,
               helped: r.follow_up_integration_helped = true,
               kept: r.follow_up_kept_in_contact = true,
               outcome: r.follow_up_outcome} END) AS held,
           collect(DISTINCT CASE WHEN kind = 'MET' AND r.held_at >= start AND r.held_at < stop
                                 THEN $months[$month_of_hour[(r.held_at.epochSeconds - $first_hour)
                                                             / 3600]] END) AS months,
           count(CASE WHEN kind = 'MET' AND r.held_at >= start AND r.held_at < stop
                           AND r.no_doors_at IS NOT NULL THEN 1 END) AS without_doors,
           collect(DISTINCT CASE WHEN kind <> 'OPENED_DOOR' THEN x END) AS firsts,
           collect(CASE WHEN kind = 'OPENED_DOOR' THEN {o: r, c: x} END) AS own_doors
  }
  WITH p, matches, met, meeting_ids, first_held, held, months, without_doors, firsts, own_doors,
       COLLECT {
         MATCH (opener)-[o:OPENED_DOOR]->(c)
         WHERE o.for_id = p.id
         RETURN {o: o, c: c, opener: opener} ORDER BY o.at, o.id
       } AS for_p
  WITH p, matches, met, held, months, without_doors, first_held, firsts, for_p, [
         d IN for_p + [d IN own_doors WHERE d.o.for_id <> p.id]
         WHERE d.o.meeting_id IN meeting_ids AND d.o.at >= start AND d.o.at < stop | {
           month: $months[$month_of_hour[(d.o.at.epochSeconds - $first_hour) / 3600]],
           relay: d.o.opened_by = 'door_opener',
           generation: d.o.generation,
           met: d.o.opened_by = 'door_opener' AND d.c IN met}
       ] AS opened
  RETURN sum(matches) AS matches,
         collect(held) AS held_by_participant,
         collect(opened) AS opened_by_participant,
         count(CASE WHEN size(held) > 0 THEN 1 END) AS participants_met,
         count(CASE WHEN without_doors > 0 THEN 1 END) AS rematched,
         percentileCont(
           CASE WHEN first_held >= start AND first_held < stop
                THEN duration.inDays(
                       coalesce(p.signed_up_at, date(p.created_at)),
                       date(datetime({datetime: first_held, timezone: 'Europe/Stockholm'}))).days
           END, 0.5) AS median_days_to_first_meeting,
         collect(CASE WHEN size(months) > 0 THEN {
           root: p.id,
           months: months,
           firsts: [first IN firsts | first.id],
           doors: reduce(ids = [], d IN for_p | ids + [d.c.id, d.opener.id])} END) AS trees
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
       monthly,
       trees
