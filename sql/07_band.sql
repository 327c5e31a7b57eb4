--
-- jss_band: the band of a score
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never

-- an enum ordered 'at risk' < 'fair' < 'good' < 'excellent'
SELECT enum_range(NULL::jss_band);
SELECT 'at risk'::jss_band < 'fair' AS a, 'fair'::jss_band < 'good' AS b,
       'good'::jss_band < 'excellent' AS c, 'excellent'::jss_band = 'excellent' AS d;
SELECT b FROM unnest('{excellent, at risk, good, fair}'::jss_band[]) b ORDER BY b;
SELECT provolatile, proparallel, proisstrict, prorettype::regtype
FROM pg_proc WHERE proname = 'jss_band';

-- the worked examples
SELECT jss_band(89.999) AS "89.999", jss_band(90) AS "90", jss_band(NULL::float8) IS NULL AS "NULL";
-- jss_band(NULL) is also NULL (an untyped NULL is read as a cast to the enum)
SELECT jss_band(NULL) IS NULL AS untyped_null;

-- >= 90 excellent, >= 80 good, >= 70 fair, else at risk; boundaries 0 and 100 included
SELECT s, jss_band(s)
FROM (VALUES (0::float8), ('-0'), (1e-300), (50), (69.99999999), (70), (70.00000001), (79.999),
             (80), (85), (89.99999999999999), (90), (90.000001), (99.9), (100), (NULL)) v(s);
-- the float just below 70, 80 and 90 stays in the lower band
SELECT jss_band(70::float8 - 1.4210854715202004e-14::float8) AS below_70,
       jss_band(80::float8 - 1.4210854715202004e-14::float8) AS below_80,
       jss_band(90::float8 - 1.4210854715202004e-14::float8) AS below_90,
       70::float8 - 1.4210854715202004e-14::float8 < 70 AS "really below";

-- on scores: the worked examples (84.6, NULL, 20, 0)
SELECT g, round(jss_score(o)::numeric, 8) AS score, jss_band(jss_score(o)) AS band
FROM (VALUES (1, 1::float8), (1, 1), (1, 1), (1, 1), (1, 1), (1, 1), (1, 1), (1, 1), (1, 1), (1, -1),
             (2, -1), (3, -1), (3, -1), (4, -1), (4, -1), (4, -1), (4, -1),
             (5, 1), (5, 1), (6, 1), (6, 0.5), (6, 0.5)) v(g, o)
GROUP BY g ORDER BY g;
-- bands sort in score order
SELECT bool_and(jss_band(a) <= jss_band(b)) AS monotone
FROM generate_series(0, 1000) i, LATERAL (SELECT i / 10.0::float8 AS a, (i + 1) / 10.0::float8 AS b) x
WHERE (i + 1) / 10.0 <= 100;

-- outside [0, 100] or NaN: 22003
SELECT jss_band(-0.0001);  -- error
\echo :SQLSTATE
SELECT jss_band(100.0001);  -- error
\echo :SQLSTATE
SELECT jss_band('NaN'::float8);  -- error
\echo :SQLSTATE
SELECT jss_band('Infinity'::float8);  -- error
\echo :SQLSTATE
SELECT jss_band('-Infinity'::float8);  -- error
\echo :SQLSTATE
