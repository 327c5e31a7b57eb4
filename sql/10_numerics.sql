--
-- Numerics: outcomes and weights rounded to multiples of 2^-32 (ties away from zero),
-- exact integer sums, and results within 1e-6 of real arithmetic on the rounded inputs
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
-- v * 2^32 rounded to the nearest integer, ties away from zero, computed exactly:
-- the scaling, the truncation and the remainder are exact in float8
CREATE FUNCTION pg_temp.fixed(v float8) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT
AS $$ SELECT (trunc(v * 4294967296) + CASE WHEN abs(v * 4294967296 - trunc(v * 4294967296)) >= 0.5
                                            THEN sign(v) ELSE 0 END)::bigint $$;

--
-- Float noise is absorbed: an outcome that rounds to 0 is neutral
--
SELECT abs(jss_outcome(public_rating => 4.2, private_rating => 7, missed_deadlines => 3)) < 1e-15
       AS "zero in real numbers";
SELECT pg_temp.field(s, 'neutral') AS neutral, pg_temp.field(s, 'w_pos') AS w_pos,
       pg_temp.field(s, 'w_neg') AS w_neg, jss_satisfaction_ratio(s) IS NULL AS no_ratio
FROM (SELECT jss_agg(jss_outcome(public_rating => 4.2, private_rating => 7, missed_deadlines => 3),
                     '2026-01-01 00:00+00') AS s) x;
-- tiny floats, positive and negative, are neutral too
SELECT o, pg_temp.field(s, 'neutral') AS neutral, pg_temp.field(s, 'wo_pos') AS wo_pos,
       pg_temp.field(s, 'wo_neg') AS wo_neg
FROM (SELECT o, jss_agg(o, '2026-01-01 00:00+00') AS s
      FROM (VALUES (0.1::float8 + 0.2 - 0.3), (1e-12), (-1e-12), (2.220446049250313e-16), ('-0'),
                   (1.1641532182693481e-10 - 1e-25)) v(o) GROUP BY o) x
ORDER BY o;
-- neutral rows still count in n and in W: {0, 0} scores 100 * 3 / 5
SELECT jss_score(o) AS score, jss_satisfaction_ratio(o) IS NULL AS no_ratio
FROM (VALUES (1e-12::float8), (-1e-12)) v(o);

--
-- Rounding to 2^-32, ties away from zero (o * 2^32 is shown in wo_pos / wo_neg for weight 1)
--
SELECT label, o * 4294967296 AS scaled, pg_temp.fixed(o) AS expected,
       div(pg_temp.field(s, 'wo_pos') - pg_temp.field(s, 'wo_neg'), 4294967296) AS stored,
       mod(pg_temp.field(s, 'wo_pos') - pg_temp.field(s, 'wo_neg'), 4294967296) = 0 AS whole,
       pg_temp.field(s, 'neutral') AS neutral
FROM (SELECT label, o, jss_agg(o, '2026-01-01 00:00+00') AS s
      FROM (VALUES ('2^-33 (a tie)', 1.1641532182693481e-10::float8),
                   ('-2^-33 (a tie)', -1.1641532182693481e-10),
                   ('3 * 2^-33 (a tie)', 3.4924596548080444e-10),
                   ('-3 * 2^-33 (a tie)', -3.4924596548080444e-10),
                   ('just below 2^-33', 1.1641532182693480e-10),
                   ('0.5 + 2^-33 (a tie)', 0.50000000011641532),
                   ('0.5 + 2^-34', 0.50000000005820766),
                   ('-0.5 - 2^-33 (a tie)', -0.50000000011641532),
                   ('1 - 2^-33 (a tie)', 0.99999999988358468),
                   ('1 - 2^-34', 0.99999999994179234),
                   ('1', 1), ('-1', -1), ('1/3', 1 / 3.0::float8), ('-2/3', -2 / 3.0::float8)) v(label, o)
      GROUP BY label, o) x
