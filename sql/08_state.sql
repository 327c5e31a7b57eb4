--
-- jss_state: jss_agg, jss_rollup and the accessors
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never
SET DateStyle = 'ISO, YMD';
SET TimeZone = 'UTC';

-- deterministic pseudo-random numbers in [0, 1), the same on every platform
CREATE FUNCTION pg_temp.rnd(i int, seed text) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT
AS $$ SELECT ('x' || substr(md5(seed || ':' || i), 1, 13))::bit(52)::bigint::float8 / 4503599627370496 $$;
-- one numeric field of the text form of a state
CREATE FUNCTION pg_temp.field(s jss_state, key text) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT
AS $$ SELECT (regexp_match(s::text, ' ' || key || '=([^ ]+)'))[1]::numeric $$;

-- 3000 contracts of 30 freelancers over 6 years: full-precision outcomes and weights,
-- with exact 1, -1 and 0 outcomes, NULL and zero weights, the largest weight,
-- and ended_at with microseconds
CREATE TEMP TABLE c AS
SELECT i, i % 30 AS freelancer,
       CASE WHEN i % 29 = 0 THEN 1 WHEN i % 31 = 0 THEN -1 WHEN i % 37 = 0 THEN 0
            ELSE 2 * pg_temp.rnd(i, 'o') - 1 END AS outcome,
       CASE WHEN i % 11 = 0 THEN NULL WHEN i % 43 = 0 THEN 0 WHEN i = 1000 THEN 1e6
            ELSE 5 * pg_temp.rnd(i, 'w') END AS weight,
       to_timestamp(1451606400 + floor(pg_temp.rnd(i, 't') * 189216000000000) / 1e6) AS ended_at
FROM generate_series(1, 3000) i;
SELECT count(*) AS rows, count(DISTINCT freelancer) AS freelancers, count(weight) AS weighted,
       min(ended_at) >= '2016-01-01' AND max(ended_at) < '2022-01-01' AS six_years
FROM c;

--
-- The state is a real type with text input and output (no internal state)
--
SELECT typname, typlen, typalign, typstorage FROM pg_type WHERE typname = 'jss_state';
-- every jss aggregate has a real state type (never internal) and a combine function
SELECT bool_and(aggtranstype <> 'internal'::regtype) AS real_stype,
       bool_and(aggcombinefn <> 0) AS has_combine,
       bool_and(p.proparallel = 's') AS parallel_safe
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE p.proname LIKE 'jss\_%';
SELECT aggfnoid::regprocedure AS aggregate, aggtranstype::regtype AS stype
FROM pg_aggregate
WHERE aggfnoid IN ('jss_agg(float8, timestamptz)'::regprocedure, 'jss_agg(float8, timestamptz, float8)'::regprocedure,
                   'jss_rollup(jss_state)'::regprocedure)
ORDER BY 1::text;

--
-- The worked trend example as a state: every field checked by hand
--   x = 9497, 9527, 9557; w = 1 (2^32); o = -1, 0, 1
--   wx = 2^32 * 28581, wxx = 2^32 * 272292987, wxo = 2^64 * 60, woo = 2^96 * 2
--
SELECT jss_agg(o, t) AS state
FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz),
             (0, '2026-01-31 00:00+00'), (1, '2026-03-02 00:00+00')) v(o, t);
SELECT pg_temp.field(s, 'n') = 3 AS n, pg_temp.field(s, 'neutral') = 1 AS neutral,
       pg_temp.field(s, 'dated') = 3 AS dated,
       pg_temp.field(s, 'w') = 3 * 2 ^ 32::numeric AS w,
       pg_temp.field(s, 'w_pos') = 2 ^ 32::numeric AND pg_temp.field(s, 'w_neg') = 2 ^ 32::numeric AS w_pos_neg,
       pg_temp.field(s, 'wo_pos') = 2 ^ 64::numeric AND pg_temp.field(s, 'wo_neg') = 2 ^ 64::numeric AS wo_pos_neg,
       pg_temp.field(s, 'wx') = 28581 * 2 ^ 32::numeric AS wx,
       pg_temp.field(s, 'wxx') = (9497 ^ 2 + 9527 ^ 2 + 9557 ^ 2) * 2 ^ 32::numeric AS wxx,
       pg_temp.field(s, 'wxo') = (-9497 + 9557) * 2 ^ 64::numeric AS wxo,
       pg_temp.field(s, 'woo') = 2 * 2 ^ 96::numeric AS woo
