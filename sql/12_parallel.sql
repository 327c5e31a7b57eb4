--
-- Parallel plans: every aggregate gives the same bits serially and with
-- partial aggregation in parallel workers, platform-wide and per group
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
DROP TABLE IF EXISTS jss_parallel_rows, jss_parallel_states;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never
SET TimeZone = 'UTC';

-- 200000 contracts of 100 freelancers (a regular table: temporary ones are not scanned in
-- parallel), deterministic, with NULL outcomes, weights and times, zero and largest weights
CREATE TABLE jss_parallel_rows AS
SELECT i, i % 100 AS g,
       CASE WHEN i % 97 = 0 THEN NULL WHEN i % 31 = 0 THEN 0 ELSE sin(i * 0.37) END AS o,
       CASE WHEN i % 89 = 0 THEN NULL WHEN i % 53 = 0 THEN 0 WHEN i % 10007 = 0 THEN 1e6
            ELSE 5 * abs(cos(i * 1.91)) END AS w,
       CASE WHEN i % 83 = 0 THEN NULL
            ELSE '1998-01-01 00:00+00'::timestamptz + (i::bigint * 7919 % 12000) * interval '1 day'
                 + (i::bigint * 104729 % 86400000000) * interval '1 microsecond' END AS t
FROM generate_series(1, 200000) i;
-- 20000 states (freelancer x 200 periods) for jss_rollup
CREATE TABLE jss_parallel_states AS
SELECT g, (i - 1) / 1000 AS part, jss_agg(o, t, w) AS s FROM jss_parallel_rows GROUP BY g, (i - 1) / 1000;
ANALYZE jss_parallel_rows, jss_parallel_states;
SELECT count(*) AS rows, count(DISTINCT g) AS groups, count(o) AS outcomes, count(w) AS weights,
       count(t) AS times
FROM jss_parallel_rows;

