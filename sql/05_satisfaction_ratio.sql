--
-- jss_satisfaction_ratio(outcome [, weight]): share of satisfied outcomes
--
--   S = sum w over o > 0, D = sum w over o < 0, ratio = S / (S + D); NULL when S + D = 0
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never

-- the worked example: S = 1 + 2, D = 1 (the neutral row weighs nothing)
SELECT jss_satisfaction_ratio(o, w)
FROM (VALUES (1::float8, 1::float8), (0.5, 2), (-0.2, 1), (0, 5)) v(o, w);

-- the share counts satisfied contracts, not how satisfied: 0.01 counts as much as 1
SELECT jss_satisfaction_ratio(o) AS ratio FROM (VALUES (0.01::float8), (-1), (1), (-0.01)) v(o);
-- 1-argument form: every weight 1 (2 of 3 non-neutral rows are positive)
SELECT round(jss_satisfaction_ratio(o)::numeric, 10) AS ratio, round(2 / 3.0, 10) AS formula
FROM (VALUES (1::float8), (0.5), (-0.2), (0)) v(o);
SELECT bool_and(a::text = b::text AND a::text = c::text) AS one_arg_is_weight_1
FROM (SELECT g, jss_satisfaction_ratio(o) AS a, jss_satisfaction_ratio(o, 1) AS b,
             jss_satisfaction_ratio(o, NULL) AS c
      FROM (SELECT i % 10 AS g, ((i * 37) % 21 - 10) / 10.0::float8 AS o
            FROM generate_series(1, 500) i) x GROUP BY g) y;

-- bounds of the ratio
SELECT jss_satisfaction_ratio(o) AS all_satisfied FROM (VALUES (1::float8), (0.1), (0)) v(o);
SELECT jss_satisfaction_ratio(o) AS none_satisfied FROM (VALUES (-1::float8), (-0.1), (0)) v(o);

-- NULL when S + D = 0: no rows, only NULL outcomes, only neutral outcomes, only zero weights
SELECT jss_satisfaction_ratio(o) IS NULL AS empty FROM (VALUES (1::float8)) v(o) WHERE false;
SELECT jss_satisfaction_ratio(o) IS NULL AS all_null FROM (VALUES (NULL::float8), (NULL)) v(o);
SELECT jss_satisfaction_ratio(o) IS NULL AS only_neutral FROM (VALUES (0::float8), (0), (0)) v(o);
SELECT jss_satisfaction_ratio(o, w) IS NULL AS only_zero_weights
FROM (VALUES (1::float8, 0::float8), (-1, 0)) v(o, w);

-- one row is enough (there is no minimum history for the ratio)
SELECT jss_satisfaction_ratio(o) AS one_good FROM (VALUES (0.3::float8)) v(o);
SELECT jss_satisfaction_ratio(o) AS one_bad FROM (VALUES (-0.3::float8)) v(o);

-- NULL outcomes are skipped; NULL weights count as 1
SELECT round(jss_satisfaction_ratio(o, w)::numeric, 10) AS ratio, round(1 / 3.0, 10) AS formula
FROM (VALUES (1::float8, NULL::float8), (NULL, 100), (-1, 2)) v(o, w);

-- weights: S = 0.75 * 3.5, D = 0.5 * 1.25 + 1 * 2
SELECT jss_satisfaction_ratio(o, w) AS ratio,
       round(0.75 * 3.5 / (0.75 * 3.5 + 0.5 * 1.25 + 2), 10) AS formula
FROM (VALUES (1::float8, 0.75 * 3.5::float8), (-0.5, 0.5 * 1.25), (-1, 2), (0, 7)) v(o, w);
-- the largest weight
SELECT round(jss_satisfaction_ratio(o, w)::numeric, 12) AS ratio, round(1e6 / (1e6 + 1), 12) AS formula
FROM (VALUES (1::float8, 1e6::float8), (-1, 1)) v(o, w);

-- GROUP BY
SELECT g, jss_satisfaction_ratio(o) AS ratio
FROM (VALUES (1, 1::float8), (1, -1), (2, 1), (3, 0), (4, NULL), (5, -1), (5, -1), (5, 1), (5, 1), (5, 1))
     v(g, o)
GROUP BY g ORDER BY g;

-- errors (22003): outcome outside [-1, 1], NaN, infinite; weight negative, NaN, infinite, > 1e6
SELECT jss_satisfaction_ratio(o) FROM (VALUES (0.5::float8), (1.5)) v(o);  -- error
\echo :SQLSTATE
SELECT jss_satisfaction_ratio(o) FROM (VALUES ('NaN'::float8)) v(o);  -- error
\echo :SQLSTATE
SELECT jss_satisfaction_ratio(o, 1) FROM (VALUES ('-Infinity'::float8)) v(o);  -- error
\echo :SQLSTATE
SELECT jss_satisfaction_ratio(o, w) FROM (VALUES (1::float8, -1::float8)) v(o, w);  -- error
\echo :SQLSTATE
SELECT jss_satisfaction_ratio(o, w) FROM (VALUES (0::float8, 'NaN'::float8)) v(o, w);  -- error
\echo :SQLSTATE
SELECT jss_satisfaction_ratio(o, w) FROM (VALUES (1::float8, 'Infinity'::float8)) v(o, w);  -- error
\echo :SQLSTATE
SELECT jss_satisfaction_ratio(o, w) FROM (VALUES (1::float8, 1000001::float8)) v(o, w);  -- error
\echo :SQLSTATE
