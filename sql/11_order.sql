--
-- Order independence: the same rows in any order, and any split of them rolled up,
-- give the same bits
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never
SET DateStyle = 'ISO, YMD';
SET TimeZone = 'UTC';

-- 6000 rows in 12 groups: full-precision outcomes and weights, NULLs of every kind
CREATE TEMP TABLE d AS
SELECT i, i % 12 AS g,
       CASE WHEN i % 97 = 0 THEN NULL WHEN i % 31 = 0 THEN 0 ELSE sin(i * 0.7) END AS o,
       CASE WHEN i % 89 = 0 THEN NULL WHEN i % 53 = 0 THEN 0 WHEN i % 1009 = 0 THEN 1e6
            ELSE 4 * abs(cos(i * 1.3)) END AS w,
       CASE WHEN i % 83 = 0 THEN NULL
            ELSE '2015-01-01 00:00+00'::timestamptz + (i * 7919 % 4000) * interval '1 day'
                 + (i * 104729 % 86400000) * interval '1 millisecond' END AS t
FROM generate_series(1, 6000) i;
SELECT count(*) AS rows, count(o) AS outcomes, count(w) AS weights, count(t) AS times FROM d;
-- a float8 sum of the same rows is not order independent: the data can tell orders apart
SELECT count(DISTINCT s) > 1 AS float_sums_differ
FROM (SELECT sum(o * w ORDER BY o) AS s FROM d UNION ALL SELECT sum(o * w ORDER BY o DESC) FROM d
      UNION ALL SELECT sum(o * w ORDER BY w) FROM d UNION ALL SELECT sum(o * w ORDER BY t) FROM d
      UNION ALL SELECT sum(o * w ORDER BY i) FROM d) x;

--
-- Every aggregate, fed the rows of each group in seven orders, gives the same text
--
SELECT count(*) AS groups,
       bool_and(a = b AND a = c AND a = e AND a = f AND a = h AND a = k) AS jss_score_1
FROM (SELECT g, jss_score(o)::text AS a, jss_score(o ORDER BY random())::text AS b,
             jss_score(o ORDER BY random())::text AS c, jss_score(o ORDER BY o)::text AS e,
             jss_score(o ORDER BY o DESC)::text AS f, jss_score(o ORDER BY t)::text AS h,
             jss_score(o ORDER BY i DESC)::text AS k
      FROM d GROUP BY g) x;
SELECT bool_and(a = b AND a = c AND a = e AND a = f AND a = h AND a = k) AS jss_score_2
FROM (SELECT g, jss_score(o, w)::text AS a, jss_score(o, w ORDER BY random())::text AS b,
             jss_score(o, w ORDER BY random())::text AS c, jss_score(o, w ORDER BY o)::text AS e,
             jss_score(o, w ORDER BY w DESC)::text AS f, jss_score(o, w ORDER BY t)::text AS h,
             jss_score(o, w ORDER BY i DESC)::text AS k
      FROM d GROUP BY g) x;
SELECT bool_and(a = b AND a = c AND a = e AND a = f AND a = h AND a = k) AS jss_satisfaction_ratio_1
FROM (SELECT g, jss_satisfaction_ratio(o)::text AS a, jss_satisfaction_ratio(o ORDER BY random())::text AS b,
             jss_satisfaction_ratio(o ORDER BY random())::text AS c,
             jss_satisfaction_ratio(o ORDER BY o)::text AS e,
             jss_satisfaction_ratio(o ORDER BY o DESC)::text AS f,
             jss_satisfaction_ratio(o ORDER BY t)::text AS h,
             jss_satisfaction_ratio(o ORDER BY i DESC)::text AS k
      FROM d GROUP BY g) x;
SELECT bool_and(a = b AND a = c AND a = e AND a = f AND a = h AND a = k) AS jss_satisfaction_ratio_2
FROM (SELECT g, jss_satisfaction_ratio(o, w)::text AS a,
             jss_satisfaction_ratio(o, w ORDER BY random())::text AS b,
             jss_satisfaction_ratio(o, w ORDER BY random())::text AS c,
             jss_satisfaction_ratio(o, w ORDER BY o)::text AS e,
             jss_satisfaction_ratio(o, w ORDER BY w DESC)::text AS f,
             jss_satisfaction_ratio(o, w ORDER BY t)::text AS h,
             jss_satisfaction_ratio(o, w ORDER BY i DESC)::text AS k
      FROM d GROUP BY g) x;
SELECT bool_and(a = b AND a = c AND a = e AND a = f AND a = h AND a = k) AS jss_trend_slope_2
FROM (SELECT g, jss_trend_slope(o, t)::text AS a, jss_trend_slope(o, t ORDER BY random())::text AS b,
             jss_trend_slope(o, t ORDER BY random())::text AS c, jss_trend_slope(o, t ORDER BY o)::text AS e,
             jss_trend_slope(o, t ORDER BY t DESC)::text AS f, jss_trend_slope(o, t ORDER BY t)::text AS h,
             jss_trend_slope(o, t ORDER BY i DESC)::text AS k
      FROM d GROUP BY g) x;
SELECT bool_and(a = b AND a = c AND a = e AND a = f AND a = h AND a = k) AS jss_trend_slope_3
FROM (SELECT g, jss_trend_slope(o, t, w)::text AS a, jss_trend_slope(o, t, w ORDER BY random())::text AS b,
             jss_trend_slope(o, t, w ORDER BY random())::text AS c,
             jss_trend_slope(o, t, w ORDER BY o)::text AS e,
             jss_trend_slope(o, t, w ORDER BY w DESC)::text AS f,
             jss_trend_slope(o, t, w ORDER BY t)::text AS h,
             jss_trend_slope(o, t, w ORDER BY i DESC)::text AS k
      FROM d GROUP BY g) x;
