--
-- jss_score(outcome [, weight]): the one-step Job Success Score
--
--   score = 100 * clamp((N + K*m) / (W + K), 0, 1),  K = 3, m = 1;  NULL when n < 2
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never

--
-- The worked examples
--
-- {1 x 9, -1}: 100 * (8 + 3) / (10 + 3)
SELECT round(jss_score(o)::numeric, 8) AS score
FROM (VALUES (1::float8), (1), (1), (1), (1), (1), (1), (1), (1), (-1)) v(o);
-- {-1}: NULL (n < 2)
SELECT jss_score(o) IS NULL AS one_row_is_null FROM (VALUES (-1::float8)) v(o);
-- {-1, -1}: 100 * (-2 + 3) / (2 + 3)
SELECT jss_score(o) AS score FROM (VALUES (-1::float8), (-1)) v(o);
-- {-1, -1, -1, -1}: 100 * (-4 + 3) / 7 < 0, clamped to 0
SELECT jss_score(o) AS score FROM (VALUES (-1::float8), (-1), (-1), (-1)) v(o);

--
-- Group sizes: empty and one row give NULL, two rows give a score
--
SELECT jss_score(o) IS NULL AS empty_1, jss_score(o, 1) IS NULL AS empty_2
FROM (VALUES (1::float8)) v(o) WHERE false;
SELECT jss_score(o) IS NULL AS one_1, jss_score(o, 5) IS NULL AS one_2
FROM (VALUES (1::float8)) v(o);
SELECT jss_score(o) AS two_rows FROM (VALUES (1::float8), (0)) v(o);  -- 100 * 4 / 5
-- all perfect: exactly 100
SELECT jss_score(1) AS perfect FROM generate_series(1, 10);
-- all neutral: 100 * 3 / (n + 3)
SELECT jss_score(0) AS neutral_7 FROM generate_series(1, 7);

--
-- 1-argument form = 2-argument form with weight 1 (and with a NULL weight)
--
CREATE TEMP TABLE r AS
SELECT i, g, (((i * 7919) % 201) - 100) / 100.0::float8 AS o
FROM generate_series(1, 1000) i, generate_series(1, 3) g;
SELECT bool_and(s1::text = s2::text AND s1::text = s3::text) AS same_bits, count(*) AS groups
FROM (SELECT g, jss_score(o) AS s1, jss_score(o, 1) AS s2, jss_score(o, NULL) AS s3
      FROM r GROUP BY g) x;

--
-- NULL outcomes are skipped (not counted in n); a NULL weight counts as 1
--
SELECT jss_score(o) IS NULL AS "one outcome and NULLs is NULL"
FROM (VALUES (1::float8), (NULL), (NULL)) v(o);
SELECT jss_score(o, w) = 20 AS "NULL outcomes skipped, whatever their weight"
FROM (VALUES (-1::float8, 1::float8), (NULL, 1000), (-1, 1), (NULL, NULL)) v(o, w);
-- N = -1 + 2 - 1 = 0, W = 1 + 2 + 1 = 4: 100 * 3 / 7
SELECT round(jss_score(o, w)::numeric, 8) AS score, round(100 * (0 + 3) / (4 + 3.0), 8) AS formula
FROM (VALUES (-1::float8, NULL::float8), (1, 2), (-1, NULL)) v(o, w);

--
-- Weights: W = sum w, N = sum w*o
--
-- {1 w 3, -1 w 1}: 100 * (2 + 3) / (4 + 3)
SELECT round(jss_score(o, w)::numeric, 8) AS score, round(100 * 5 / 7.0, 8) AS formula
FROM (VALUES (1::float8, 3::float8), (-1, 1)) v(o, w);
-- a weight of 3 is three rows of weight 1 for the sums (not for n)
SELECT (SELECT jss_score(o, w) FROM (VALUES (-1::float8, 3::float8), (1, 1)) v(o, w))::text =
       (SELECT jss_score(o) FROM (VALUES (-1::float8), (-1), (-1), (1)) v(o))::text AS same_bits;