FROM (SELECT jss_agg(o, t) AS s
      FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz),
                   (0, '2026-01-31 00:00+00'), (1, '2026-03-02 00:00+00')) v(o, t)) x;
SELECT jss_score(s) AS score, jss_satisfaction_ratio(s) AS ratio, jss_trend_slope(s) AS slope,
       jss_contracts(s) AS n, jss_first_ended(s) AS first, jss_last_ended(s) AS last,
       jss_needs_review(s) AS review
FROM (SELECT jss_agg(o, t) AS s
      FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz),
                   (0, '2026-01-31 00:00+00'), (1, '2026-03-02 00:00+00')) v(o, t)) x;

--
-- Accessors give the one-step aggregates' bits (= and ::text)
--
CREATE TEMP TABLE per_freelancer AS
SELECT freelancer, jss_agg(outcome, ended_at, weight) AS s, jss_agg(outcome, ended_at) AS s1,
       jss_score(outcome, weight) AS score, jss_score(outcome) AS score1,
       jss_satisfaction_ratio(outcome, weight) AS ratio, jss_satisfaction_ratio(outcome) AS ratio1,
       jss_trend_slope(outcome, ended_at, weight) AS slope, jss_trend_slope(outcome, ended_at) AS slope1,
       count(*) AS n
FROM c GROUP BY freelancer;
SELECT count(*) AS groups,
       bool_and(jss_score(s) = score AND jss_score(s)::text = score::text) AS score,
       bool_and(jss_score(s1) = score1 AND jss_score(s1)::text = score1::text) AS score1,
       bool_and(jss_satisfaction_ratio(s) = ratio
                AND jss_satisfaction_ratio(s)::text = ratio::text) AS ratio,
       bool_and(jss_satisfaction_ratio(s1)::text = ratio1::text) AS ratio1,
       bool_and(jss_trend_slope(s) = slope AND jss_trend_slope(s)::text = slope::text) AS slope,
       bool_and(jss_trend_slope(s1)::text = slope1::text) AS slope1,
       bool_and(jss_contracts(s) = n AND jss_contracts(s1) = n) AS contracts
FROM per_freelancer;
-- and over everything
SELECT jss_score(jss_agg(outcome, ended_at, weight))::text = jss_score(outcome, weight)::text AS score,
       jss_satisfaction_ratio(jss_agg(outcome, ended_at, weight))::text
         = jss_satisfaction_ratio(outcome, weight)::text AS ratio,
       jss_trend_slope(jss_agg(outcome, ended_at, weight))::text
         = jss_trend_slope(outcome, ended_at, weight)::text AS slope
FROM c;
-- jss_agg(o, t) is jss_agg(o, t, 1) and jss_agg(o, t, NULL), byte for byte
SELECT bool_and(a::text = b::text AND a::text = d::text) AS same_state
FROM (SELECT jss_agg(outcome, ended_at) AS a, jss_agg(outcome, ended_at, 1) AS b,
             jss_agg(outcome, ended_at, NULL) AS d
      FROM c GROUP BY freelancer) x;

--
-- jss_score(state, prior_weight, prior_mean, min_contracts)
--
CREATE TEMP TABLE ex AS
SELECT jss_agg(o, '2026-01-01 00:00+00'::timestamptz, w) AS s
FROM (VALUES (1::float8, 1::float8), (1, 1), (-1, 1), (0.5, 2)) v(o, w);
-- N = 1 + 1 - 1 + 1 = 2, W = 5, n = 4
SELECT jss_score(s) AS "default: 100 * 5 / 8",
       jss_score(s, 3, 1, 2) AS "explicit defaults",
       jss_score(s, prior_weight => 0) AS "no prior: 100 * 2 / 5",
       jss_score(s, prior_weight => 5, prior_mean => 0.5) AS "100 * 4.5 / 10",
       jss_score(s, prior_mean => 0) AS "100 * 2 / 8",
       jss_score(s, min_contracts => 4) AS "n = 4 is enough",
       jss_score(s, min_contracts => 5) IS NULL AS "n = 4 is not 5",
       jss_score(s, min_contracts => 2147483647) IS NULL AS "huge minimum"