ORDER BY o;
-- weights are rounded the same way (w is in units of 2^-32); a weight that rounds to 0 still
-- counts the row in n
SELECT label, pg_temp.fixed(w) AS expected, pg_temp.field(s, 'w') AS stored, jss_contracts(s) AS n
FROM (SELECT label, w, jss_agg(1, '2026-01-01 00:00+00', w) AS s
      FROM (VALUES ('1e-10', 1e-10::float8), ('2^-34', 5.820766091346741e-11), ('2^-33 (a tie)', 1.1641532182693481e-10),
                   ('1.5 * 2^-32 (a tie)', 3.4924596548080444e-10), ('0.1', 0.1), ('1', 1),
                   ('1e6', 1e6), ('1e6 - 2^-33', 999999.9999999999), ('0', 0)) v(label, w)
      GROUP BY label, w) x
ORDER BY w;
-- weights that round to 0: the row counts for n but weighs nothing
SELECT jss_score(o, w) AS score, jss_satisfaction_ratio(o, w) IS NULL AS no_ratio,
       jss_trend_slope(o, t, w) IS NULL AS no_slope
FROM (VALUES (1::float8, 1e-10::float8, '2026-01-01 00:00+00'::timestamptz),
             (-1, 1e-10, '2026-06-01 00:00+00')) v(o, w, t);
SELECT jss_satisfaction_ratio(o, w) AS ratio
FROM (VALUES (1::float8, 1.1641532182693481e-10::float8), (-1, 1.1641532182693481e-10), (-1, 1e-10)) v(o, w);

--
-- Outcomes and weights that differ below 2^-33 give the same state, byte for byte
--
CREATE TEMP TABLE exact_rows AS
SELECT i, i % 20 AS g,
       (floor(pg_temp.rnd(i, 'o') * 2 ^ 20) - 2 ^ 19 + 1) / 2 ^ 19 AS o,        -- multiples of 2^-19 in (-1, 1)
       (floor(pg_temp.rnd(i, 'w') * 2 ^ 24) + 1) / 2 ^ 20 AS w,                -- multiples of 2^-20 in (0, 16]
       (pg_temp.rnd(i, 'd') - 0.5) / 2 ^ 34 AS d,                             -- |d| < 2^-35
       (pg_temp.rnd(i, 'e') - 0.5) / 2 ^ 34 AS e,
       to_timestamp(1600000000 + floor(pg_temp.rnd(i, 't') * 2e8)) AS t
FROM generate_series(1, 2000) i;
SELECT bool_and(abs(d) < 2 ^ -35 AND abs(e) < 2 ^ -35 AND o + d <> o) AS noise_is_real,
       count(*) FILTER (WHERE o + d <> o) AS noisy_rows
FROM exact_rows;
SELECT bool_and(a::text = b::text) AS same_states, count(*) AS groups
FROM (SELECT g, jss_agg(o, t, w) AS a, jss_agg(o + d, t, w + e) AS b FROM exact_rows GROUP BY g) x;
SELECT jss_score(o, w)::text = jss_score(o + d, w + e)::text AS score,
       jss_satisfaction_ratio(o, w)::text = jss_satisfaction_ratio(o + d, w + e)::text AS ratio,
       jss_trend_slope(o, t, w)::text = jss_trend_slope(o + d, t, w + e)::text AS slope,
       jss_client_weight(o)::text = jss_client_weight(o + d)::text AS client_weight
FROM exact_rows;
-- but 2^-33 more (a tie, rounded away from zero) is a different state
SELECT jss_agg(0.5, '2026-01-01 00:00+00')::text = jss_agg(0.5 + 2 ^ -34, '2026-01-01 00:00+00')::text AS "+2^-34 same",
       jss_agg(0.5, '2026-01-01 00:00+00')::text = jss_agg(0.5 + 2 ^ -33, '2026-01-01 00:00+00')::text AS "+2^-33 same";

--
-- Every field of the state is the exact integer sum of the rounded inputs
--
CREATE TEMP TABLE r AS
SELECT i, i % 25 AS g,
       CASE WHEN i % 23 = 0 THEN 1 WHEN i % 29 = 0 THEN -1 WHEN i % 31 = 0 THEN 1e-13
            ELSE 2 * pg_temp.rnd(i, 'o') - 1 END AS o,
       CASE WHEN i % 37 = 0 THEN 1e6 WHEN i % 41 = 0 THEN 1e-11 WHEN i % 43 = 0 THEN NULL
            ELSE 10 * pg_temp.rnd(i, 'w') END AS w,
       to_timestamp(-2000000000 + floor(pg_temp.rnd(i, 't') * 4e15) / 1e6) AS t
