--
-- Explaining and improving a score:
--   jss_explain(state, prior_weight, prior_mean, min_contracts) -> jsonb, every
--   number behind the score, with the values the accessors return;
--   jss_contracts_needed(state, target) -> integer, the least number of extra
--   contracts of outcome 1 and weight 1 that bring the default score to target.
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
-- x rounded to the nearest multiple of 2^-32, ties away from zero, as an exact numeric
CREATE FUNCTION pg_temp.q(x numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT
AS $$ SELECT round(x * 4294967296) * 0.00000000023283064365386962890625 $$;

--
-- The contracts: a few hand-checkable groups, and 3000 generated rows in 40
-- groups.  Outcomes and weights are stored as exact numerics (multiples of
-- 2^-32, except one outcome that rounds to 0) and passed to jss_agg as float8
-- (exactly), so that the real-number formulas can be evaluated exactly in
-- numeric next to the extension's results.
--
CREATE TEMP TABLE r (g text, o numeric, w numeric, t timestamptz);
INSERT INTO r VALUES
  -- the worked trend example: x = 9497, 9527, 9557, slope 304.375, an exact rising line
  ('worked slope', -1, NULL, '2026-01-01 00:00+00'), ('worked slope', 0, NULL, '2026-01-31 00:00+00'),
  ('worked slope', 1, NULL, '2026-03-02 00:00+00'),
  -- weights other than 1 and neutral rows, on two days 30 days apart:
  -- 1e-11 rounds to 0 (neutral); the zero-weight -1 counts as a contract only
  ('weighted', 1, 2, '2026-01-01 09:00+00'), ('weighted', 0.5, 0.5, '2026-01-01 10:00+00'),
  ('weighted', 0, 3, '2026-01-01 11:00+00'), ('weighted', 0.00000000001, 1, '2026-01-01 12:00+00'),
  ('weighted', -0.25, 4, '2026-01-31 09:00+00'), ('weighted', 1, NULL, '2026-01-31 10:00+00'),
  ('weighted', -1, 0, '2026-01-31 11:00+00'),
  -- every row skipped (NULL outcome, NULL ended_at): an empty state
  ('empty', NULL, 1, '2026-01-01 00:00+00'), ('empty', 1, 1, NULL),
  ('one row', -1, 2, '2026-01-01 00:00+00'),
  ('one perfect', 1, NULL, '2026-01-01 00:00+00'),
  ('one bad', -1, NULL, '2026-01-01 00:00+00'),
  -- exact falling lines (s^2 = 0, t = -Infinity), 30 days apart
  ('perfect decline', 1, 1, '2025-01-01 00:00+00'), ('perfect decline', 0.9375, 1, '2025-01-31 00:00+00'),
  ('perfect decline', 0.875, 1, '2025-03-02 00:00+00'), ('perfect decline', 0.8125, 1, '2025-04-01 00:00+00'),
  ('perfect decline', 0.75, 1, '2025-05-01 00:00+00'),
  ('perfect decline, low', 0, 1, '2025-01-01 00:00+00'), ('perfect decline, low', -0.25, 1, '2025-01-31 00:00+00'),
  ('perfect decline, low', -0.5, 1, '2025-03-02 00:00+00'), ('perfect decline, low', -0.75, 1, '2025-04-01 00:00+00'),
  ('perfect decline, low', -1, 1, '2025-05-01 00:00+00'),
  ('perfect decline, 4', 1, 1, '2025-01-01 00:00+00'), ('perfect decline, 4', 0.9375, 1, '2025-01-31 00:00+00'),
  ('perfect decline, 4', 0.875, 1, '2025-03-02 00:00+00'), ('perfect decline, 4', 0.8125, 1, '2025-04-01 00:00+00'),
  ('perfect rise', 0.75, 1, '2025-01-01 00:00+00'), ('perfect rise', 0.8125, 1, '2025-01-31 00:00+00'),
  ('perfect rise', 0.875, 1, '2025-03-02 00:00+00'), ('perfect rise', 0.9375, 1, '2025-04-01 00:00+00'),
  ('perfect rise', 1, 1, '2025-05-01 00:00+00'),
  -- a flat exact line: slope 0, t = 0/0 (NULL)
  ('flat', 0.5, 1, '2025-01-01 00:00+00'), ('flat', 0.5, 1, '2025-01-31 00:00+00'),
  ('flat', 0.5, 1, '2025-03-02 00:00+00'), ('flat', 0.5, 1, '2025-04-01 00:00+00'),
  ('flat', 0.5, 1, '2025-05-01 00:00+00'),
  -- one UTC day (no slope), whatever the session's zone
  ('same day', 1, 1, '2026-01-01 00:00:00+00'), ('same day', -0.25, 1, '2026-01-01 23:59:59.999999+00'),
  ('zero weights', 1, 0, '2026-01-01 00:00+00'), ('zero weights', -1, 0, '2026-01-02 00:00+00'),
  ('zero weights', -1, 0, '2026-01-03 00:00+00'),
  ('zero weight, one row', -1, 0, '2026-01-01 00:00+00'),
  ('zero-weight imperfect', 1, 1, '2026-01-01 00:00+00'), ('zero-weight imperfect', -1, 0, '2026-01-02 00:00+00'),
  ('all perfect', 1, 1, '2026-01-01 00:00+00'), ('all perfect', 1, 2, '2026-01-02 00:00+00'),
  ('all perfect', 1, NULL, '2026-01-03 00:00+00'),
  ('neutral only', 0, 1, '2026-01-01 00:00+00'), ('neutral only', 0, 1, '2026-02-01 00:00+00'),
  ('four bad', -1, 1, '2026-01-01 00:00+00'), ('four bad', -1, 1, '2026-01-02 00:00+00'),
  ('four bad', -1, 1, '2026-01-03 00:00+00'), ('four bad', -1, 1, '2026-01-04 00:00+00'),
  ('largest weight', 1, 1e6, '2026-01-01 00:00+00'), ('largest weight', 0.5, 1e6, '2026-02-01 00:00+00'),
  ('before 2000', 1, 1, '4714-11-24 00:00+00 BC'), ('before 2000', -0.5, 1, '1999-12-31 23:59:59.999999+00'),
  ('before 2000', 0.5, 1, '294276-12-31 23:59:59.999999+00');
-- {1 x 9, -1}: one contract every 10 days from 2025-01-01, the -1 last
INSERT INTO r
SELECT 'nine good one bad', CASE WHEN d = 9 THEN -1 ELSE 1 END, 1, '2025-01-01 00:00+00'::timestamptz + d * interval '10 days'
FROM generate_series(0, 9) d;
-- 40 generated groups of 75 rows over two years: a mean outcome per group, a
-- decline over time in every third group, noise; exact 1, -1, 0 and NULL
-- outcomes; outcomes from {-1, 0, 0.5, 1} with unit weights in two groups;
-- NULL, zero and fractional weights; NULL ended_at; microseconds
INSERT INTO r
SELECT 'g' || lpad(g::text, 2, '0'),
       CASE WHEN i % 53 = 0 THEN NULL WHEN i % 31 = 0 THEN -1 WHEN i % 29 = 0 THEN 1 WHEN i % 37 = 0 THEN 0
            WHEN g IN (5, 25) THEN (ARRAY[-1, 0, 0.5, 1, 1, 1, 1, 1])[1 + floor(8 * pg_temp.rnd(i, 'o'))]
            ELSE pg_temp.q(greatest(-1, least(1, m + d * (0.5 - day / 730) + a * (2 * pg_temp.rnd(i, 'o') - 1)))::numeric)
       END,
       CASE WHEN g IN (3, 5, 17, 25) THEN 1 WHEN i % 11 = 0 THEN NULL WHEN i % 43 = 0 THEN 0
            ELSE pg_temp.q((0.1 + 4.9 * pg_temp.rnd(i, 'w'))::numeric) END,
       CASE WHEN i % 59 = 0 THEN NULL
            ELSE '2024-01-01 00:00+00'::timestamptz + day * interval '1 day'
                 + floor(pg_temp.rnd(i, 'us') * 86400e6) * interval '1 microsecond' END
FROM generate_series(1, 3000) i,
     LATERAL (SELECT i % 40 AS g, floor(730 * pg_temp.rnd(i, 't')) AS day) x,
     LATERAL (SELECT 0.1 + 0.95 * pg_temp.rnd(g, 'm') AS m,
                     CASE WHEN g % 3 = 0 THEN 0.8 * pg_temp.rnd(g, 'd') ELSE 0 END AS d,
                     0.05 + 0.5 * pg_temp.rnd(g, 'a') AS a) p;

-- one state per group
CREATE TEMP TABLE states AS
SELECT g, jss_agg(o::float8, t, w::float8) AS s FROM r GROUP BY g;
-- the same sums, exactly, in numeric over the rounded values of the counted rows
-- (y = 100 o, x = UTC day number since 2000-01-01)
CREATE TEMP TABLE sums AS
SELECT g, count(o) AS n, coalesce(sum(w), 0) AS w, coalesce(sum(w * o), 0) AS net,
       coalesce(sum(w * o) FILTER (WHERE o > 0), 0) AS pos, coalesce(-sum(w * o) FILTER (WHERE o < 0), 0) AS neg,
       count(o) FILTER (WHERE o = 0) AS neutral,
       coalesce(sum(w) FILTER (WHERE o > 0), 0) AS w_pos, coalesce(sum(w) FILTER (WHERE o < 0), 0) AS w_neg,
       coalesce(sum(w * x), 0) AS wx, coalesce(sum(w * x * x), 0) AS wxx,
       coalesce(sum(w * x * 100 * o), 0) AS wxy, coalesce(sum(w * 10000 * o * o), 0) AS wyy,
       min(t) AS first, max(t) AS last
FROM (SELECT g FROM states) gs
     LEFT JOIN (SELECT g, pg_temp.q(o) AS o, pg_temp.q(coalesce(w, 1)) AS w, t,
                       (t AT TIME ZONE 'UTC')::date - date '2000-01-01' AS x
                FROM r WHERE o IS NOT NULL AND t IS NOT NULL) c USING (g)
GROUP BY g;
-- the trend slope and its t-statistic in exact arithmetic: with A = W Sxx, B = W Sxy,
-- C = W Syy (no division), slope = 91.3125 B / A and t = B sqrt(n - 2) / sqrt(C A - B^2)
CREATE TEMP TABLE trend AS
SELECT g, CASE WHEN n >= 2 AND w > 0 AND a > 0 THEN (91.3125 * b / a)::float8 END AS slope,
       CASE WHEN n < 3 OR w = 0 OR a = 0 THEN NULL
            WHEN c * a - b * b > 0 THEN (b * sqrt(n - 2) / sqrt(c * a - b * b))::float8
            WHEN b < 0 THEN '-Infinity' WHEN b > 0 THEN 'Infinity' END AS t
FROM (SELECT g, n, w, w * wxx - wx * wx AS a, w * wxy - wx * 100 * net AS b, w * wyy - 10000 * net * net AS c
      FROM sums) m;
SELECT count(*) AS groups, sum(n) AS contracts, count(*) FILTER (WHERE g LIKE 'g%') AS generated,
       min(n) FILTER (WHERE g LIKE 'g%') AS min_n, max(n) AS max_n, sum(neutral) AS neutral
FROM sums;

--
-- jss_explain, in full, on states checked by hand
--
-- the worked trend example: W = 3, N = 1 - 1 = 0, score 100 (0 + 3) / (3 + 3) = 50 (at risk),
-- ratio 1 / 2, slope 304.375, an exact rising line (t = Infinity, a JSON string);
-- review for the score only
SELECT jsonb_pretty(jss_explain(s)) FROM states WHERE g = 'worked slope';
-- {1 x 9, -1}: score 100 (8 + 3) / (10 + 3) = 84.615... (good), raw 100 * 8 / 10 = 80, ratio 0.9;
-- x = 0, 10, ..., 90 days: Sxx = 8250, Sxy = -9000, slope = 91.3125 * -9000 / 8250 = -99.613636...,
-- Syy = 36000, t^2 = (Sxy^2 / Sxx) / s^2 = 9818.18 / 3272.73 = 3, t = -sqrt(3) > -2: no review
SELECT jsonb_pretty(jss_explain(s)) FROM states WHERE g = 'nine good one bad';
-- weights 2, 0.5, 3, 1, 4, 1 (NULL), 0: W = 11.5, positive 2 + 0.25 + 1 = 3.25, negative 4 * 0.25 = 1,
-- net 2.25, neutral 2 (0 and 1e-11), raw 100 * 2.25 / 11.5 = 19.565..., ratio 3.5 / (3.5 + 4) = 0.4666...;
-- with prior 5 and mean 0.5: score 100 (2.25 + 2.5) / (11.5 + 5) = 28.7878... (at risk);
-- trend over two days 30 apart, day means 225 / 6.5 and 0: slope -91.3125 * 225 / 6.5 / 30 = -105.36...,
-- within-day residuals 13461.54 + 12500, s^2 = 25961.54 / 5, Sxx = 900 * 6.5 * 5 / 11.5,
-- t = -1.1538 / sqrt(5192.31 / 2543.48) = -0.8076; review (default score 100 * 5.25 / 14.5 = 36.2 < 70)
SELECT jsonb_pretty(jss_explain(s, 5, 0.5, 3)) FROM states WHERE g = 'weighted';
-- with the default prior only the score and band change
SELECT e->'score' AS score, e->'band' AS band, e->'prior' AS prior, e->'needs_review' AS review
FROM states, jss_explain(s) e WHERE g = 'weighted';
-- the empty state: zero sums, everything else null, no reasons
SELECT jsonb_pretty(jss_explain(s)) FROM states WHERE g = 'empty';
-- one contract (outcome -1, weight 2): sums, ratio 0, no score (n < 2), so no review
SELECT jsonb_pretty(jss_explain(s)) FROM states WHERE g = 'one row';
-- ... and with min_contracts 1 a score of 100 (-2 + 3) / (2 + 3) = 20, but needs_review (default
-- prior and minimum, like jss_needs_review) stays null, with no reasons
SELECT e->'score' AS score, e->'band' AS band, e->'needs_review' AS review, e->'review_reasons' AS reasons,
       jss_needs_review(s) AS jss_needs_review
FROM states, jss_explain(s, min_contracts => 1) e WHERE g = 'one row';
-- the required fields, and the JSON type of each
SELECT string_agg(k || ': ' || jsonb_typeof(e->k), ', ' ORDER BY k) AS fields
FROM states, jss_explain(s) e, jsonb_object_keys(e) k WHERE g = 'worked slope';
SELECT jsonb_pretty(e->'prior') AS prior FROM states, jss_explain(s, 0.5, 0.25, 7) e WHERE g = 'worked slope';

--
-- Trends: exact lines give t = -Infinity / Infinity as JSON strings; "negative trend" needs
-- n >= 5, slope <= -5 and t <= -2
--   perfect decline: score 100 (4.375 + 3) / 8 = 92.1875, slope -6.25 / 30 * 91.3125 = -19.0234375
--   perfect decline, low: score 100 (-2.5 + 3) / 8 = 6.25, slope -25 / 30 * 91.3125 = -76.09375
--   perfect decline, 4: score 100 (3.625 + 3) / 7 = 94.64..., n = 4 < 5
--   perfect rise: score 92.1875, slope +19.0234375
--   flat: score 100 (2.5 + 3) / 8 = 68.75, slope 0, t = 0/0 (null)
--   same day: no slope (Sxx = 0)
--
SELECT g, e->'score' AS score, e->'band' AS band, e->'trend_slope' AS slope, e->'trend_t' AS t,
       jsonb_typeof(e->'trend_t') AS t_type, e->'needs_review' AS review, e->'review_reasons' AS reasons
FROM states, jss_explain(s) e
WHERE g IN ('perfect decline', 'perfect decline, low', 'perfect decline, 4', 'perfect rise', 'flat', 'same day',
            'worked slope')
ORDER BY g;
-- the other hand-made groups, shortly
SELECT g, e->'contracts' AS n, e->'weight' AS w, e->'net' AS net, e->'raw_score' AS raw, e->'score' AS score,
       e->'satisfaction_ratio' AS ratio, e->'needs_review' AS review
FROM states, jss_explain(s) e
WHERE g IN ('zero weights', 'zero weight, one row', 'zero-weight imperfect', 'all perfect', 'neutral only',
            'four bad', 'largest weight', 'one perfect')
ORDER BY g;
-- a state without times (as jss_score(outcome) builds: two contracts of 1): no first/last, no trend
SELECT e->'contracts' AS n, e->'score' AS score, e->'trend_slope' AS slope, e->'first_ended' AS first,
       e->'last_ended' AS last
FROM jss_explain('v1 n=2 neutral=0 dated=0 w=8589934592 w_pos=8589934592 w_neg=0 wo_pos=36893488147419103232 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none') e;
-- times from the first to the last timestamp, in UTC
SELECT e->'first_ended' AS first, e->'last_ended' AS last,
       (e->>'first_ended')::timestamptz = jss_first_ended(s) AS first_equal,
       (e->>'last_ended')::timestamptz = jss_last_ended(s) AS last_equal
FROM states, jss_explain(s) e WHERE g = 'before 2000';

--
-- Every field against the accessors (bit for bit) and against exact arithmetic, over every
-- group and several priors
--
CREATE TEMP TABLE priors (k float8, m float8, min_n int);
INSERT INTO priors VALUES (3, 1, 2), (0, 1, 2), (5, 0.5, 2), (10, 0, 1), (3, 1, 72), (0, 0, 1),
                          (1e300, 0.25, 2), (0.5, 0.9, 3);
CREATE TEMP TABLE ex AS
SELECT g, s, k, m, min_n, jss_explain(s, k, m, min_n) AS e
FROM states, priors;
SELECT count(*) AS explained, count(DISTINCT g) AS groups,
       count(*) FILTER (WHERE e->'score' = 'null') AS null_scores,
       count(*) FILTER (WHERE e->>'band' = 'at risk') AS at_risk, count(*) FILTER (WHERE e->>'band' = 'fair') AS fair,
       count(*) FILTER (WHERE e->>'band' = 'good') AS good, count(*) FILTER (WHERE e->>'band' = 'excellent') AS excellent
FROM ex;
-- the fields and their JSON types
SELECT bool_and(e ?& '{contracts, weight, net, positive, negative, neutral_contracts, raw_score, prior, score, band,
                       satisfaction_ratio, trend_slope, trend_t, needs_review, review_reasons, first_ended,
                       last_ended}') AS all_fields,
       bool_and(e->'prior' ?& '{weight, mean}' AND (e->'prior'->>'weight')::float8 = k
                AND (e->'prior'->>'mean')::float8 = m) AS prior,
       bool_and(jsonb_typeof(e->'contracts') = 'number' AND jsonb_typeof(e->'weight') = 'number'
                AND jsonb_typeof(e->'net') = 'number' AND jsonb_typeof(e->'positive') = 'number'
                AND jsonb_typeof(e->'negative') = 'number' AND jsonb_typeof(e->'neutral_contracts') = 'number'
                AND jsonb_typeof(e->'review_reasons') = 'array') AS always_there,
       bool_and(jsonb_typeof(e->'raw_score') IN ('number', 'null') AND jsonb_typeof(e->'score') IN ('number', 'null')
                AND jsonb_typeof(e->'band') IN ('string', 'null')
                AND jsonb_typeof(e->'satisfaction_ratio') IN ('number', 'null')
                AND jsonb_typeof(e->'trend_slope') IN ('number', 'null')
                AND (jsonb_typeof(e->'trend_t') IN ('number', 'null') OR e->'trend_t' IN ('"Infinity"', '"-Infinity"'))
                AND jsonb_typeof(e->'needs_review') IN ('boolean', 'null')
                AND jsonb_typeof(e->'first_ended') IN ('string', 'null')
                AND jsonb_typeof(e->'last_ended') IN ('string', 'null')) AS types
FROM ex;
-- the accessors' values, bit for bit (as float8 and as text)
SELECT count(*) AS rows,
       bool_and((e->>'score')::float8 IS NOT DISTINCT FROM jss_score(s, k, m, min_n)
                AND (e->>'score')::float8::text IS NOT DISTINCT FROM jss_score(s, k, m, min_n)::text) AS score,
       bool_and(e->>'band' IS NOT DISTINCT FROM jss_band(jss_score(s, k, m, min_n))::text) AS band,
       bool_and((e->>'satisfaction_ratio')::float8 IS NOT DISTINCT FROM jss_satisfaction_ratio(s)
                AND (e->>'satisfaction_ratio')::float8::text IS NOT DISTINCT FROM jss_satisfaction_ratio(s)::text) AS ratio,
       bool_and((e->>'trend_slope')::float8 IS NOT DISTINCT FROM jss_trend_slope(s)
                AND (e->>'trend_slope')::float8::text IS NOT DISTINCT FROM jss_trend_slope(s)::text) AS slope,
       bool_and((e->>'contracts')::bigint = jss_contracts(s)) AS contracts,
       bool_and((e->>'needs_review')::boolean IS NOT DISTINCT FROM jss_needs_review(s)) AS needs_review,
       bool_and((e->>'first_ended')::timestamptz IS NOT DISTINCT FROM jss_first_ended(s)
                AND (e->>'last_ended')::timestamptz IS NOT DISTINCT FROM jss_last_ended(s)) AS first_last,
       bool_and(coalesce(e->>'first_ended' ~ '\+00:00( BC)?$' AND e->>'last_ended' ~ '\+00:00( BC)?$',
                         e->'first_ended' = 'null' AND e->'last_ended' = 'null')) AS in_utc
FROM ex;
-- the sums against exact arithmetic (one rounding to float8: within 2^-52 relative),
-- positive - negative = net, raw_score = 100 N / W within 1e-12 relative
SELECT bool_and((e->>'contracts')::bigint = n AND (e->>'neutral_contracts')::bigint = neutral) AS counts,
       bool_and(abs((e->>'weight')::numeric - w) <= 2.3e-16 * w) AS weight,
       bool_and(abs((e->>'net')::numeric - net) <= 2.3e-16 * abs(net)) AS net,
       bool_and(abs((e->>'positive')::numeric - pos) <= 2.3e-16 * pos
                AND abs((e->>'negative')::numeric - neg) <= 2.3e-16 * neg) AS positive_negative,
       bool_and(abs((e->>'positive')::numeric - (e->>'negative')::numeric - (e->>'net')::numeric)
                <= 4.5e-16 * ((e->>'positive')::numeric + (e->>'negative')::numeric)) AS pos_minus_neg,
       count(*) FILTER (WHERE (e->>'positive')::numeric - (e->>'negative')::numeric = (e->>'net')::numeric)
         AS pos_minus_neg_exact,
       bool_and(CASE WHEN w = 0 THEN e->'raw_score' = 'null'
                     ELSE abs((e->>'raw_score')::numeric - 100 * net / w) <= 1e-12 * abs(100 * net / w)
                          AND abs((e->>'raw_score')::numeric - 100 * (e->>'net')::numeric / (e->>'weight')::numeric)
                              <= 1e-12 * abs((e->>'raw_score')::numeric) END) AS raw_score,
       bool_and((e->>'satisfaction_ratio')::float8 IS NOT DISTINCT FROM (w_pos / nullif(w_pos + w_neg, 0))::float8)
         AS ratio_exact
FROM ex JOIN sums USING (g);
-- the score against its formula, 100 clamp((N + K m) / (W + K), 0, 1), in exact arithmetic (within 1e-9 points)
SELECT bool_and(CASE WHEN n < min_n OR w + k::numeric = 0 THEN e->'score' = 'null'
                     ELSE abs((e->>'score')::numeric
                              - 100 * greatest(0, least(1, (net + k::numeric * m::numeric) / (w + k::numeric)))) <= 1e-9
                END) AS score
FROM ex JOIN sums USING (g);
-- slope and t against exact arithmetic (within 1e-12 relative); infinite t exactly
SELECT bool_and(CASE WHEN tr.slope IS NULL THEN e->'trend_slope' = 'null'
                     ELSE abs((e->>'trend_slope')::float8 - tr.slope) <= 1e-12 * abs(tr.slope) END) AS slope,
       bool_and(CASE WHEN tr.t IS NULL THEN e->'trend_t' = 'null'
                     WHEN tr.t IN ('Infinity', '-Infinity') THEN (e->>'trend_t')::float8 = tr.t
                     ELSE abs((e->>'trend_t')::float8 - tr.t) <= 1e-12 * abs(tr.t) END) AS t,
       count(*) FILTER (WHERE e->'trend_t' = '"-Infinity"') AS minus_infinity,
       count(*) FILTER (WHERE e->'trend_t' = '"Infinity"') AS plus_infinity,
       count(*) FILTER (WHERE jsonb_typeof(e->'trend_t') = 'number') AS finite
FROM ex JOIN trend tr USING (g);
-- the review and its reasons, judged with the default prior whatever the explain's prior:
-- "score below 70" exactly when the default score < 70; "negative trend" exactly when n >= 5,
-- slope <= -5 and t <= -2; needs_review exactly when there is a reason (null with no default score)
SELECT bool_and(e->'review_reasons' IN ('[]', '["score below 70"]', '["negative trend"]',
                                        '["score below 70", "negative trend"]')) AS known_reasons,
       bool_and((e->'review_reasons' ? 'score below 70') = coalesce(jss_score(s) < 70, false)) AS below_70,
       bool_and((e->'review_reasons' ? 'negative trend')
                = coalesce((e->>'contracts')::bigint >= 5 AND (e->>'trend_slope')::float8 <= -5
                           AND (e->>'trend_t')::float8 <= -2, false)) AS negative_trend,
       bool_and((e->>'needs_review')::boolean
                IS NOT DISTINCT FROM CASE WHEN jss_score(s) IS NOT NULL THEN jsonb_array_length(e->'review_reasons') > 0 END)
         AS review_iff_reasons,
       count(*) FILTER (WHERE e->'review_reasons' ? 'score below 70') AS below_70_rows,
       count(*) FILTER (WHERE e->'review_reasons' ? 'negative trend') AS negative_trend_rows,
       count(*) FILTER (WHERE e->'review_reasons' = '["negative trend"]') AS trend_only,
       count(*) FILTER (WHERE e->'review_reasons' = '["score below 70", "negative trend"]') AS both,
       count(*) FILTER (WHERE (e->>'contracts')::bigint >= 5 AND (e->>'trend_slope')::float8 <= -5
                          AND NOT e->'review_reasons' ? 'negative trend') AS steep_not_significant,
       count(*) FILTER (WHERE e->'needs_review' = 'null') AS null_review
FROM ex;
-- one generated group with a negative trend but a good score
SELECT g, round((e->>'score')::numeric, 6) AS score, round((e->>'trend_slope')::numeric, 6) AS slope,
       round((e->>'trend_t')::numeric, 6) AS t, e->'needs_review' AS review, e->'review_reasons' AS reasons
FROM ex
WHERE g LIKE 'g%' AND k = 3 AND m = 1 AND min_n = 2 AND e->'review_reasons' = '["negative trend"]'
ORDER BY g LIMIT 1;

--
-- The result does not depend on the session's TimeZone or DateStyle (times in UTC)
--
SET TimeZone = 'America/St_Johns';
SET DateStyle = 'SQL, DMY';
SELECT e->'first_ended' AS first, e->'last_ended' AS last, jss_first_ended(s) AS first_local
FROM states, jss_explain(s) e WHERE g = 'same day';
SELECT count(*) AS rows, bool_and(jss_explain(s, k, m, min_n) = e AND jss_explain(s, k, m, min_n)::text = e::text) AS same,
       bool_and((e->>'first_ended')::timestamptz IS NOT DISTINCT FROM jss_first_ended(s)) AS first_equal
FROM ex;
SET TimeZone = 'Pacific/Kiritimati';
SET DateStyle = 'Postgres, MDY';
SELECT count(*) AS rows, bool_and(jss_explain(s, k, m, min_n)::text = e::text) AS same
FROM ex;
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';

--
-- jss_explain: NULL arguments (STRICT) and bad priors (22023)
--
SELECT jss_explain(NULL) IS NULL AS a, jss_explain(s, NULL) IS NULL AS b, jss_explain(s, 3, NULL) IS NULL AS c,
       jss_explain(s, 3, 1, NULL) IS NULL AS d
FROM states WHERE g = 'weighted';
SELECT jss_explain(s, -1) FROM states WHERE g = 'weighted';  -- error
\echo :SQLSTATE
SELECT jss_explain(s, 'NaN') FROM states WHERE g = 'weighted';  -- error
\echo :SQLSTATE
SELECT jss_explain(s, 'Infinity') FROM states WHERE g = 'weighted';  -- error
\echo :SQLSTATE
SELECT jss_explain(s, 3, 1.5) FROM states WHERE g = 'weighted';  -- error
\echo :SQLSTATE
SELECT jss_explain(s, 3, -0.5) FROM states WHERE g = 'weighted';  -- error
\echo :SQLSTATE
SELECT jss_explain(s, 3, 1, 0) FROM states WHERE g = 'weighted';  -- error
\echo :SQLSTATE

--
-- jss_contracts_needed on states checked by hand:
--   k = max(0, ceil((t (W + 3) - N - 3) / (1 - t))), t = target / 100 < 1, raised so that n + k >= 2
--
SELECT g, target, jss_contracts_needed(s, target) AS needed, expected,
       jss_contracts_needed(s, target) IS NOT DISTINCT FROM expected AS ok
FROM states JOIN (VALUES
  -- (0.9 * 6 - 0 - 3) / 0.1 = 24: 100 * 27 / 30 = 90, and 23 gives 89.66
  ('worked slope', 90::float8, 24),
  -- (0.9 * 13 - 11) / 0.1 = 7: 100 * 18 / 20 = 90, and 6 gives 89.47
  ('nine good one bad', 90, 7),
  -- (0.99 * 13 - 11) / 0.01 = 187: 100 * 198 / 200 = 99, and 186 gives 98.99
  ('nine good one bad', 99, 187),
  -- already there: 84.6 >= 80, and its own score
  ('nine good one bad', 80, 0),
  ('nine good one bad', 84.61538461538461, 0),
  -- one step above its own score: 100 * 12 / 14 = 85.7
  ('nine good one bad', 84.61538461538463, 1),
  -- target 100 after an imperfect outcome: never
  ('nine good one bad', 100, NULL),
  ('worked slope', 100, NULL),
  ('neutral only', 100, NULL),
  ('weighted', 100, NULL),
  -- neutral only: (0.9 * 5 - 3) / 0.1 = 15: 100 * 18 / 20 = 90
  ('neutral only', 90, 15),
  -- weights: (0.9 * 14.5 - 2.25 - 3) / 0.1 = 78: 100 * 83.25 / 92.5 = 90, and 77 gives 89.89
  ('weighted', 90, 78),
  -- target 100 with only perfect outcomes: 0, or 2 - n
  ('all perfect', 100, 0),
  ('all perfect', 90, 0),
  ('one perfect', 100, 1),
  ('one perfect', 90, 1),
  ('empty', 100, 2),
  ('empty', 90, 2),
  ('empty', 50, 2),
  ('empty', 1e-300, 2),
  -- one contract of -1: (0.9 * 4 + 1 - 3) / 0.1 = 16: 100 * 18 / 20 = 90, and 15 gives 89.47
  ('one bad', 90, 16),
  -- weight 2: (0.9 * 5 + 2 - 3) / 0.1 = 35: 100 * 36 / 40 = 90, and 34 gives 89.74
  ('one row', 90, 35),
  -- four -1: (0.5 * 7 + 4 - 3) / 0.5 = 9: 100 * 8 / 16 = 50, and 8 gives 46.7
  ('four bad', 50, 9),
  -- the least positive target: 1 more gives 100 * 0 / 8 = 0, 2 more give 100 / 9
  ('four bad', 1e-300, 2),
  -- zero weights: W = N = 0, the score is 100 already; one row still needs a second contract
  ('zero weights', 90, 0),
  ('zero weights', 100, 0),
  ('zero weight, one row', 90, 1),
  ('zero weight, one row', 100, 1),
  -- a zero-weight -1 is no imperfection: N = W
  ('zero-weight imperfect', 100, 0),
  -- W = 2e6, N = 1.5e6: (0.9 * 2000003 - 1500003) / 0.1 = 3000000 - 3 = 2999997 (100 * 4500000 / 5000000 = 90)
  ('largest weight', 90, 2999997)
) v(g, target, expected) USING (g)
ORDER BY g, target;
-- the default target is 90
SELECT count(*) AS states, bool_and(jss_contracts_needed(s) IS NOT DISTINCT FROM jss_contracts_needed(s, 90)) AS default_90,
       (SELECT jss_contracts_needed(s) FROM states WHERE g = 'worked slope') AS worked_slope
FROM states;
-- STRICT
SELECT jss_contracts_needed(NULL) IS NULL AS a, jss_contracts_needed(s, NULL) IS NULL AS b
FROM states WHERE g = 'worked slope';
-- targets outside (0, 100]: 22023
SELECT jss_contracts_needed(s, 0) FROM states WHERE g = 'worked slope';  -- error
\echo :SQLSTATE
SELECT jss_contracts_needed(s, -1) FROM states WHERE g = 'worked slope';  -- error
\echo :SQLSTATE
SELECT jss_contracts_needed(s, 100.000001) FROM states WHERE g = 'worked slope';  -- error
\echo :SQLSTATE
SELECT jss_contracts_needed(s, 'NaN') FROM states WHERE g = 'worked slope';  -- error
\echo :SQLSTATE
SELECT jss_contracts_needed(s, 'Infinity') FROM states WHERE g = 'worked slope';  -- error
\echo :SQLSTATE
SELECT jss_contracts_needed(s, '-Infinity') FROM states WHERE g = 'worked slope';  -- error
\echo :SQLSTATE
-- answers past the integer range: 22003.  1000 contracts of -1 with weight 1e6 and target 99.99999
-- need about (W + 1e9) / 1e-7 = 2e16
SELECT jss_contracts_needed(jss_agg(-1, '2026-01-01 00:00+00', 1e6), 99.99999) FROM generate_series(1, 1000);  -- error
\echo :SQLSTATE
-- the edge: W = 2147483650 of neutral outcomes and target 50 need W - 3 = 2147483647 = 2^31 - 1
-- (100 * 2147483650 / 4294967300 = 50); one unit of weight more needs 2^31
CREATE TEMP TABLE edge AS
SELECT jss_rollup(s) AS s
FROM (SELECT jss_agg(0, '2026-01-01 00:00+00', 1e6) AS s FROM generate_series(1, 2147)
      UNION ALL SELECT jss_agg(0, '2026-01-01 00:00+00', 483650)) x;
SELECT jss_contracts(s) AS n, jss_explain(s)->'weight' AS w, jss_contracts_needed(s, 50) AS needed FROM edge;
SELECT jss_contracts_needed(jss_rollup(s), 50)
FROM (SELECT s FROM edge UNION ALL SELECT jss_agg(0, '2026-01-01 00:00+00', 1)) x;  -- error
\echo :SQLSTATE

--
-- The reaching property over every state and many targets: with k = jss_contracts_needed(s, target),
-- the state plus k contracts of outcome 1 reaches the target, and plus k - 1 it does not
-- (below the target, or no score)
--
-- perfect(k): the state of k contracts of outcome 1 and weight 1 on 2026-01-01, that is
--   SELECT jss_agg(1, '2026-01-01 00:00+00') FROM generate_series(1, k),
-- rolled up from states of 2^j such contracts (so that k may be large)
CREATE TEMP TABLE pow AS
WITH RECURSIVE p(j, s) AS (
  SELECT 0, jss_agg(1, '2026-01-01 00:00+00')
  UNION ALL
  SELECT j + 1, (SELECT jss_rollup(x) FROM (VALUES (p.s), (p.s)) v(x)) FROM p WHERE j < 30)
SELECT j, s FROM p;
CREATE FUNCTION pg_temp.perfect(k bigint) RETURNS jss_state
LANGUAGE sql STABLE STRICT
AS $$ SELECT jss_rollup(s) FROM pg_temp.pow WHERE (k >> j) & 1 = 1 $$;
-- the default score of a state plus k perfect contracts
CREATE FUNCTION pg_temp.score_plus(s jss_state, k bigint) RETURNS float8
LANGUAGE sql STABLE STRICT
AS $$ SELECT jss_score(jss_rollup(x)) FROM (VALUES (s), (pg_temp.perfect(k))) v(x) $$;
-- perfect(k) is the state of generate_series(1, k), byte for byte
SELECT count(*) AS checked,
       bool_and(pg_temp.perfect(k)::text
                = (SELECT jss_agg(1, '2026-01-01 00:00+00') FROM generate_series(1, k))::text) AS same_state
FROM (SELECT generate_series(0, 70) AS k UNION ALL SELECT unnest('{127, 128, 1000, 4095, 4096, 12345}'::int[])) ks;
SELECT jss_contracts(pg_temp.perfect(2147483647)) AS "2^31 - 1";

CREATE TEMP TABLE targets (target float8);
INSERT INTO targets VALUES (50), (70), (80), (90), (95), (99), (99.9), (100);
CREATE TEMP TABLE needed AS
SELECT g, s, target, jss_contracts_needed(s, target) AS k FROM states, targets;
SELECT count(*) AS pairs, count(k) AS reachable, count(*) FILTER (WHERE k > 0) AS positive_k, max(k) AS max_k,
       bool_and(k IS NULL OR pg_temp.score_plus(s, k) >= target) AS k_reaches,
       bool_and(k IS NULL OR k = 0 OR coalesce(pg_temp.score_plus(s, k - 1) < target, true)) AS k_minus_1_does_not,
       count(*) FILTER (WHERE k > 0 AND jss_contracts(s) + k - 1 >= 2) AS k_minus_1_scored
FROM needed;
-- and k is ceil((t (W + K) - N - K m) / (1 - t)) in exact arithmetic; target 100: NULL exactly when N < W, else 2 - n or 0
SELECT count(*) AS pairs,
       bool_and(CASE WHEN target < 100
                     THEN k = greatest(0, ceil((target::numeric / 100 * (w + 3) - net - 3) / (1 - target::numeric / 100)),
                                       2 - n)
                     ELSE k IS NOT DISTINCT FROM CASE WHEN net = w THEN greatest(0, 2 - n) END END) AS formula,
       count(*) FILTER (WHERE target = 100 AND k IS NULL) AS never_100
FROM needed JOIN sums USING (g);
-- the integer edge reaches 50 with 2^31 - 1 and not with 2^31 - 2
SELECT pg_temp.score_plus(s, 2147483647) AS "with 2^31 - 1", pg_temp.score_plus(s, 2147483646) < 50 AS "2^31 - 2 below"
FROM edge;
