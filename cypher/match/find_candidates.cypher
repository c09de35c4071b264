// Candidates: for each participant in $participant_ids, the best $limit door-openers, best first
// (ties by id), as rows (participant_id, door_opener_id, score, shared..., capacity_left).
// With $only_door_opener set it scores that one pair and excludes nothing (a proposal checks the
// rules itself, under its locks): one scoring for the candidate list and proposals. The batch
// ranks everyone at once from per-neighbour facts (cypher/match/batch_*.cypher) with the same
// score, held equal to this query by tests/test_batch_scores.py.
//
// Score (stated in Python in graphsvc/services/candidates.py, which a test holds to this file):
// sum over shared neighbours n of  weight[kind(n)] / ln(1 + door-openers connected to n)
// (Adamic–Adar: a shared Tigrinya counts more than a shared English) over languages, industries
// (division, and one level up its section) and education fields (detailed, narrow, broad), plus
// nearness, which is about meeting rather than rarity and so takes plain weights: same
// municipality (same_municipality + same_county) > same county (same_county) > other counties,
// distance * scale / (scale + km) between municipality centroids. Home and work places both
// count. $mode = 'digital' scores no place. Every door-opener speaks Swedish (a sign-up rule), so
// Swedish counts for every door-opener with weight language / ln(1 + all door-openers).
//
// Shape (why it stays fast at 100k people). The door-opener count of every language, industry
// and field is kept on the node (`door_openers`, written by save_person in the same transaction,
// counted by migration 050 where missing), so rarity costs one property read and no hub is
// walked to count it. A door-opener's score is computed from two properties save_person keeps
// on every person (`neighbour_keys`: every language, industry and field its edges reach, tagged
// by kind, and `municipality_keys`; migration 052 writes them where missing): two property reads
// instead of its ~20 edges, most of them matches and meetings. Only someone in another county
// has their places' centroids read (an index seek each). So only the pool is ever scored, and
// cheaply. The pool is built in two stages, bounded by the score (weights are never negative):
//  1. when places count, everyone in the participant's own municipalities (and the rest of the
//     counties too when those hold fewer than 10 people per candidate asked for); when they do
//     not (digital mode, no place, no Swedish) or the municipalities are that small, everyone
//     sharing a rare neighbour (at most 1 in 100 door-openers; found by walking it). They are
//     scored; `bar` = the $limit-th best score among those who pass the rules.
// 1b. The rare neighbours, when stage 1 left them and someone sharing them outside the own
//     municipalities could still reach the bar (swedish + every neighbour + the best place
//     outside them: same county or the distance weight); on the demo programme that never
//     happened for 235 sampled participants, as the own municipality's place weight outweighs
//     what is shared: their walk read mostly participants (a language rare among door-openers
//     is often common among participants). And the best hub, when stage 2 would walk it anyway
//     (no bar, or the hubs can still reach it), so a bar from the best hub spares the rest
//     (digital mode has no municipality to give one). Whoever they add is scored and the bar
//     taken again over all.
//  2. Anyone not in stage 1 or 1b shares no rare neighbour (or scores below `bar` if they do)
//     and lives elsewhere, so scores at most
//     swedish + (the hubs: the common neighbours) + place. Stage 2 adds only what can still
//     reach `bar`: the rest of the counties (if swedish + all hubs + same_county can), the hubs
//     walked in order of weight while the remaining ones plus the best far place can, and, when
//     even no hub at all can, those who share only Swedish: the nearest in other counties until
//     $limit pass the rules (then every municipality within that distance, so ties are exact)
//     and the first $limit by id. Those are scored the same way (the block is repeated).
// A participant without Swedish whose other languages are spoken by at most 1 in 20
// door-openers has every possible candidate among those speakers: stage 1 walks just them and
// stage 2 adds nothing.
// Whoever is in neither stage scores below `bar`, which $limit eligible door-openers reach, so
// the top $limit are exact (tests/test_candidates_exact.py holds it to brute force). Typically
// stage 1 finds $limit in the participant's municipality and stage 2 adds nothing. The last
// two filter before they stop, so the rules appear there too, and conditional parts are
// guarded by UNWIND of an empty list, not WHERE: the planner scans first.
//
// PROFILE on the shared 100k demo programme (56,891 door-openers; Neo4j 5.26 community), while
// door-openers were scored from their edges: a participant in Solna (home) 35k db hits (489k with
// the county gathered whole); in Stockholm 282k (pool 7,001 door-openers of the municipality:
// 150k hits reading their edges, 71k walking the municipality's people); one who speaks Arabic
// and English but no Swedish, in Växjö and Umeå, 52k (1.75 million before the bar came from
// exact scores); one who speaks only Farsi, in a small municipality of Västra Götaland, 50k (687k
// before walking just Farsi). The old query read 1.0 million for the Stockholm participant.
// Scored from the stored keys, the Stockholm participant (who also works there, so the
// municipality was walked twice) reads 73k: 36k walking its people, 14k reading their keys;
// over 100 sampled participants the median fell from 37.7k to 14k, the largest from 356k to 93k.
// The cost is now mostly the own municipality's size; digital mode, which has no municipality
// to set the bar, is the weak case: a participant there who shares only hubs (field 0913,
// industry 86, Arabic, English) read every door-opener of every hub before stage 1b (3.7 s);
// then 109k db hits, 3,415 scored (the field's).
CALL () { MATCH (x:DoorOpener) RETURN count(x) AS door_openers }
UNWIND $participant_ids AS participant_id
MATCH (p:Person {id: participant_id})
CALL (p, door_openers) {
  WITH p, door_openers,
       // Distinct: someone who lives and works in Stockholm has its people walked once.
       COLLECT { MATCH (p)-[:LIVES_IN|WORKS_IN]->(m:Municipality) RETURN DISTINCT m } AS homes,
       COLLECT { MATCH (p)-[:LIVES_IN|WORKS_IN]->(:Municipality)-[:IN]->(c:County)
                 RETURN DISTINCT c } AS counties,
       EXISTS { (p)-[:SPEAKS]->(l:Language) WHERE l.key = 'sv' } AS speaks_sv,
       COLLECT { MATCH (p)-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]->()-[:PART_OF*0..2]->(n)
                 WHERE coalesce(n.door_openers, 0) > 0 AND NOT (n:Language AND n.key = 'sv')
                 RETURN DISTINCT n } AS scored
  WITH p, door_openers, homes, speaks_sv, scored,
       [h IN homes | h.location] AS home_points,
       COLLECT { UNWIND counties AS c MATCH (c)<-[:IN]-(m:Municipality) RETURN m } AS county_munis,
       $mode <> 'digital' AND size(homes) > 0 AND $only_door_opener IS NULL AS by_place,
       CASE WHEN speaks_sv AND door_openers > 0
            THEN $weights.language / log(1 + door_openers) ELSE 0.0 END AS swedish
  WITH p, door_openers, homes, speaks_sv, home_points, county_munis, by_place, swedish,
       [h IN homes | h.key] AS home_keys, [m IN county_munis | m.key] AS county_keys,
       [n IN scored | {n: n, key: n.key, degree: n.door_openers,
                       kind: CASE WHEN n:Language THEN 'language'
                                  WHEN n:Division THEN 'industry_division'
                                  WHEN n:Section THEN 'industry_section'
                                  ELSE 'field_' + n.level END,
                       // As people/keep_neighbour_keys writes `neighbour_keys`.
                       tag: CASE WHEN n:Language THEN 'language:'
                                 WHEN n:Industry THEN 'industry:'
                                 ELSE 'field:' END + n.key}] AS neighbours
  WITH p, door_openers, homes, speaks_sv, home_points, county_munis, by_place, swedish,
       home_keys, county_keys,
       [e IN neighbours | e {.*, gain: $weights[e.kind] / log(1 + e.degree)}] AS neighbours
  WITH p, door_openers, homes, speaks_sv, home_points, county_munis, by_place, swedish,
       home_keys, county_keys, neighbours,
       [e IN neighbours WHERE e.degree * 100 <= door_openers] AS rare,
       // Without Swedish a candidate must share one of the participant's other languages: when
       // those are few, walking them gathers every candidate there is, and nothing else is read.
       NOT speaks_sv AND $only_door_opener IS NULL
         AND reduce(s = 0, e IN neighbours | s + CASE WHEN e.kind = 'language' THEN e.degree
                                                      ELSE 0 END) * 20 <= door_openers
         AS by_language,
       COLLECT { UNWIND neighbours AS e WITH e WHERE e.degree * 100 > door_openers
                 RETURN e ORDER BY e.gain DESC } AS hubs
  // Stage 1: the rare neighbours walked, the own municipalities (and the rest of the counties
  // when those are tiny), scored; `bar` is the $limit-th best eligible score among them.
  WITH p, door_openers, homes, speaks_sv, home_points, county_munis, swedish,
       home_keys, county_keys, neighbours, hubs, by_language,
       by_place AND NOT by_language AS by_place,
       CASE WHEN by_language THEN [e IN neighbours WHERE e.kind = 'language'] ELSE rare END
         AS rare,
       [m IN county_munis WHERE NOT m IN homes] AS county_rest,
       by_place AND NOT by_language
         AND reduce(s = 0, m IN homes | s + COUNT { (m)<-[:LIVES_IN|WORKS_IN]-() }) < 10 * $limit
         AS county_early
  CALL (homes, by_place, rare, county_rest, county_early) {
    CALL (homes, by_place, rare, county_rest, county_early) {
      // The rare neighbours wait for stage 1b when the own municipalities give the bar.
      UNWIND CASE WHEN $only_door_opener IS NULL AND (NOT by_place OR county_early) THEN rare
                  ELSE [] END AS e
      WITH e.n AS n
      MATCH (n)<-[:PART_OF*0..2]-()<-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]-(d:DoorOpener)
      RETURN d
      UNION
      UNWIND CASE WHEN by_place THEN homes ELSE [] END AS m
      MATCH (m)<-[:LIVES_IN|WORKS_IN]-(d:DoorOpener)
      RETURN d
      UNION
      UNWIND CASE WHEN county_early THEN county_rest ELSE [] END AS m
      MATCH (m)<-[:LIVES_IN|WORKS_IN]-(d:DoorOpener)
      RETURN d
      UNION
      // The one pair a proposal scores.
      MATCH (d:Person {id: $only_door_opener})
      RETURN d
    }
    RETURN collect(d) AS first
  }
  CALL (home_keys, home_points, county_keys, speaks_sv, swedish, neighbours, first) {
    UNWIND first AS d
    // Each property read once (a read inside a list expression is one per element).
    WITH d, d.neighbour_keys AS keys, d.municipality_keys AS places
    WITH d, places, swedish, home_points,
         speaks_sv AND ($only_door_opener IS NULL OR d:DoorOpener OR 'language:sv' IN keys)
           AS both_sv,
         CASE WHEN $only_door_opener IS NULL OR d:DoorOpener
              THEN [e IN neighbours WHERE e.tag IN keys] ELSE [] END AS shared,
         CASE WHEN $mode = 'digital' THEN null
              WHEN any(k IN places WHERE k IN home_keys) THEN 'same_municipality'
              WHEN any(k IN places WHERE k IN county_keys) THEN 'same_county' END AS near
    // Only someone in another county has their places' centroids read (an index seek each).
    WITH d, swedish, both_sv, shared, near,
         CASE WHEN near IS NULL AND $mode <> 'digital' THEN
           reduce(best = null, t IN COLLECT { MATCH (m:Place:Municipality) WHERE m.key IN places
                                             RETURN m.location } |
             reduce(b = best, h IN home_points |
               CASE WHEN b IS NULL OR point.distance(h, t) < b
                    THEN point.distance(h, t) ELSE b END)) / 1000.0
         END AS far_km
    WITH d, near, far_km,
         both_sv OR any(e IN shared WHERE e.kind = 'language') AS shares_language,
         reduce(s = 0.0, e IN shared | s + e.gain)
           + CASE WHEN both_sv THEN swedish ELSE 0.0 END AS shared_score
    WITH d, shares_language,
         round(shared_score
           + CASE WHEN $mode = 'digital' THEN 0.0
                  WHEN near = 'same_municipality'
                    THEN $weights.same_municipality + $weights.same_county
                  WHEN near = 'same_county' THEN $weights.same_county
                  WHEN far_km IS NULL THEN 0.0
                  ELSE $weights.distance * $weights.distance_scale_km
                       / ($weights.distance_scale_km + far_km) END, 6) AS score
    WHERE $only_door_opener IS NOT NULL OR shares_language
    RETURN collect({d: d, score: score}) AS scored_first
  }
  CALL (p, scored_first) {
    UNWIND scored_first AS r
    WITH r ORDER BY r.score DESC
    WITH collect(r) AS ranked
    UNWIND ranked AS r
    WITH r.d AS d, r.score AS score
    WHERE d <> p AND d.active AND NOT coalesce(d.erased, false)
      AND ($mode = 'any' OR $mode IN d.meeting_modes)
      AND any(x IN d.meeting_modes WHERE x IN p.meeting_modes)
      AND COUNT { (d)<-[o:MATCHED]-() WHERE o.status IN ['proposed', 'accepted'] }
          < d.max_active_matches
      AND NOT EXISTS { (p)-[:MATCHED|MET]-(d) }
    WITH score LIMIT $limit
    RETURN collect(score) AS best
  }
  // Stage 1b: the rare neighbours stage 1 left, when someone sharing them outside the own
  // municipalities could still reach the bar (every neighbour shared, and the best place there
  // is outside them). And the best hub, when stage 2 would walk it anyway (no bar yet, or the
  // hubs can still reach it), walked now, so the bar it gives spares the other hubs: in digital
  // mode, or for a participant with no rare neighbour, stage 1 often finds no bar and stage 2
  // walked every hub (English: 4 in 5 door-openers). Whoever they add is scored; the bar is
  // taken again.
  WITH p, door_openers, homes, speaks_sv, home_points, county_munis, by_place, swedish,
       home_keys, county_keys, neighbours, by_language, hubs, county_rest, county_early, first,
       scored_first, best AS stage1_best,
       $only_door_opener IS NULL AND by_place AND NOT county_early AND size(rare) > 0
         AND (size(best) < $limit
              OR swedish + reduce(s = 0.0, e IN neighbours | s + e.gain)
                 + CASE WHEN $weights.same_county > $weights.distance THEN $weights.same_county
                        ELSE $weights.distance END >= best[-1] - 1.0e-6)
         AS rare_late,
       rare,
       $only_door_opener IS NULL AND NOT by_language AND size(hubs) > 0
         AND (size(best) < $limit OR swedish + reduce(s = 0.0, e IN hubs | s + e.gain)
              + CASE WHEN by_place THEN $weights.distance ELSE 0.0 END >= best[-1] - 1.0e-6)
         AS hub_early
  CALL (hubs, hub_early, rare, rare_late) {
    UNWIND CASE WHEN rare_late THEN rare ELSE [] END
           + CASE WHEN hub_early THEN [hubs[0]] ELSE [] END AS e
    WITH e.n AS n
    MATCH (n)<-[:PART_OF*0..2]-()<-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]-(d:DoorOpener)
    RETURN collect(DISTINCT d) AS walked
  }
  // Whoever stage 1 scored is left out. When the rare neighbours waited for 1b, stage 1 walked
  // just the own municipalities, so its door-openers are those whose stored places include one
  // of them: known from their keys, not searched for in a list of thousands.
  WITH *, CASE WHEN rare_late
               THEN [d IN walked WHERE none(k IN d.municipality_keys WHERE k IN home_keys)]
               ELSE [d IN walked WHERE NOT d IN first] END AS early
  // The same scoring, for those stage 1b added.
  CALL (home_keys, home_points, county_keys, speaks_sv, swedish, neighbours, early) {
    UNWIND early AS d
    // Each property read once (a read inside a list expression is one per element).
    WITH d, d.neighbour_keys AS keys, d.municipality_keys AS places
    WITH d, places, swedish, home_points,
         speaks_sv AND ($only_door_opener IS NULL OR d:DoorOpener OR 'language:sv' IN keys)
           AS both_sv,
         CASE WHEN $only_door_opener IS NULL OR d:DoorOpener
              THEN [e IN neighbours WHERE e.tag IN keys] ELSE [] END AS shared,
         CASE WHEN $mode = 'digital' THEN null
              WHEN any(k IN places WHERE k IN home_keys) THEN 'same_municipality'
              WHEN any(k IN places WHERE k IN county_keys) THEN 'same_county' END AS near
    // Only someone in another county has their places' centroids read (an index seek each).
    WITH d, swedish, both_sv, shared, near,
         CASE WHEN near IS NULL AND $mode <> 'digital' THEN
           reduce(best = null, t IN COLLECT { MATCH (m:Place:Municipality) WHERE m.key IN places
                                             RETURN m.location } |
             reduce(b = best, h IN home_points |
               CASE WHEN b IS NULL OR point.distance(h, t) < b
                    THEN point.distance(h, t) ELSE b END)) / 1000.0
         END AS far_km
    WITH d, near, far_km,
         both_sv OR any(e IN shared WHERE e.kind = 'language') AS shares_language,
         reduce(s = 0.0, e IN shared | s + e.gain)
           + CASE WHEN both_sv THEN swedish ELSE 0.0 END AS shared_score
    WITH d, shares_language,
         round(shared_score
           + CASE WHEN $mode = 'digital' THEN 0.0
                  WHEN near = 'same_municipality'
                    THEN $weights.same_municipality + $weights.same_county
                  WHEN near = 'same_county' THEN $weights.same_county
                  WHEN far_km IS NULL THEN 0.0
                  ELSE $weights.distance * $weights.distance_scale_km
                       / ($weights.distance_scale_km + far_km) END, 6) AS score
    WHERE $only_door_opener IS NOT NULL OR shares_language
    RETURN collect({d: d, score: score}) AS scored_early
  }
  // Taken again only when stage 1b added someone: the same rows give the same bar.
  CALL (p, scored_first, scored_early) {
    UNWIND CASE WHEN size(scored_early) > 0 THEN scored_first + scored_early ELSE [] END AS r
    WITH r ORDER BY r.score DESC
    WITH collect(r) AS ranked
    UNWIND ranked AS r
    WITH r.d AS d, r.score AS score
    WHERE d <> p AND d.active AND NOT coalesce(d.erased, false)
      AND ($mode = 'any' OR $mode IN d.meeting_modes)
      AND any(x IN d.meeting_modes WHERE x IN p.meeting_modes)
      AND COUNT { (d)<-[o:MATCHED]-() WHERE o.status IN ['proposed', 'accepted'] }
          < d.max_active_matches
      AND NOT EXISTS { (p)-[:MATCHED|MET]-(d) }
    WITH score LIMIT $limit
    RETURN collect(score) AS again
  }
  // Stage 2: only what can still reach the bar (1e-6 covers the rounding of scores).
  WITH p, door_openers, homes, speaks_sv, home_points, county_munis, by_place, swedish,
       home_keys, county_keys, neighbours, county_rest, county_early, first + early AS first,
       scored_first + scored_early AS scored_first,
       // Whoever shares the hub stage 1b walked is scored already.
       CASE WHEN by_language THEN [] WHEN hub_early THEN hubs[1..] ELSE hubs END AS hubs,
       CASE WHEN size(scored_early) > 0 THEN again ELSE stage1_best END AS best,
       CASE WHEN by_place THEN $weights.distance ELSE 0.0 END AS far
  WITH p, door_openers, homes, speaks_sv, home_points, county_munis, by_place, swedish,
       home_keys, county_keys, neighbours, county_rest, county_early, first, scored_first, hubs,
       CASE WHEN size(best) = $limit THEN best[-1] - 1.0e-6 END AS bar, far
  WITH p, door_openers, homes, speaks_sv, home_points, county_munis, by_place, swedish,
       home_keys, county_keys, neighbours, county_rest, first, scored_first, bar, far,
       by_place AND NOT county_early AND (bar IS NULL OR swedish
         + reduce(s = 0.0, e IN hubs | s + e.gain) + $weights.same_county >= bar) AS county_late,
       [i IN range(0, size(hubs) - 1)
        WHERE bar IS NULL OR swedish + reduce(s = 0.0, e IN hubs[i..] | s + e.gain) + far >= bar
        | hubs[i]] AS walked,
       $only_door_opener IS NULL AND speaks_sv AND (bar IS NULL OR swedish + far >= bar)
         AS only_swedish
  CALL (p, home_points, county_munis, by_place, county_rest, walked, only_swedish, county_late,
        first) {
    CALL (p, home_points, county_munis, by_place, county_rest, walked, only_swedish,
          county_late) {
      UNWIND CASE WHEN county_late THEN county_rest ELSE [] END AS m
      MATCH (m)<-[:LIVES_IN|WORKS_IN]-(d:DoorOpener)
      RETURN d
      UNION
      UNWIND CASE WHEN $only_door_opener IS NULL THEN walked ELSE [] END AS e
      WITH e.n AS n
      MATCH (n)<-[:PART_OF*0..2]-()<-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]-(d:DoorOpener)
      RETURN d
      UNION
      // The nearest door-openers in other counties, for those who share only Swedish.
      UNWIND CASE WHEN only_swedish AND by_place THEN [true] ELSE [] END AS wanted
      MATCH (m:Municipality)
      WHERE NOT m IN county_munis
      WITH p, home_points, county_munis, m,
           reduce(best = 1.0e12, h IN home_points |
             CASE WHEN point.distance(h, m.location) < best
                  THEN point.distance(h, m.location) ELSE best END) AS metres
      ORDER BY metres
      MATCH (m)<-[:LIVES_IN|WORKS_IN]-(d:DoorOpener)
      WHERE d <> p AND d.active AND NOT coalesce(d.erased, false)
        AND ($mode = 'any' OR $mode IN d.meeting_modes)
        AND any(x IN d.meeting_modes WHERE x IN p.meeting_modes)
        AND COUNT { (d)<-[o:MATCHED]-() WHERE o.status IN ['proposed', 'accepted'] }
            < d.max_active_matches
        AND NOT EXISTS { (p)-[:MATCHED|MET]-(d) }
      WITH home_points, county_munis, metres
      ORDER BY metres
      LIMIT $limit
      WITH home_points, county_munis, max(metres) AS reach
      MATCH (m:Municipality)
      WHERE NOT m IN county_munis
        AND any(h IN home_points WHERE point.distance(h, m.location) <= reach)
      MATCH (m)<-[:LIVES_IN|WORKS_IN]-(d:DoorOpener)
      RETURN d
      UNION
      // The first door-openers by id, for those who share only Swedish and no place.
      UNWIND CASE WHEN only_swedish THEN [true] ELSE [] END AS wanted
      CALL (p) {
        MATCH (d:DoorOpener)
        WHERE d.id IS NOT NULL
          AND d <> p AND d.active AND NOT coalesce(d.erased, false)
          AND ($mode = 'any' OR $mode IN d.meeting_modes)
          AND any(x IN d.meeting_modes WHERE x IN p.meeting_modes)
          AND COUNT { (d)<-[o:MATCHED]-() WHERE o.status IN ['proposed', 'accepted'] }
              < d.max_active_matches
          AND NOT EXISTS { (p)-[:MATCHED|MET]-(d) }
        RETURN d ORDER BY d.id LIMIT $limit
      }
      RETURN d
    }
    WITH first, d WHERE NOT d IN first
    RETURN collect(d) AS second
  }
  // The same scoring as stage 1's, for those stage 2 added.
  CALL (home_keys, home_points, county_keys, speaks_sv, swedish, neighbours, second) {
    UNWIND second AS d
    // Each property read once (a read inside a list expression is one per element).
    WITH d, d.neighbour_keys AS keys, d.municipality_keys AS places
    WITH d, places, swedish, home_points,
         speaks_sv AND ($only_door_opener IS NULL OR d:DoorOpener OR 'language:sv' IN keys)
           AS both_sv,
         CASE WHEN $only_door_opener IS NULL OR d:DoorOpener
              THEN [e IN neighbours WHERE e.tag IN keys] ELSE [] END AS shared,
         CASE WHEN $mode = 'digital' THEN null
              WHEN any(k IN places WHERE k IN home_keys) THEN 'same_municipality'
              WHEN any(k IN places WHERE k IN county_keys) THEN 'same_county' END AS near
    // Only someone in another county has their places' centroids read (an index seek each).
    WITH d, swedish, both_sv, shared, near,
         CASE WHEN near IS NULL AND $mode <> 'digital' THEN
           reduce(best = null, t IN COLLECT { MATCH (m:Place:Municipality) WHERE m.key IN places
                                             RETURN m.location } |
             reduce(b = best, h IN home_points |
               CASE WHEN b IS NULL OR point.distance(h, t) < b
                    THEN point.distance(h, t) ELSE b END)) / 1000.0
         END AS far_km
    WITH d, near, far_km,
         both_sv OR any(e IN shared WHERE e.kind = 'language') AS shares_language,
         reduce(s = 0.0, e IN shared | s + e.gain)
           + CASE WHEN both_sv THEN swedish ELSE 0.0 END AS shared_score
    WITH d, shares_language,
         round(shared_score
           + CASE WHEN $mode = 'digital' THEN 0.0
                  WHEN near = 'same_municipality'
                    THEN $weights.same_municipality + $weights.same_county
                  WHEN near = 'same_county' THEN $weights.same_county
                  WHEN far_km IS NULL THEN 0.0
                  ELSE $weights.distance * $weights.distance_scale_km
                       / ($weights.distance_scale_km + far_km) END, 6) AS score
    WHERE $only_door_opener IS NOT NULL OR shares_language
    RETURN collect({d: d, score: score}) AS scored_second
  }
  // Rank everyone first, then check the rules lazily, best first, until $limit pass: the rules
  // read the graph, so they run for a handful of door-openers instead of the whole pool. Only
  // those at or above the bar are ranked: $limit eligible door-openers reach it already, so
  // nobody below it can be among the best $limit (and the sort reads no id for the rest).
  UNWIND [r IN scored_first + scored_second WHERE bar IS NULL OR r.score >= bar] AS r
  WITH p, homes, home_points, county_munis, speaks_sv, neighbours, r
  ORDER BY r.score DESC, r.d.id
  WITH p, homes, home_points, county_munis, speaks_sv, neighbours, collect(r) AS ranked
  UNWIND ranked AS r
  WITH p, homes, home_points, county_munis, speaks_sv, neighbours, r, r.d AS d
  WITH p, homes, home_points, county_munis, speaks_sv, neighbours, r, d,
       COUNT { (d)<-[o:MATCHED]-() WHERE o.status IN ['proposed', 'accepted'] } AS open_matches
  WHERE $only_door_opener IS NOT NULL OR (
        d <> p AND d.active AND NOT coalesce(d.erased, false)
        AND ($mode = 'any' OR $mode IN d.meeting_modes)
        AND any(x IN d.meeting_modes WHERE x IN p.meeting_modes)
        AND open_matches < d.max_active_matches
        AND NOT EXISTS { (p)-[:MATCHED|MET]-(d) })
  LIMIT $limit
  // The explanation, for the few rows returned (in digital mode too, where it scored nothing):
  // what they share is found again from the stored keys, as the scoring found it, so the
  // scoring of the whole pool builds no lists it would throw away.
  WITH homes, home_points, county_munis, r, d, open_matches, neighbours,
       speaks_sv AND ($only_door_opener IS NULL OR d:DoorOpener
                      OR 'language:sv' IN d.neighbour_keys) AS both_sv,
       CASE WHEN $only_door_opener IS NULL OR d:DoorOpener
            THEN [e IN neighbours WHERE e.tag IN d.neighbour_keys] ELSE [] END AS shared,
       [(d)-[:LIVES_IN|WORKS_IN]->(m:Municipality) | m] AS theirs
  // The door-opener as the list shows them, read here rather than in a second query.
  CALL (d) {
    WITH d AS p
    RETURN
// include: person
      AS door_opener
  }
  RETURN d.id AS door_opener_id, r.score AS score,
         [e IN shared WHERE e.kind = 'language' | e.key]
           + CASE WHEN both_sv THEN ['sv'] ELSE [] END AS languages,
         [e IN shared WHERE e.kind STARTS WITH 'industry' | e.key] AS industries,
         [e IN shared WHERE e.kind STARTS WITH 'field' | e.key] AS fields,
         CASE WHEN any(m IN theirs WHERE m IN homes) THEN 'same_municipality'
              WHEN any(m IN theirs WHERE m IN county_munis) THEN 'same_county'
              ELSE 'other' END AS place,
         reduce(best = null, m IN theirs | reduce(b = best, h IN home_points |
           CASE WHEN b IS NULL OR point.distance(h, m.location) < b
                THEN point.distance(h, m.location) ELSE b END)) / 1000.0 AS distance_km,
         d.max_active_matches - open_matches AS capacity_left, door_opener
}
RETURN p.id AS participant_id, p:Participant AS is_participant, door_opener_id, score, languages,
       industries, fields, place, distance_km, capacity_left, door_opener