-- weight 0 rows count in n but not in W or N: {1 w 0, -1 w 0} = 100 * 3 / 3
SELECT jss_score(o, w) AS zero_weights FROM (VALUES (1::float8, 0::float8), (-1, 0)) v(o, w);
SELECT jss_score(o, w) AS "zero weight row makes n = 2"
FROM (VALUES (-1::float8, 1::float8), (1, 0)) v(o, w);  -- 100 * 2 / 4
-- the largest weight, 1e6, is accepted: {-1 w 1e6, 1 w 1} = 100 * clamp((-999999 + 3) / 1000004) = 0
SELECT jss_score(o, w) AS score FROM (VALUES (-1::float8, 1e6::float8), (1, 1)) v(o, w);
SELECT round(jss_score(o, w)::numeric, 8) AS score, round(100 * (1e6 - 1 + 3) / (1e6 + 1 + 3), 8) AS formula
FROM (VALUES (1::float8, 1e6::float8), (-1, 1)) v(o, w);
-- fractional weights (client weight times job weight): N = 2.625 - 0.625 + 0, W = 6.75
SELECT round(jss_score(o, w)::numeric, 8) AS score,
       round(100 * (3.5 * 0.75 - 1.25 * 0.5 + 2 * 0 + 3) / (3.5 + 1.25 + 2 + 3), 8) AS formula
FROM (VALUES (0.75::float8, 3.5::float8), (-0.5, 1.25), (0, 2)) v(o, w);

--
-- GROUP BY
--
CREATE TEMP TABLE f (freelancer int, outcome float8, weight float8);
INSERT INTO f VALUES
  (1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 1), (1, -1, 1),
  (2, -1, 1),
  (3, -1, 1), (3, -1, 1),
  (4, -1, 1), (4, -1, 1), (4, -1, 1), (4, -1, 1),
  (5, NULL, 1), (5, NULL, 1), (5, 1, NULL);
SELECT freelancer, round(jss_score(outcome)::numeric, 8) AS score, round(jss_score(outcome, weight)::numeric, 8) AS weighted
FROM f GROUP BY freelancer ORDER BY freelancer;

--
-- Bad outcomes: outside [-1, 1], NaN, infinite -> 22003
--
SELECT jss_score(o) FROM (VALUES (1::float8), (1.0000001)) v(o);  -- error
\echo :SQLSTATE
SELECT jss_score(o) FROM (VALUES (1::float8), (-1.0000001)) v(o);  -- error
\echo :SQLSTATE
SELECT jss_score(o) FROM (VALUES (1::float8), (2)) v(o);  -- error
\echo :SQLSTATE
SELECT jss_score(o, 1) FROM (VALUES (1::float8), ('NaN')) v(o);  -- error
\echo :SQLSTATE
SELECT jss_score(o) FROM (VALUES (1::float8), ('Infinity')) v(o);  -- error
\echo :SQLSTATE
SELECT jss_score(o) FROM (VALUES (1::float8), ('-Infinity')) v(o);  -- error
\echo :SQLSTATE
-- a bad outcome is an error even with a zero or NULL weight
SELECT jss_score(o, w) FROM (VALUES (1::float8, 1::float8), (5, 0)) v(o, w);  -- error
\echo :SQLSTATE
SELECT jss_score(o, w) FROM (VALUES (1::float8, 1::float8), ('NaN', NULL)) v(o, w);  -- error
\echo :SQLSTATE
-- the bounds themselves are fine
SELECT jss_score(o) AS bounds FROM (VALUES (1::float8), (-1)) v(o);  -- 100 * 3 / 5

--
-- Bad weights: negative, NaN, infinite, above 1e6 -> 22003
--
SELECT jss_score(o, w) FROM (VALUES (1::float8, 1::float8), (1, -0.0001)) v(o, w);  -- error
\echo :SQLSTATE
SELECT jss_score(o, w) FROM (VALUES (1::float8, 1::float8), (1, -1)) v(o, w);  -- error
\echo :SQLSTATE
SELECT jss_score(o, w) FROM (VALUES (1::float8, 1::float8), (1, 'NaN')) v(o, w);  -- error
\echo :SQLSTATE
SELECT jss_score(o, w) FROM (VALUES (1::float8, 1::float8), (1, 'Infinity')) v(o, w);  -- error
\echo :SQLSTATE
SELECT jss_score(o, w) FROM (VALUES (1::float8, 1::float8), (1, '-Infinity')) v(o, w);  -- error
\echo :SQLSTATE
SELECT jss_score(o, w) FROM (VALUES (1::float8, 1::float8), (1, 1000000.0001)) v(o, w);  -- error
\echo :SQLSTATE
SELECT jss_score(o, w) FROM (VALUES (1::float8, 1::float8), (1, 1e7)) v(o, w);  -- error
\echo :SQLSTATE
-- a row with a NULL outcome is skipped before its weight is looked at
SELECT jss_score(o, w) AS skipped FROM (VALUES (1::float8, 1::float8), (NULL, -1), (1, 1)) v(o, w);