FROM generate_series(1, 3000) i;
SELECT min(t) < '2000-01-01' AND max(t) > '2000-01-01' AS both_sides_of_2000 FROM r;
CREATE TEMP TABLE fixed_rows AS
SELECT g, pg_temp.fixed(o)::numeric AS fo, coalesce(pg_temp.fixed(w), 4294967296)::numeric AS fw,
       floor(extract(epoch FROM t) / 86400)::numeric - 10957 AS x, o, w, t
FROM r;
SELECT bool_and(fo = (SELECT pg_temp.fixed(o))) AS sanity FROM fixed_rows;
CREATE TEMP TABLE exact AS
SELECT g, count(*) AS n, count(*) FILTER (WHERE fo = 0) AS neutral,
       sum(fw) AS w, coalesce(sum(fw) FILTER (WHERE fo > 0), 0) AS w_pos,
       coalesce(sum(fw) FILTER (WHERE fo < 0), 0) AS w_neg,
       coalesce(sum(fw * fo) FILTER (WHERE fo > 0), 0) AS wo_pos,
       coalesce(sum(-fw * fo) FILTER (WHERE fo < 0), 0) AS wo_neg,
       sum(fw * x) AS wx, sum(fw * x * x) AS wxx, sum(fw * x * fo) AS wxo, sum(fw * fo * fo) AS woo,
       sum(greatest(fo, 0)) AS g_pos, sum(greatest(-fo, 0)) AS g_neg
FROM fixed_rows GROUP BY GROUPING SETS ((g), ());
CREATE TEMP TABLE got AS
SELECT g, jss_agg(o, t, w) AS s, jss_score(o, w) AS score, jss_satisfaction_ratio(o, w) AS ratio,
       jss_trend_slope(o, t, w) AS slope, jss_client_weight(o) AS client_weight
FROM r GROUP BY GROUPING SETS ((g), ());
SELECT count(*) AS states,
       bool_and(pg_temp.field(s, 'n') = n AND pg_temp.field(s, 'neutral') = neutral
                AND pg_temp.field(s, 'dated') = n) AS counts,
       bool_and(pg_temp.field(s, 'w') = e.w AND pg_temp.field(s, 'w_pos') = w_pos
                AND pg_temp.field(s, 'w_neg') = w_neg) AS weights,
       bool_and(pg_temp.field(s, 'wo_pos') = wo_pos AND pg_temp.field(s, 'wo_neg') = wo_neg) AS outcomes,
       bool_and(pg_temp.field(s, 'wx') = wx AND pg_temp.field(s, 'wxx') = wxx) AS time_moments,
       bool_and(pg_temp.field(s, 'wxo') = wxo AND pg_temp.field(s, 'woo') = woo) AS cross_moments
FROM got JOIN exact e USING (g)
WHERE g IS NOT NULL
UNION ALL
SELECT count(*),
       bool_and(pg_temp.field(s, 'n') = n AND pg_temp.field(s, 'neutral') = neutral
                AND pg_temp.field(s, 'dated') = n),
       bool_and(pg_temp.field(s, 'w') = e.w AND pg_temp.field(s, 'w_pos') = w_pos
                AND pg_temp.field(s, 'w_neg') = w_neg),
       bool_and(pg_temp.field(s, 'wo_pos') = wo_pos AND pg_temp.field(s, 'wo_neg') = wo_neg),
       bool_and(pg_temp.field(s, 'wx') = wx AND pg_temp.field(s, 'wxx') = wxx),
       bool_and(pg_temp.field(s, 'wxo') = wxo AND pg_temp.field(s, 'woo') = woo)
FROM got JOIN exact e ON got.g IS NULL AND e.g IS NULL;

--
-- Results against real arithmetic (numeric) on the rounded inputs:
-- scores within 1e-6 points, slopes within 1e-6 relative plus 1e-9 absolute
--
CREATE TEMP TABLE real_results AS
SELECT g,
       100 * greatest(0, least(1, ((wo_pos - wo_neg) / 2 ^ 64::numeric + 3) / (w / 2 ^ 32::numeric + 3))) AS score,
       w_pos / nullif(w_pos + w_neg, 0) AS ratio,
       9131.25 * (w * wxo - wx * (wo_pos - wo_neg)) / nullif(w * wxx - wx * wx, 0) / 2 ^ 32::numeric AS slope,
       (g_pos / 2 ^ 32::numeric + 5) / ((g_pos + g_neg) / 2 ^ 32::numeric + 5) AS client_weight