FROM ex;
-- a huge prior dominates: 100 * prior_mean
SELECT jss_score(s, 1e300, 0.25) AS "1e300 prior" FROM ex;
-- one contract: NULL by default, a score with min_contracts => 1
SELECT jss_score(s) IS NULL AS default_null, jss_score(s, min_contracts => 1) AS "100 * (-1 + 3) / 4"
FROM (SELECT jss_agg(-1, '2026-01-01 00:00+00') AS s) x;
-- W + K = 0 (no prior, zero weights): no evidence, NULL
SELECT jss_score(s, 0) IS NULL AS no_evidence, jss_score(s) AS with_prior
FROM (SELECT jss_agg(o, '2026-01-01 00:00+00', 0) AS s FROM (VALUES (1::float8), (-1)) v(o)) x;
-- clamped to [0, 100]
SELECT jss_score(s) AS clamped_0, jss_score(s, 0) AS raw_0
FROM (SELECT jss_agg(-1, '2026-01-01 00:00+00') AS s FROM generate_series(1, 5)) x;
-- STRICT: NULL arguments give NULL
SELECT jss_score(NULL::jss_state) IS NULL AS a, jss_score(s, NULL) IS NULL AS b,
       jss_score(s, 3, NULL) IS NULL AS c, jss_score(s, 3, 1, NULL) IS NULL AS d
FROM ex;
-- bad priors: 22023
SELECT jss_score(s, -1) FROM ex;  -- error
\echo :SQLSTATE
SELECT jss_score(s, -0.0001) FROM ex;  -- error
\echo :SQLSTATE
SELECT jss_score(s, 'NaN') FROM ex;  -- error
\echo :SQLSTATE
SELECT jss_score(s, 'Infinity') FROM ex;  -- error
\echo :SQLSTATE
SELECT jss_score(s, '-Infinity') FROM ex;  -- error
\echo :SQLSTATE
SELECT jss_score(s, 3, -0.1) FROM ex;  -- error
\echo :SQLSTATE
SELECT jss_score(s, 3, 1.1) FROM ex;  -- error
\echo :SQLSTATE
SELECT jss_score(s, prior_mean => 'NaN') FROM ex;  -- error
\echo :SQLSTATE
SELECT jss_score(s, prior_mean => 'Infinity') FROM ex;  -- error
\echo :SQLSTATE
SELECT jss_score(s, min_contracts => 0) FROM ex;  -- error
\echo :SQLSTATE
SELECT jss_score(s, min_contracts => -1) FROM ex;  -- error
\echo :SQLSTATE
-- the bounds are accepted
SELECT jss_score(s, 0, 0, 1) AS a, jss_score(s, 0, 1, 1) AS b FROM ex;

--
-- jss_contracts, jss_first_ended, jss_last_ended
--
SELECT jss_contracts(s) AS n, jss_first_ended(s) AS first, jss_last_ended(s) AS last
FROM (SELECT jss_agg(o, t, w) AS s
      FROM (VALUES (1::float8, '2026-03-01 12:00:00.000001+00'::timestamptz, 0::float8),
                   (0, '2026-01-01 00:00:00+00', 1),  -- neutral rows count
                   (-1, '2026-07-31 23:59:59.999999+00', NULL),
                   (NULL, '2020-01-01 00:00+00', 1),  -- skipped: NULL outcome
                   (1, NULL, 1)                       -- skipped: NULL ended_at
           ) v(o, t, w)) x;
SELECT bool_and(jss_first_ended(s) = first AND jss_last_ended(s) = last) AS first_last
FROM per_freelancer JOIN (SELECT freelancer, min(ended_at) AS first, max(ended_at) AS last
                          FROM c GROUP BY freelancer) m USING (freelancer);
