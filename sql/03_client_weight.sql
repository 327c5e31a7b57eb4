--
-- jss_client_weight: the weight of a client from all its contracts
--
--   client_weight = (G + 5) / (G + P + 5),  G = sum max(o, 0), P = sum max(-o, 0)
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never

-- the worked example: (1 + 5) / (1 + 2 + 5)
SELECT jss_client_weight(o) FROM (VALUES (1::float8), (-1), (-1)) v(o);

-- no informative history weighs 1.0: an empty group, only NULL outcomes, only neutral ones
SELECT jss_client_weight(o) AS empty FROM (VALUES (1::float8)) v(o) WHERE false;
SELECT jss_client_weight(o) AS all_null FROM (VALUES (NULL::float8), (NULL)) v(o);
SELECT jss_client_weight(o) AS all_neutral FROM (VALUES (0::float8), (0), (0)) v(o);
-- only good outcomes also weigh 1.0: (G + 5) / (G + 5)
SELECT jss_client_weight(o) AS all_good FROM (VALUES (1::float8), (0.5), (0.25)) v(o);

-- one row
SELECT o, round(jss_client_weight(o)::numeric, 10) AS weight,
       round((greatest(o, 0) + 5)::numeric / (abs(o) + 5)::numeric, 10) AS formula
FROM (VALUES (1::float8), (0.5), (0), (-0.5), (-1)) v(o) GROUP BY o ORDER BY o;

-- NULL outcomes are skipped, not counted as neutral or poor
SELECT jss_client_weight(o) = 0.75 AS nulls_skipped
FROM (VALUES (1::float8), (NULL), (-1), (NULL), (-1)) v(o);

-- fractional outcomes: G = 0.5 + 0.25 = 0.75, P = 0.5 + 1 = 1.5 -> 5.75 / 7.25
SELECT round(jss_client_weight(o)::numeric, 10) AS weight, round(5.75 / 7.25, 10) AS formula
FROM (VALUES (0.5::float8), (0.25), (-0.5), (-1), (0)) v(o);

-- a client who is unhappy with everyone tends to 0 but stays above it
SELECT round(jss_client_weight(-1)::numeric, 12) AS weight, round(5.0 / 1005, 12) AS formula
FROM generate_series(1, 1000);

-- GROUP BY several clients; each group only sees its own rows
CREATE TEMP TABLE contract (client int, outcome float8);
INSERT INTO contract VALUES
  (1, 1), (1, -1), (1, -1),               -- 6 / 8 = 0.75
  (2, -1), (2, -1), (2, -1), (2, -1), (2, -1), -- 5 / 10 = 0.5
  (3, 1), (3, 1),                         -- 7 / 7 = 1
  (4, NULL),                              -- no outcome: 1
  (5, 0.5), (5, -0.5),                    -- 5.5 / 6 = 0.9166666667
  (6, 0);                                 -- neutral: 1
SELECT client, round(jss_client_weight(outcome)::numeric, 10) AS weight, count(outcome) AS outcomes
FROM contract GROUP BY client ORDER BY client;

-- the typical contract weight is jss_job_weight(...) * client_weight
SELECT jss_job_weight(1500, '200 days') * jss_client_weight(o) AS contract_weight
FROM (VALUES (1::float8), (-1), (-1)) v(o);

-- outcomes are checked as in every aggregate: outside [-1, 1], NaN, infinite -> 22003
SELECT jss_client_weight(o) FROM (VALUES (1::float8), (1.5)) v(o);  -- error
\echo :SQLSTATE
SELECT jss_client_weight('NaN'::float8);  -- error
\echo :SQLSTATE
SELECT jss_client_weight('-Infinity'::float8);  -- error
\echo :SQLSTATE