FROM exact;
SELECT count(*) AS groups,
       bool_and(abs(got.score::numeric - e.score) <= 1e-6) AS score_1e_6,
       bool_and(abs(jss_score(s)::numeric - e.score) <= 1e-6) AS state_score_1e_6,
       bool_and(abs(got.ratio::numeric - e.ratio) <= 1e-12) AS ratio_1e_12,
       bool_and(abs(got.slope::numeric - e.slope) <= 1e-6 * abs(e.slope) + 1e-9) AS slope_1e_6,
       bool_and(abs(got.client_weight::numeric - e.client_weight) <= 1e-12) AS client_weight_1e_12,
       bool_and(got.slope IS NOT NULL AND got.ratio IS NOT NULL) AS all_defined
FROM got JOIN real_results e ON got.g IS NOT DISTINCT FROM e.g;
-- the same with other priors
SELECT bool_and(abs(jss_score(s, k, m, 1)::numeric
                    - 100 * greatest(0, least(1, ((wo_pos - wo_neg) / 2 ^ 64::numeric + k::numeric * m::numeric)
                                                 / (w / 2 ^ 32::numeric + k::numeric)))) <= 1e-6) AS priors_1e_6,
       count(*) AS cases
FROM got JOIN exact e ON got.g IS NOT DISTINCT FROM e.g,
     (VALUES (0::float8, 0::float8), (0, 1), (1, 0.5), (10, 0.9), (1e6, 0.25), (0.001, 1)) p(k, m);

--
-- The largest weights and many rows: sums far beyond 2^64 stay exact
--
-- 100000 rows of weight 1e6: W = 1e11, sums of w*o*o around 2^117
SELECT pg_temp.field(s, 'w') = 1e11 * 2 ^ 32::numeric AS w_exact,
       pg_temp.field(s, 'woo') = 1e11 * 2 ^ 96::numeric AS woo_exact,
       pg_temp.field(s, 'wo_pos') = 5e10 * 2 ^ 64::numeric AS wo_pos_exact,
       round(jss_score(s)::numeric, 20) AS score, round(100 * 3 / (1e11 + 3), 20) AS formula,
       jss_satisfaction_ratio(s) AS ratio
FROM (SELECT jss_agg(CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END, '2026-01-01 00:00+00'::timestamptz + i * interval '1 minute', 1e6) AS s
      FROM generate_series(1, 100000) i) x;
-- one heavy row and 100000 rows of weight 2^-32: the light rows are not lost in the heavy one
SELECT pg_temp.field(s, 'w') = 1e6 * 2 ^ 32::numeric + 100000 AS w_exact,
       pg_temp.field(s, 'w_neg') = 100000 AS w_neg_exact,
       jss_satisfaction_ratio(s)::numeric = round(1e6 * 2 ^ 32::numeric / (1e6 * 2 ^ 32::numeric + 100000), 15)
         AS ratio_rounded, round(jss_satisfaction_ratio(s)::numeric, 15) AS ratio
FROM (SELECT jss_agg(o, '2026-01-01 00:00+00', w) AS s
      FROM (SELECT 1::float8 AS o, 1e6::float8 AS w
            UNION ALL SELECT -1, 2.3283064365386963e-10 FROM generate_series(1, 100000)) v) x;
-- the slope over a long span with the largest weights, against numeric
SELECT abs(slope - 9131.25 * (w * wxo - wx * wo) / (w * wxx - wx * wx) / 2 ^ 32::numeric)
         <= 1e-6 * abs(slope) + 1e-9 AS slope_1e_6
FROM (SELECT jss_trend_slope(s)::numeric AS slope, pg_temp.field(s, 'w') AS w, pg_temp.field(s, 'wx') AS wx,
             pg_temp.field(s, 'wxx') AS wxx, pg_temp.field(s, 'wxo') AS wxo,
             pg_temp.field(s, 'wo_pos') - pg_temp.field(s, 'wo_neg') AS wo
      FROM (SELECT jss_agg(2 * pg_temp.rnd(i, 'o') - 1, '1000-01-01 00:00+00'::timestamptz + i * interval '500 days',
                           1e6 * pg_temp.rnd(i, 'w')) AS s
            FROM generate_series(1, 1000) i) x) y;