-- does the plan of a query aggregate partially (in parallel workers)?
CREATE FUNCTION pg_temp.partial_plan(query text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  line text;
  partial boolean := false;
  gather boolean := false;
BEGIN
  FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
    partial := partial OR line LIKE '%Partial%Aggregate%';
    gather := gather OR line LIKE '%Gather%';
  END LOOP;
  RETURN partial AND gather;
END $$;

-- every aggregate, over all rows and per freelancer
\set whole 'SELECT jss_score(o) AS a1, jss_score(o, w) AS a2, jss_satisfaction_ratio(o) AS a3, jss_satisfaction_ratio(o, w) AS a4, jss_trend_slope(o, t) AS a5, jss_trend_slope(o, t, w) AS a6, jss_client_weight(o) AS a7, jss_agg(o, t) AS a8, jss_agg(o, t, w) AS a9 FROM jss_parallel_rows'
\set grouped 'SELECT g, jss_score(o) AS a1, jss_score(o, w) AS a2, jss_satisfaction_ratio(o) AS a3, jss_satisfaction_ratio(o, w) AS a4, jss_trend_slope(o, t) AS a5, jss_trend_slope(o, t, w) AS a6, jss_client_weight(o) AS a7, jss_agg(o, t) AS a8, jss_agg(o, t, w) AS a9 FROM jss_parallel_rows GROUP BY g'
\set rollup_whole 'SELECT jss_rollup(s) AS r FROM jss_parallel_states'
\set rollup_grouped 'SELECT g, jss_rollup(s) AS r FROM jss_parallel_states GROUP BY g'
-- one line per result: the text of every value (NULL spelt out), in a fixed order
\set digest 'SELECT md5(string_agg(concat_ws(''|'', g, coalesce(a1::text, ''NULL''), coalesce(a2::text, ''NULL''), coalesce(a3::text, ''NULL''), coalesce(a4::text, ''NULL''), coalesce(a5::text, ''NULL''), coalesce(a6::text, ''NULL''), coalesce(a7::text, ''NULL''), a8::text, a9::text), E''\n'' ORDER BY g)) AS grouped, count(*) AS groups FROM'
\set rollup_digest 'SELECT md5(string_agg(concat_ws(''|'', g, r::text), E''\n'' ORDER BY g)) AS grouped, count(*) AS groups FROM'

--
-- Serial
--
SET max_parallel_workers_per_gather = 0;
SELECT pg_temp.partial_plan(:'whole') AS whole_partial, pg_temp.partial_plan(:'grouped') AS grouped_partial,
       pg_temp.partial_plan(:'rollup_whole') AS rollup_partial,
       pg_temp.partial_plan(:'rollup_grouped') AS rollup_grouped_partial;
:whole \gset serial_
:digest (:grouped) x \gset serial_
:rollup_whole \gset serial_
:rollup_digest (:rollup_grouped) x \gset serial_rollup_
SELECT :'serial_groups' AS groups, :'serial_rollup_groups' AS rollup_groups;

--
-- Parallel: partial aggregates in two workers and the leader, combined
--
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT pg_temp.partial_plan(:'whole') AS whole_partial, pg_temp.partial_plan(:'grouped') AS grouped_partial,
       pg_temp.partial_plan(:'rollup_whole') AS rollup_partial,
       pg_temp.partial_plan(:'rollup_grouped') AS rollup_grouped_partial;
:whole \gset parallel_
:digest (:grouped) x \gset parallel_
:rollup_whole \gset parallel_
:rollup_digest (:rollup_grouped) x \gset parallel_rollup_
SELECT :'serial_a1' = :'parallel_a1' AS "jss_score(o)",
       :'serial_a2' = :'parallel_a2' AS "jss_score(o, w)",
       :'serial_a3' = :'parallel_a3' AS "jss_satisfaction_ratio(o)",
       :'serial_a4' = :'parallel_a4' AS "jss_satisfaction_ratio(o, w)";
SELECT :'serial_a5' = :'parallel_a5' AS "jss_trend_slope(o, t)",
       :'serial_a6' = :'parallel_a6' AS "jss_trend_slope(o, t, w)",
       :'serial_a7' = :'parallel_a7' AS "jss_client_weight(o)",
       :'serial_a8' = :'parallel_a8' AS "jss_agg(o, t)",
       :'serial_a9' = :'parallel_a9' AS "jss_agg(o, t, w)",
       :'serial_r' = :'parallel_r' AS "jss_rollup(s)";
SELECT :'serial_grouped' = :'parallel_grouped' AS "every aggregate per freelancer",
       :'serial_rollup_grouped' = :'parallel_rollup_grouped' AS "jss_rollup per freelancer";

--
-- Parallel with the work done by the workers only (each partial state is a worker's)
--
SET parallel_leader_participation = off;
SELECT pg_temp.partial_plan(:'whole') AS whole_partial, pg_temp.partial_plan(:'grouped') AS grouped_partial;
:whole \gset workers_
:digest (:grouped) x \gset workers_
:rollup_whole \gset workers_
:rollup_digest (:rollup_grouped) x \gset workers_rollup_
SELECT :'serial_a1' = :'workers_a1' AND :'serial_a2' = :'workers_a2' AND :'serial_a3' = :'workers_a3'
       AND :'serial_a4' = :'workers_a4' AND :'serial_a5' = :'workers_a5' AND :'serial_a6' = :'workers_a6'
       AND :'serial_a7' = :'workers_a7' AND :'serial_a8' = :'workers_a8' AND :'serial_a9' = :'workers_a9'
       AND :'serial_r' = :'workers_r' AS "every aggregate",
       :'serial_grouped' = :'workers_grouped' AS "every aggregate per freelancer",
       :'serial_rollup_grouped' = :'workers_rollup_grouped' AS "jss_rollup per freelancer";
RESET parallel_leader_participation;

-- the state agrees with the one-step trend (both skip rows without ended_at), and the
-- rollup of the stored states with the state of all rows
SELECT jss_trend_slope(:'serial_a9'::jss_state)::text = :'serial_a6' AS slope,
       :'serial_r' = :'serial_a9' AS rollup_of_states;

RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;
DROP TABLE jss_parallel_rows, jss_parallel_states;