-- an empty state: 0 contracts, no times
SELECT jss_contracts(s) AS n, jss_first_ended(s) IS NULL AS first_null,
       jss_last_ended(s) IS NULL AS last_null, jss_score(s) IS NULL AS score_null,
       jss_satisfaction_ratio(s) IS NULL AS ratio_null, jss_trend_slope(s) IS NULL AS slope_null,
       jss_needs_review(s) IS NULL AS review_null
FROM (SELECT jss_agg(outcome, ended_at) AS s FROM c WHERE false) x;
-- times far in the past and future, and before 2000
SELECT jss_first_ended(s) AS first, jss_last_ended(s) AS last
FROM (SELECT jss_agg(1, t) AS s
      FROM (VALUES ('1999-12-31 23:59:59.999999+00'::timestamptz), ('0044-03-15 12:00+00 BC'),
                   ('294276-12-31 23:59:59.999999+00'), ('4714-11-24 00:00+00 BC')) v(t)) x;

--
-- jss_needs_review; slope and t checked against PostgreSQL's own regr_* aggregates
-- (t_check is NULL where s^2 = 0 or n < 3)
--
CREATE TEMP TABLE review (g text, o float8, d int);
INSERT INTO review VALUES
  -- flat good record: no review
  ('flat good', 1, 0), ('flat good', 1, 30), ('flat good', 1, 60), ('flat good', 1, 90),
  ('flat good', 1, 120), ('flat good', 1, 150),
  -- good score (89.5), steep and significant decline over 7 contracts: review
  ('steep decline', 1, 0), ('steep decline', 0.9, 30), ('steep decline', 0.95, 60),
  ('steep decline', 0.8, 90), ('steep decline', 0.85, 120), ('steep decline', 0.7, 150),
  ('steep decline', 0.75, 180),
  -- a good score (92.2) and an exact falling line (s^2 = 0, t = -Infinity) over 5 contracts: review
  ('perfect decline', 1, 0), ('perfect decline', 0.9375, 30), ('perfect decline', 0.875, 60),
  ('perfect decline', 0.8125, 90), ('perfect decline', 0.75, 120),
  -- the same line over 4 contracts: n < 5, no review
  ('4 contracts', 1, 0), ('4 contracts', 0.9375, 30), ('4 contracts', 0.875, 60), ('4 contracts', 0.8125, 90),
  -- steep but noisy decline (t > -2): no review
  ('noisy decline', 1, 0), ('noisy decline', 0.4, 30), ('noisy decline', 1, 60),
  ('noisy decline', 0.9, 90), ('noisy decline', 0.3, 120), ('noisy decline', 0.9, 150),
  -- significant but gentle decline (slope > -5): no review
  ('gentle decline', 1, 0), ('gentle decline', 0.98, 30), ('gentle decline', 0.99, 60),
  ('gentle decline', 0.96, 90), ('gentle decline', 0.97, 120), ('gentle decline', 0.94, 150),
  ('gentle decline', 0.95, 180), ('gentle decline', 0.93, 210),
  -- an exact rising line: no review
  ('rising', 0.75, 0), ('rising', 0.8125, 30), ('rising', 0.875, 60), ('rising', 0.9375, 90), ('rising', 1, 120),
  -- score exactly 70, one day (no slope): no review
  ('score 70', 1, 0), ('score 70', 1, 0), ('score 70', 1, 0), ('score 70', 1, 0),
  ('score 70', 0, 0), ('score 70', 0, 0), ('score 70', 0, 0),
  -- score just below 70: review
  ('score 69.999', 1, 0), ('score 69.999', 1, 0), ('score 69.999', 1, 0), ('score 69.999', 1, 0),
  ('score 69.999', 0, 0), ('score 69.999', 0, 0), ('score 69.999', -0.0001, 0),
  -- score 20: review
  ('score 20', -1, 0), ('score 20', -1, 1),
  -- one contract: score NULL, review NULL
  ('one contract', -1, 0);
SELECT g, n, round(jss_score(s)::numeric, 4) AS score, round(jss_trend_slope(s)::numeric, 4) AS slope,
       round(slope_check::numeric, 4) AS slope_check, round(t_check::numeric, 2) AS t_check,
       jss_needs_review(s) AS review
