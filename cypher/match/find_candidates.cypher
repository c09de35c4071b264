// Candidates: for each participant in $participant_ids, the best $limit door-openers, best first
// (ties by id), as rows (participant_id, door_opener_id, score, shared..., capacity_left).
// With $only_door_opener set it scores that one pair and excludes nothing (a proposal checks the
// rules itself, under its locks): one scoring for the candidate list, the batch and proposals.
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
// Shape (why it stays fast): `sv` is never expanded. Candidates are gathered by
//  A. walking from the participant's other neighbours down each hierarchy once (from the section,
//     the broad field, a non-Swedish language) to the door-openers; the same pass counts each
//     neighbour's door-openers, so rarity costs nothing extra;
//  B. everyone in the participant's own counties (they share a place);
//  C. those sharing only Swedish score by place alone, so only the nearest can win: municipalities
//     of other counties are read nearest first and the walk stops after $limit eligible
//     door-openers (then takes every municipality within that distance, so ties are exact);
//  D. for people without a place, and for digital mode, the first $limit eligible by id.
// Anyone gathered by none of these shares only Swedish and is farther (or later by id) than
// $limit who were gathered, so the top $limit are exact. Scoring the pool reads nothing but a
// far door-opener's municipality; the rules (which read the graph) run lazily on the ranked
// list until $limit pass. C and D must filter before they stop, so the rules appear there too.
// C and D are guarded by UNWIND of an empty list, not WHERE: the planner scans before a WHERE.
//
// PROFILE (Neo4j 5.26 community, slotted runtime) on a seeded programme of 3,000 people (1,200
// door-openers, 1,800 participants, 278 open matches; tests/factories.random_*), participant
// speaking ar/en/sv in Göteborg, industry 85, field 1013, $limit 10, mode any:
//   18,898 db hits, 15 ms. Over 200 participants: p50 17.6k hits / 17.6 ms, p90 20.3k / 25.5 ms
//   (digital mode p50 15 ms); a shared 2-core machine, so read the hits more than the times.
//   A  Expand (leaf)<-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]-(d)  2,877 rows / 2,966 hits + the
//      d:DoorOpener filter 2,877 hits -> 1,283 rows; EagerAggregation per neighbour: 7 rows
//   B  Expand (m)<-[:LIVES_IN|WORKS_IN]-(d) over 26 municipalities of county 14: 577 hits
//   C  Sort of 241 municipalities by distance, pulled 7; Limit 10; second pass 291 hits
//   D  NodeIndexScan door_opener_id(id) in order: 14 rows, Limit 10
//   pool 1,091 door-openers: far distance (their municipality) 8,160 hits; d.id 1,091 hits;
//   Sort 1,091 rows; lazy rules ran for 10 rows (~200 hits); pair mode ($only_door_opener) 6.7k
//   hits. The remaining hub is English: 2,112 speakers, 1,034 of them door-openers, make up
//   three quarters of A and most of the pool. Treating very common languages like Swedish
//   (exactly, with a second C/D walk among their speakers) is the next step if the benchmark
//   at 100k people asks for it.
CALL () { MATCH (x:DoorOpener) RETURN count(x) AS door_openers }
UNWIND $participant_ids AS participant_id
MATCH (p:Person {id: participant_id})
CALL (p, door_openers) {
  WITH p, door_openers,
       [(p)-[:SPEAKS]->(l:Language) | l] AS spoken,
       [(p)-[:LIVES_IN|WORKS_IN]->(m:Municipality) | m] AS homes,
       COLLECT { MATCH (p)-[:LIVES_IN|WORKS_IN]->(:Municipality)-[:IN]->(c:County)
                 RETURN DISTINCT c } AS counties,
       [(p)-[:IN_INDUSTRY]->(i:Industry) | i]
         + [(p)-[:IN_INDUSTRY]->(:Industry)-[:PART_OF]->(s:Industry) | s]
         + [(p)-[:EDUCATED_IN]->(f:Field) | f]
         + [(p)-[:EDUCATED_IN]->(:Field)-[:PART_OF*1..2]->(a:Field) | a] AS hierarchy
  WITH p, door_openers, homes, counties,
       [h IN homes | h.location] AS home_points,
       COLLECT { UNWIND counties AS c MATCH (c)<-[:IN]-(m:Municipality) RETURN m } AS county_munis,
       any(l IN spoken WHERE l.key = 'sv') AS speaks_sv,
       [l IN spoken WHERE l.key <> 'sv'] + hierarchy AS scored
  // Roots: the tops of the participant's hierarchies (a pair only needs those it shares).
  OPTIONAL MATCH (pair:Person {id: $only_door_opener})
  WITH p, door_openers, homes, home_points, county_munis, speaks_sv, scored,
       COLLECT { MATCH (pair)-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]->()-[:PART_OF*0..2]->(up)
                 RETURN up } AS pair_tops
  WITH p, door_openers, homes, home_points, county_munis, speaks_sv, scored,
       COLLECT { UNWIND scored AS n
                 WITH n WHERE NOT EXISTS { (n)-[:PART_OF]->() }
                   AND ($only_door_opener IS NULL OR n IN pair_tops)
                 RETURN DISTINCT n } AS roots
  CALL (p, homes, home_points, county_munis, speaks_sv, scored, roots) {
    // A: through the scored neighbours, counting each one's door-openers once.
    UNWIND roots AS root
    CALL (root) {
      RETURN root AS leaf
      UNION
      MATCH (root)<-[:PART_OF*1..2]-(leaf)
      RETURN leaf
    }
    WITH leaf, [n IN [leaf] + [(leaf)-[:PART_OF*1..2]->(up) | up] WHERE n IN scored] AS shared
    MATCH (leaf)<-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]-(d:DoorOpener)
    UNWIND shared AS node
    WITH node, collect(DISTINCT d) AS reached
    WITH reached, size(reached) AS degree, node.key AS key,
         CASE WHEN node:Language THEN 'language'
              WHEN node:Division THEN 'industry_division'
              WHEN node:Section THEN 'industry_section'
              ELSE 'field_' + node.level END AS kind
    UNWIND reached AS d
    WITH d, key, kind, degree
    WHERE $only_door_opener IS NULL OR d.id = $only_door_opener
    RETURN d, key, kind, degree, null AS near
    UNION ALL
    // B: everyone in the participant's own counties shares a place.
    UNWIND CASE WHEN $mode <> 'digital' AND $only_door_opener IS NULL THEN county_munis
                ELSE [] END AS m
    MATCH (m)<-[:LIVES_IN|WORKS_IN]-(d:DoorOpener)
    RETURN d, null AS key, null AS kind, null AS degree,
           CASE WHEN m IN homes THEN 'same_municipality' ELSE 'same_county' END AS near
    UNION ALL
    // C: the nearest door-openers in other counties, for those who share only Swedish.
    // (UNWIND of an empty list, not WHERE: the planner would scan first and filter after.)
    UNWIND CASE WHEN $mode <> 'digital' AND $only_door_opener IS NULL AND speaks_sv
                     AND size(home_points) > 0 THEN [true] ELSE [] END AS wanted
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
    RETURN DISTINCT d, null AS key, null AS kind, null AS degree, null AS near
    UNION ALL
    // D: the first door-openers by id, for those who share only Swedish and no place.
    UNWIND CASE WHEN $only_door_opener IS NULL AND speaks_sv THEN [true] ELSE [] END AS wanted
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
    RETURN d, null AS key, null AS kind, null AS degree, null AS near
    UNION ALL
    // The one pair a proposal scores, with its places tagged as B tags them.
    MATCH (d:Person {id: $only_door_opener})
    RETURN d, null AS key, null AS kind, null AS degree,
           CASE WHEN $mode = 'digital' THEN null
                WHEN EXISTS { (d)-[:LIVES_IN|WORKS_IN]->(m) WHERE m IN homes }
                  THEN 'same_municipality'
                WHEN EXISTS { (d)-[:LIVES_IN|WORKS_IN]->(m) WHERE m IN county_munis }
                  THEN 'same_county' END AS near
  }
  WITH p, door_openers, homes, home_points, county_munis, speaks_sv, d,
       [h IN collect({key: key, kind: kind, degree: degree}) WHERE h.key IS NOT NULL] AS hits,
       collect(near) AS nears
  // Scoring reads nothing but the rows above, except the distance for those in other counties.
  WITH p, door_openers, homes, home_points, county_munis, d, hits,
       CASE WHEN 'same_municipality' IN nears THEN 'same_municipality'
            WHEN 'same_county' IN nears THEN 'same_county' END AS near,
       speaks_sv AND ($only_door_opener IS NULL OR d:DoorOpener
                      OR EXISTS { (d)-[:SPEAKS]->(:Language {key: 'sv'}) }) AS both_sv
  WITH p, door_openers, homes, home_points, county_munis, d, hits, near, both_sv,
       CASE WHEN near IS NULL AND $mode <> 'digital' AND size(homes) > 0 THEN
         reduce(best = null, t IN [(d)-[:LIVES_IN|WORKS_IN]->(m:Municipality) | m.location] |
           reduce(b = best, h IN home_points |
             CASE WHEN b IS NULL OR point.distance(h, t) < b
                  THEN point.distance(h, t) ELSE b END)) / 1000.0
       END AS far_km
  WITH p, homes, home_points, county_munis, d, hits, both_sv,
       [h IN hits WHERE h.kind = 'language' | h.key]
         + CASE WHEN both_sv THEN ['sv'] ELSE [] END AS languages,
       round(reduce(s = 0.0, h IN hits | s + $weights[h.kind] / log(1 + h.degree))
         + CASE WHEN both_sv THEN $weights.language / log(1 + door_openers) ELSE 0.0 END
         + CASE WHEN $mode = 'digital' THEN 0.0
                WHEN near = 'same_municipality'
                  THEN $weights.same_municipality + $weights.same_county
                WHEN near = 'same_county' THEN $weights.same_county
                WHEN far_km IS NULL THEN 0.0
                ELSE $weights.distance * $weights.distance_scale_km
                     / ($weights.distance_scale_km + far_km) END, 6) AS score
  WHERE $only_door_opener IS NOT NULL OR size(languages) > 0
  // Rank everyone first, then check the rules lazily, best first, until $limit pass: the rules
  // read the graph, so they run for a handful of door-openers instead of the whole pool.
  WITH p, homes, home_points, county_munis, d, hits, languages, score
  ORDER BY score DESC, d.id
  WITH p, homes, home_points, county_munis,
       collect({d: d, hits: hits, languages: languages, score: score}) AS ranked
  UNWIND ranked AS r
  WITH p, homes, home_points, county_munis, r, r.d AS d
  WITH p, homes, home_points, county_munis, r, d,
       COUNT { (d)<-[o:MATCHED]-() WHERE o.status IN ['proposed', 'accepted'] } AS open_matches
  WHERE $only_door_opener IS NOT NULL OR (
        d <> p AND d.active AND NOT coalesce(d.erased, false)
        AND ($mode = 'any' OR $mode IN d.meeting_modes)
        AND any(x IN d.meeting_modes WHERE x IN p.meeting_modes)
        AND open_matches < d.max_active_matches
        AND NOT EXISTS { (p)-[:MATCHED|MET]-(d) })
  LIMIT $limit
  // The explanation, for the few rows returned (in digital mode too, where it scored nothing).
  WITH homes, home_points, county_munis, r, d, open_matches,
       [(d)-[:LIVES_IN|WORKS_IN]->(m:Municipality) | m] AS theirs
  RETURN d.id AS door_opener_id, r.score AS score, r.languages AS languages,
         [h IN r.hits WHERE h.kind STARTS WITH 'industry' | h.key] AS industries,
         [h IN r.hits WHERE h.kind STARTS WITH 'field' | h.key] AS fields,
         CASE WHEN any(m IN theirs WHERE m IN homes) THEN 'same_municipality'
              WHEN any(m IN theirs WHERE m IN county_munis) THEN 'same_county'
              ELSE 'other' END AS place,
         reduce(best = null, m IN theirs | reduce(b = best, h IN home_points |
           CASE WHEN b IS NULL OR point.distance(h, m.location) < b
                THEN point.distance(h, m.location) ELSE b END)) / 1000.0 AS distance_km,
         d.max_active_matches - open_matches AS capacity_left
}
RETURN p.id AS participant_id, door_opener_id, score, languages, industries, fields, place,
       distance_km, capacity_left