SELECT bool_and(a = b AND a = c AND a = e AND a = f AND a = h AND a = k) AS jss_client_weight
FROM (SELECT g, jss_client_weight(o)::text AS a, jss_client_weight(o ORDER BY random())::text AS b,
             jss_client_weight(o ORDER BY random())::text AS c, jss_client_weight(o ORDER BY o)::text AS e,
             jss_client_weight(o ORDER BY o DESC)::text AS f, jss_client_weight(o ORDER BY t)::text AS h,
             jss_client_weight(o ORDER BY i DESC)::text AS k
      FROM d GROUP BY g) x;
SELECT bool_and(a = b AND a = c AND a = e AND a = f AND a = h AND a = k) AS jss_agg_2
FROM (SELECT g, jss_agg(o, t)::text AS a, jss_agg(o, t ORDER BY random())::text AS b,
             jss_agg(o, t ORDER BY random())::text AS c, jss_agg(o, t ORDER BY o)::text AS e,
             jss_agg(o, t ORDER BY t DESC)::text AS f, jss_agg(o, t ORDER BY t)::text AS h,
             jss_agg(o, t ORDER BY i DESC)::text AS k
      FROM d GROUP BY g) x;
SELECT bool_and(a = b AND a = c AND a = e AND a = f AND a = h AND a = k) AS jss_agg_3
FROM (SELECT g, jss_agg(o, t, w)::text AS a, jss_agg(o, t, w ORDER BY random())::text AS b,
             jss_agg(o, t, w ORDER BY random())::text AS c, jss_agg(o, t, w ORDER BY o)::text AS e,
             jss_agg(o, t, w ORDER BY w DESC)::text AS f, jss_agg(o, t, w ORDER BY t)::text AS h,
             jss_agg(o, t, w ORDER BY i DESC)::text AS k
      FROM d GROUP BY g) x;
-- and over all rows at once
SELECT jss_score(o, w)::text = jss_score(o, w ORDER BY random())::text AS score,
       jss_satisfaction_ratio(o, w)::text = jss_satisfaction_ratio(o, w ORDER BY random())::text AS ratio,
       jss_trend_slope(o, t, w)::text = jss_trend_slope(o, t, w ORDER BY random())::text AS slope,
       jss_client_weight(o)::text = jss_client_weight(o ORDER BY random())::text AS client_weight,
       jss_agg(o, t, w)::text = jss_agg(o, t, w ORDER BY random())::text AS state
FROM d;

--
-- jss_rollup over states in any order
--
CREATE TEMP TABLE st AS
SELECT g, i % 50 AS part, jss_agg(o, t, w) AS s FROM d GROUP BY g, i % 50;
SELECT count(*) AS states,
       bool_and(a = b AND a = c AND a = e AND a = f) AS jss_rollup
FROM (SELECT g, jss_rollup(s)::text AS a, jss_rollup(s ORDER BY random())::text AS b,
             jss_rollup(s ORDER BY random())::text AS c, jss_rollup(s ORDER BY part DESC)::text AS e,
             jss_rollup(s ORDER BY jss_score(s), part)::text AS f
      FROM st GROUP BY g) x, (SELECT count(*) FROM st) n(count)
GROUP BY count;

--
-- Random splits rolled up equal jss_agg over all rows: GROUP BY hashint4(i + seed) % k
--
CREATE TEMP TABLE whole AS
SELECT jss_agg(o, t, w)::text AS s2, jss_agg(o, t)::text AS s1 FROM d;
SELECT k, bool_and(r3 = s2 AND r2 = s1) AS equal, count(*) AS seeds
FROM whole,
     (VALUES (2), (3), (7), (50), (1000)) kk(k),
     generate_series(1, 4) seed,
     LATERAL (SELECT jss_rollup(p3)::text AS r3, jss_rollup(p2)::text AS r2
              FROM (SELECT jss_agg(o, t, w) AS p3, jss_agg(o, t) AS p2
                    FROM d GROUP BY hashint4(i + seed * 1000003) % k) parts) r
GROUP BY k ORDER BY k;
-- per group too, with the split pieces rolled up in random order
SELECT bool_and(r.s::text = a.s::text) AS per_group
FROM (SELECT g, jss_rollup(s ORDER BY random()) AS s
      FROM (SELECT g, jss_agg(o, t, w) AS s FROM d GROUP BY g, hashint4(i) % 9) x GROUP BY g) r
JOIN (SELECT g, jss_agg(o, t, w) AS s FROM d GROUP BY g) a USING (g);
-- and the accessors of the rolled-up states equal the one-step aggregates
SELECT bool_and(jss_score(r.s)::text = a.score::text AND jss_satisfaction_ratio(r.s)::text = a.ratio::text
                AND jss_trend_slope(r.s)::text = a.slope::text) AS accessors
FROM (SELECT g, jss_rollup(s ORDER BY random()) AS s
      FROM (SELECT g, jss_agg(o, t, w) AS s FROM d WHERE t IS NOT NULL GROUP BY g, hashint4(i + 7) % 5) x
      GROUP BY g) r
JOIN (SELECT g, jss_score(o, w) AS score, jss_satisfaction_ratio(o, w) AS ratio, jss_trend_slope(o, t, w) AS slope
      FROM d WHERE t IS NOT NULL GROUP BY g) a USING (g);