FROM (SELECT g, count(*) AS n, jss_agg(o, '2025-01-01 00:00+00'::timestamptz + d * interval '1 day') AS s,
             91.3125 * 100 * regr_slope(o, d) AS slope_check,
             regr_slope(100 * o, d) / sqrt(nullif(regr_syy(100 * o, d) - regr_slope(100 * o, d) * regr_sxy(100 * o, d), 0)
                                           / nullif(count(*) - 2, 0) / regr_sxx(100 * o, d)) AS t_check
      FROM review GROUP BY g) x
ORDER BY review NULLS LAST, g;

--
-- Empty groups give an empty state, never NULL
--
SELECT jss_agg(outcome, ended_at) AS empty_2, jss_agg(outcome, ended_at, weight) IS NOT NULL AS empty_3
FROM c WHERE false;
-- a group whose rows are all skipped is empty too
SELECT jss_agg(o, t)::text AS all_skipped
FROM (VALUES (NULL::float8, '2026-01-01 00:00+00'::timestamptz), (1, NULL)) v(o, t);
-- GROUP BY with an empty-after-skipping group
SELECT g, jss_contracts(jss_agg(o, t)) AS n
FROM (VALUES (1, 1::float8, '2026-01-01 00:00+00'::timestamptz), (2, NULL, '2026-01-01 00:00+00'),
             (3, 1, NULL)) v(g, o, t)
GROUP BY g ORDER BY g;

--
-- jss_rollup
--
-- of no rows, and of only NULL states: an empty state
SELECT jss_rollup(s)::text AS no_rows FROM per_freelancer WHERE false;
SELECT jss_rollup(s)::text AS only_nulls FROM (VALUES (NULL::jss_state), (NULL)) v(s);
-- NULL states are skipped
SELECT jss_rollup(s)::text = (SELECT jss_agg(outcome, ended_at, weight)::text FROM c) AS nulls_skipped
FROM (SELECT s FROM per_freelancer UNION ALL SELECT NULL UNION ALL SELECT NULL) x;
-- empty states change nothing
SELECT jss_rollup(s)::text = (SELECT jss_agg(outcome, ended_at, weight)::text FROM c) AS empties_ignored
FROM (SELECT s FROM per_freelancer
      UNION ALL SELECT jss_agg(outcome, ended_at) FROM c WHERE false) x;
-- one state rolls up to itself
SELECT bool_and((SELECT jss_rollup(s) FROM (SELECT p.s) y)::text = p.s::text) AS itself
FROM per_freelancer p;
-- rollup over many splits equals jss_agg over all rows, byte for byte
CREATE TEMP TABLE whole AS
SELECT jss_agg(outcome, ended_at, weight)::text AS all_rows FROM c;
SELECT split,
       (SELECT jss_rollup(s)::text FROM (
          SELECT jss_agg(outcome, ended_at, weight) AS s FROM c
          GROUP BY CASE split WHEN 'i % 2' THEN i % 2 WHEN 'i % 7' THEN i % 7
                              WHEN 'freelancer' THEN freelancer WHEN 'month' THEN
                                extract(month FROM ended_at)::int
                              WHEN 'year' THEN extract(year FROM ended_at)::int
                              WHEN 'outcome sign' THEN sign(outcome)::int
                              WHEN 'one row each' THEN i WHEN 'all' THEN 0 END) x)
         = all_rows AS equal
FROM whole, unnest('{i % 2, i % 7, freelancer, month, year, outcome sign, one row each, all}'::text[]) split;
-- states that are themselves rollups: (freelancer, year) -> freelancer -> all
SELECT jss_rollup(s)::text = (SELECT all_rows FROM whole) AS rollup_of_rollups
FROM (SELECT freelancer, jss_rollup(s) AS s
      FROM (SELECT freelancer, extract(year FROM ended_at) AS y, jss_agg(outcome, ended_at, weight) AS s
            FROM c GROUP BY 1, 2) a
      GROUP BY freelancer) b;
-- and per group: (freelancer, month) rolled up per freelancer equals jss_agg per freelancer
SELECT bool_and(r.s::text = p.s::text) AS per_freelancer
FROM (SELECT freelancer, jss_rollup(s) AS s
      FROM (SELECT freelancer, date_trunc('month', ended_at), jss_agg(outcome, ended_at, weight) AS s
            FROM c GROUP BY 1, 2) a GROUP BY freelancer) r JOIN per_freelancer p USING (freelancer);
-- rolling up a state with itself counts its rows twice: same as the rows twice
SELECT (SELECT jss_rollup(s) FROM (SELECT s FROM per_freelancer WHERE freelancer = 3
                                   UNION ALL SELECT s FROM per_freelancer WHERE freelancer = 3) x)::text
     = (SELECT jss_agg(outcome, ended_at, weight) FROM (SELECT * FROM c WHERE freelancer = 3
                                                    UNION ALL SELECT * FROM c WHERE freelancer = 3) y)::text
     AS doubled;
-- one-row states roll up to the state of the rows
SELECT jss_rollup(s)::text = jss_agg(o, t)::text AS one_row_states
FROM (SELECT jss_agg(o, t) AS s, o, t FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz),
      (0, '2026-01-31 00:00+00'), (1, '2026-03-02 00:00+00')) v(o, t) GROUP BY o, t) x;

--
-- jss_agg and jss_rollup as window aggregates: each frame's state is the state of its rows
--
SELECT bool_and(w.s::text = f.s::text) AS sliding_frames, count(*) AS frames
FROM (SELECT i, jss_agg(outcome, ended_at, weight) OVER (ORDER BY i ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS s
      FROM c WHERE freelancer = 7) w,
     LATERAL (SELECT jss_agg(outcome, ended_at, weight) AS s FROM c
              WHERE freelancer = 7 AND i BETWEEN w.i - 9 * 30 AND w.i) f;
SELECT bool_and(w.s::text = f.s::text) AS running_rollup
FROM (SELECT freelancer, jss_rollup(s) OVER (ORDER BY freelancer) AS s FROM per_freelancer) w,
     LATERAL (SELECT jss_agg(outcome, ended_at, weight) AS s FROM c WHERE c.freelancer <= w.freelancer) f;

--
-- Too many contracts: a state holds at most 2^40 rows (ERROR 22003, never a wrong count)
--
CREATE TEMP TABLE big (s jss_state);
INSERT INTO big VALUES
  ('v1 n=549755813888 neutral=549755813888 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none'),
  ('v1 n=549755813888 neutral=549755813888 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none');
-- two halves make 2^40: fine
SELECT jss_contracts(jss_rollup(s)) AS "2^40", jss_score(jss_rollup(s)) AS score FROM big;
-- one more row is too many
SELECT jss_rollup(s) FROM (SELECT s FROM big UNION ALL SELECT jss_agg(0, '2026-01-01 00:00+00')) x;  -- error
\echo :SQLSTATE
SELECT jss_agg_accum(jss_rollup(s), 0, '2026-01-01 00:00+00') FROM big;  -- error
\echo :SQLSTATE
SELECT jss_outcome_accum(jss_rollup(s), 0) FROM big;  -- error
\echo :SQLSTATE
SELECT jss_state_combine(jss_rollup(s), jss_agg(0, '2026-01-01 00:00+00')) FROM big;  -- error
\echo :SQLSTATE

--
-- Errors while building a state
--
SELECT jss_agg(o, t) FROM (VALUES (1.01::float8, '2026-01-01 00:00+00'::timestamptz)) v(o, t);  -- error
\echo :SQLSTATE
SELECT jss_agg(o, t, -1) FROM (VALUES (1::float8, '2026-01-01 00:00+00'::timestamptz)) v(o, t);  -- error
\echo :SQLSTATE
SELECT jss_agg(o, t, 1e6 + 1) FROM (VALUES (1::float8, '2026-01-01 00:00+00'::timestamptz)) v(o, t);  -- error
\echo :SQLSTATE
SELECT jss_agg(o, t) FROM (VALUES (1::float8, 'infinity'::timestamptz)) v(o, t);  -- error
\echo :SQLSTATE
SELECT jss_agg(o, t, 2) FROM (VALUES (1::float8, '-infinity'::timestamptz)) v(o, t);  -- error
\echo :SQLSTATE
