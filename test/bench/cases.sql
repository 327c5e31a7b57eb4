-- test/bench/cases.sql: the measured queries of test/bench/run.
--
--   psql -v as_of='2026-11-16 00:00+00' -v big_work_mem=256MB -f test/bench/cases.sql
--
-- Every query returns one row that depends on every row it aggregates
-- (sum over the groups' results): PostgreSQL drops subquery output columns
-- nobody reads, so count(*) over a GROUP BY would not run the aggregate.
-- Tables (built by test/bench/run): bench (the main input, see build.sql),
-- contracts and the recipe of test/recipes/biweekly.sql (P3, P5, P8),
-- recipe_sql (P8: test/bench/sql_functions.sql),
-- p7_states / p7_arrays (P7), bench_q (every 4th contract of bench: the
-- same freelancers with a quarter of the rows, for memory), scale_1 ..
-- scale_4 (P1 scaling).

-- jss_outcome over all 9 signals, and the same formula (doc/reference.md, jss_outcome) as a SQL
-- expression: sum of a*v over the signals / sum of a, NULL without a signal.
\set jss_outcome_expr 'jss_outcome(public_rating => public_rating, private_rating => private_rating, completed => completed, disputed => disputed, refunded => refunded, complaints => complaints, missed_deadlines => missed_deadlines, response_hours => response_hours, long_term => long_term)'
\set case_outcome_expr '(coalesce((public_rating - 3) / 2, 0) + coalesce((private_rating - 5) / 5, 0) + CASE WHEN completed THEN 1.0::float8 WHEN NOT completed THEN -1.0::float8 ELSE 0.0::float8 END - CASE WHEN disputed THEN 2.0::float8 ELSE 0.0::float8 END - CASE WHEN refunded THEN 1.0::float8 ELSE 0.0::float8 END - CASE WHEN complaints > 0 THEN least(complaints, 3)::float8 / 3 ELSE 0.0::float8 END - CASE WHEN missed_deadlines > 0 THEN least(missed_deadlines, 3)::float8 / 3 ELSE 0.0::float8 END - CASE WHEN response_hours > 24 THEN least((response_hours - 24) / 24, 1.0::float8) ELSE 0.0::float8 END + CASE WHEN long_term THEN 1.0::float8 ELSE 0.0::float8 END) / nullif(CASE WHEN public_rating IS NOT NULL THEN 1 ELSE 0 END + CASE WHEN private_rating IS NOT NULL THEN 1 ELSE 0 END + CASE WHEN completed IS NOT NULL THEN 1 ELSE 0 END + CASE WHEN disputed THEN 2 ELSE 0 END + CASE WHEN refunded THEN 1 ELSE 0 END + CASE WHEN complaints > 0 THEN 1 ELSE 0 END + CASE WHEN missed_deadlines > 0 THEN 1 ELSE 0 END + CASE WHEN response_hours > 24 THEN 1 ELSE 0 END + CASE WHEN long_term THEN 1 ELSE 0 END, 0)'
\set frame 'PARTITION BY freelancer_id ORDER BY ended_at RANGE BETWEEN ''24 months'' PRECEDING AND CURRENT ROW'

CREATE TABLE bench_expr (name text PRIMARY KEY, expr text NOT NULL);
INSERT INTO bench_expr VALUES ('jss_outcome', :'jss_outcome_expr'), ('case_outcome', :'case_outcome_expr');

INSERT INTO bench_side (grp, ord, side, settings, query) VALUES
-- P1, P2: GROUP BY freelancer, serial, the server's work_mem
('P1', 1, 'jss_score', '',
 'SELECT sum(s) FROM (SELECT freelancer_id, jss_score(outcome, weight) AS s FROM bench GROUP BY freelancer_id) AS x'),
('P1', 2, 'avg', '',
 'SELECT sum(s) FROM (SELECT freelancer_id, avg(outcome) AS s FROM bench GROUP BY freelancer_id) AS x'),
('P1', 3, 'count', '',
 'SELECT sum(s) FROM (SELECT freelancer_id, count(*) AS s FROM bench GROUP BY freelancer_id) AS x'),
-- the floor of P1 (test/bench/floor): a positive row's writes into the
-- state and nothing else, into a jss_state and into a 104-byte state of
-- the undated sums alone
('P1', 4, 'floor: jss_state writes only', '',
 'SELECT sum(s) FROM (SELECT freelancer_id, floor_state_writes(outcome, weight) AS s FROM bench GROUP BY freelancer_id) AS x'),
('P1', 5, 'floor: compact state writes only', '',
 'SELECT sum(s) FROM (SELECT freelancer_id, floor_compact_writes(outcome, weight) AS s FROM bench GROUP BY freelancer_id) AS x'),
-- the same with a work_mem large enough for every HashAggregate
('P1wm', 1, 'jss_score', 'work_mem=' || :'big_work_mem',
 'SELECT sum(s) FROM (SELECT freelancer_id, jss_score(outcome, weight) AS s FROM bench GROUP BY freelancer_id) AS x'),
('P1wm', 2, 'avg', 'work_mem=' || :'big_work_mem',
 'SELECT sum(s) FROM (SELECT freelancer_id, avg(outcome) AS s FROM bench GROUP BY freelancer_id) AS x'),
('P1wm', 3, 'count', 'work_mem=' || :'big_work_mem',
 'SELECT sum(s) FROM (SELECT freelancer_id, count(*) AS s FROM bench GROUP BY freelancer_id) AS x'),
('P1wm', 4, 'floor: jss_state writes only', 'work_mem=' || :'big_work_mem',
 'SELECT sum(s) FROM (SELECT freelancer_id, floor_state_writes(outcome, weight) AS s FROM bench GROUP BY freelancer_id) AS x'),
('P1wm', 5, 'floor: compact state writes only', 'work_mem=' || :'big_work_mem',
 'SELECT sum(s) FROM (SELECT freelancer_id, floor_compact_writes(outcome, weight) AS s FROM bench GROUP BY freelancer_id) AS x'),
-- P3: per-contract outcome over all contracts; JIT as configured, and off
('P3', 1, 'jss_outcome', '', 'SELECT sum(' || :'jss_outcome_expr' || ') FROM contracts'),
('P3', 2, 'case', '', 'SELECT sum(' || :'case_outcome_expr' || ') FROM contracts'),
('P3', 3, 'jss_outcome jit=off', 'jit=off', 'SELECT sum(' || :'jss_outcome_expr' || ') FROM contracts'),
('P3', 4, 'case jit=off', 'jit=off', 'SELECT sum(' || :'case_outcome_expr' || ') FROM contracts'),
-- the floor of P3: scanning and deforming up to the last of the 9 columns,
-- no expression at all
('P3', 5, 'scan and deform only', '', 'SELECT count(long_term) FROM contracts'),
-- P4: the 24-month RANGE frame; count(*) (which has an inverse) as the
-- cost of sorting and framing alone; the P1 GROUP BY for the second target
('P4', 1, 'jss_score window', '',
 'SELECT sum(s) FROM (SELECT jss_score(outcome, weight) OVER (' || :'frame' || ') AS s FROM bench) AS x'),
('P4', 2, 'avg window', '',
 'SELECT sum(s) FROM (SELECT avg(outcome) OVER (' || :'frame' || ') AS s FROM bench) AS x'),
('P4', 3, 'count window', '',
 'SELECT sum(s) FROM (SELECT count(*) OVER (' || :'frame' || ') AS s FROM bench) AS x'),
('P4', 4, 'jss_score GROUP BY', '',
 'SELECT sum(s) FROM (SELECT freelancer_id, jss_score(outcome, weight) AS s FROM bench GROUP BY freelancer_id) AS x'),
-- a 50,000-row ROWS frame of jss_agg ordered by ended_at, ascending and
-- descending: the moving state's time counts grow at either end, so both
-- cost O(1) per row
('PD', 1, 'jss_agg ROWS frame descending', '',
 'SELECT sum(jss_contracts(s)) FROM (SELECT jss_agg(outcome, ended_at) OVER (ORDER BY ended_at DESC ROWS 50000 PRECEDING) AS s FROM bench_q) AS x'),
('PD', 2, 'jss_agg ROWS frame ascending', '',
 'SELECT sum(jss_contracts(s)) FROM (SELECT jss_agg(outcome, ended_at) OVER (ORDER BY ended_at ROWS 50000 PRECEDING) AS s FROM bench_q) AS x'),
-- P4 again at the large work_mem (the sort in memory)
('P4wm', 1, 'jss_score window', 'work_mem=' || :'big_work_mem',
 'SELECT sum(s) FROM (SELECT jss_score(outcome, weight) OVER (' || :'frame' || ') AS s FROM bench) AS x'),
('P4wm', 2, 'avg window', 'work_mem=' || :'big_work_mem',
 'SELECT sum(s) FROM (SELECT avg(outcome) OVER (' || :'frame' || ') AS s FROM bench) AS x'),
('P4wm', 3, 'jss_score GROUP BY', 'work_mem=' || :'big_work_mem',
 'SELECT sum(s) FROM (SELECT freelancer_id, jss_score(outcome, weight) AS s FROM bench GROUP BY freelancer_id) AS x'),
-- P5: as-of scores from the biweekly view against the raw contracts
('P5', 1, 'view: freelancer_scores', '',
 'SELECT sum(score) FROM freelancer_scores(' || quote_literal(:'as_of') || ')'),
('P5', 2, 'view: 24-month state only', '',
 'SELECT sum(jss_score(state24)) FROM freelancer_window_states(' || quote_literal(:'as_of') || ')'),
-- the ceiling of P5: read the stored states of the 24 months once, through
-- the cheapest accessor, no rollup
('P5', 4, 'view: read the 24 months of states only', '',
 'SELECT sum(jss_contracts(state)) FROM jss_biweekly WHERE period_start >= ('
 || quote_literal(:'as_of') || '::timestamptz AT TIME ZONE ''UTC'' - interval ''24 months'') AT TIME ZONE ''UTC'''
 || ' AND period_start <= ' || quote_literal(:'as_of') || '::timestamptz'),
('P5', 3, 'raw: jss_score as of', '',
 'SELECT sum(s) FROM (SELECT freelancer_id, jss_score(outcome, weight, ended_at, '
 || quote_literal(:'as_of') || ') AS s FROM weighted_outcomes GROUP BY freelancer_id) AS x'),
-- P5 again at the large work_mem: the view's rollups (three states per
-- freelancer) then group in memory instead of sorting or spilling to disk
('P5wm', 1, 'view: freelancer_scores', 'work_mem=' || :'big_work_mem',
 'SELECT sum(score) FROM freelancer_scores(' || quote_literal(:'as_of') || ')'),
('P5wm', 2, 'raw: jss_score as of', 'work_mem=' || :'big_work_mem',
 'SELECT sum(s) FROM (SELECT freelancer_id, jss_score(outcome, weight, ended_at, '
 || quote_literal(:'as_of') || ') AS s FROM weighted_outcomes GROUP BY freelancer_id) AS x'),
-- P8: the recipe's functions as shipped (PL/pgSQL, planned on their own)
-- against the SQL functions they were before, which PostgreSQL inlines
-- (test/bench/sql_functions.sql), for every freelancer and for 200: through
-- freelancer_ids, and through a WHERE around the call that PostgreSQL
-- pushes into the inlined query
('P8', 1, 'PL/pgSQL: freelancer_scores', '',
 'SELECT sum(score) FROM freelancer_scores(' || quote_literal(:'as_of') || ')'),
('P8', 2, 'SQL: freelancer_scores', '',
 'SELECT sum(score) FROM recipe_sql.freelancer_scores(' || quote_literal(:'as_of') || ')'),
('P8', 3, 'PL/pgSQL: freelancer_scores of 200', '',
 'SELECT sum(score) FROM freelancer_scores(' || quote_literal(:'as_of') || ', ARRAY(SELECT generate_series(1, 50000, 250)))'),
('P8', 4, 'SQL: freelancer_scores of 200', '',
 'SELECT sum(score) FROM recipe_sql.freelancer_scores(' || quote_literal(:'as_of') || ') WHERE freelancer_id = ANY (ARRAY(SELECT generate_series(1, 50000, 250)))'),
-- P9: the score history (26 biweekly dates up to as_of) in one pass of
-- jss_score_history, as the recipe's jss_history computes it, against one
-- as-of pass over the same contracts
('P9', 1, 'history: jss_score_history, 26 dates', '',
 'SELECT sum(s[26]) FROM (SELECT freelancer_id, jss_score_history(outcome, weight, ended_at, ARRAY(SELECT '
 || quote_literal(:'as_of') || '::timestamptz - make_interval(hours => 336 * k) FROM generate_series(25, 0, -1) k)) AS s'
 || ' FROM weighted_outcomes WHERE ended_at >= ((' || quote_literal(:'as_of')
 || '::timestamptz - make_interval(hours => 336 * 25)) AT TIME ZONE ''UTC'' - interval ''24 months'') AT TIME ZONE ''UTC'''
 || ' AND ended_at <= ' || quote_literal(:'as_of') || '::timestamptz GROUP BY freelancer_id) AS x'),
('P9', 2, 'raw: jss_score as of', '',
 'SELECT sum(s) FROM (SELECT freelancer_id, jss_score(outcome, weight, ended_at, '
 || quote_literal(:'as_of') || ') AS s FROM weighted_outcomes GROUP BY freelancer_id) AS x'),
-- P10: the report as of the refresh date read from the recipe's jss_report
-- against the one-step as-of aggregate over the raw contracts
('P10', 1, 'view: jss_report', '', 'SELECT sum(score) FROM jss_report'),
('P10', 2, 'raw: jss_score as of', '',
 'SELECT sum(s) FROM (SELECT freelancer_id, jss_score(outcome, weight, ended_at, '
 || quote_literal(:'as_of') || ') AS s FROM weighted_outcomes GROUP BY freelancer_id) AS x'),
-- P6: P1 with 2 workers (parallel plan made cheap, so that small smoke
-- tables get one too) and serial
('P6', 1, 'jss_score 2 workers',
 'max_parallel_workers_per_gather=2;parallel_setup_cost=0;parallel_tuple_cost=0;min_parallel_table_scan_size=0',
 'SELECT sum(s) FROM (SELECT freelancer_id, jss_score(outcome, weight) AS s FROM bench GROUP BY freelancer_id) AS x'),
('P6', 2, 'jss_score serial', '',
 'SELECT sum(s) FROM (SELECT freelancer_id, jss_score(outcome, weight) AS s FROM bench GROUP BY freelancer_id) AS x'),
-- the same at the large work_mem, and avg: what 2 workers give a built-in aggregate here
('P6', 3, 'jss_score 2 workers, large work_mem',
 'max_parallel_workers_per_gather=2;parallel_setup_cost=0;parallel_tuple_cost=0;min_parallel_table_scan_size=0;work_mem=' || :'big_work_mem',
 'SELECT sum(s) FROM (SELECT freelancer_id, jss_score(outcome, weight) AS s FROM bench GROUP BY freelancer_id) AS x'),
('P6', 4, 'jss_score serial, large work_mem', 'work_mem=' || :'big_work_mem',
 'SELECT sum(s) FROM (SELECT freelancer_id, jss_score(outcome, weight) AS s FROM bench GROUP BY freelancer_id) AS x'),
('P6', 5, 'avg 2 workers',
 'max_parallel_workers_per_gather=2;parallel_setup_cost=0;parallel_tuple_cost=0;min_parallel_table_scan_size=0',
 'SELECT sum(s) FROM (SELECT freelancer_id, avg(outcome) AS s FROM bench GROUP BY freelancer_id) AS x'),
('P6', 6, 'avg serial', '',
 'SELECT sum(s) FROM (SELECT freelancer_id, avg(outcome) AS s FROM bench GROUP BY freelancer_id) AS x'),
-- the ceiling of P6: what 2 workers give the cheapest parallel query over
-- the same table, a plain count(*) (no grouping, no state)
('P6', 7, 'count(*) 2 workers',
 'max_parallel_workers_per_gather=2;parallel_setup_cost=0;parallel_tuple_cost=0;min_parallel_table_scan_size=0',
 'SELECT count(*) FROM bench'),
('P6', 8, 'count(*) serial', '', 'SELECT count(*) FROM bench'),
-- P7: text output then input, consumed by a cheap accessor
('P7', 1, 'jss_state text', '',
 'SELECT sum(jss_contracts(s::text::jss_state)) FROM p7_states'),
('P7', 2, 'float8[] text', '',
 'SELECT sum((a::text::float8[])[2]) FROM p7_arrays');

-- P1 scaling, two series of four tables (test/bench/run and prep.sql build them):
--   grow   separate marketplaces of 1/4, 1/2, 1 and 2 x the contracts (the
--          freelancers grow with the rows: ~40 rows each at every size)
--   fixed  1/8, 1/4, 1/2 and all of the largest one's contracts (contract_id
--          % 8): the same ~100,000 freelancers, more rows each
-- GROUP BY freelancer, all sizes of a series alternating in one group, at
-- the server's and the large work_mem.
CREATE TABLE bench_scale (series text, k int, tbl text NOT NULL, PRIMARY KEY (series, k));
INSERT INTO bench_scale VALUES
    ('grow', 1, 'scale_1'), ('grow', 2, 'scale_2'), ('grow', 3, 'bench'), ('grow', 4, 'scale_4'),
    ('fixed', 1, 'fixed_1'), ('fixed', 2, 'fixed_2'), ('fixed', 3, 'fixed_3'), ('fixed', 4, 'scale_4');
CREATE TABLE bench_scale_group (grp text PRIMARY KEY, series text NOT NULL, work_mem text NOT NULL);
INSERT INTO bench_scale_group VALUES
    ('S', 'grow', 'default'), ('Swm', 'grow', :'big_work_mem'),
    ('F', 'fixed', 'default'), ('Fwm', 'fixed', :'big_work_mem');

INSERT INTO bench_side (grp, ord, side, settings, query)
SELECT g.grp, 10 * t.k + a.ord, a.agg || ' ' || t.k,
       CASE WHEN g.work_mem = 'default' THEN '' ELSE 'work_mem=' || g.work_mem END,
       format('SELECT sum(s) FROM (SELECT freelancer_id, %s AS s FROM %I GROUP BY freelancer_id) AS x',
              a.expr, t.tbl)
FROM bench_scale_group AS g
JOIN bench_scale AS t USING (series)
JOIN (VALUES (1, 'jss_score', 'jss_score(outcome, weight)', true), (2, 'avg', 'avg(outcome)', false),
             (3, 'count', 'count(*)', true)) AS a(ord, agg, expr, in_fixed)
  ON g.series = 'grow' OR a.in_fixed;

-- Peak memory: each query in a fresh connection, over bench_q and bench
-- (with jit = off: see bench_memory).
CREATE TABLE bench_mem_case (ord int PRIMARY KEY, label text NOT NULL, template text NOT NULL, wm text NOT NULL);
INSERT INTO bench_mem_case VALUES
(1, 'P1 jss_score GROUP BY', 'SELECT sum(s) FROM (SELECT freelancer_id, jss_score(outcome, weight) AS s FROM %I GROUP BY freelancer_id) AS x', 'default'),
(2, 'P1 jss_score GROUP BY', 'SELECT sum(s) FROM (SELECT freelancer_id, jss_score(outcome, weight) AS s FROM %I GROUP BY freelancer_id) AS x', :'big_work_mem'),
(3, 'avg GROUP BY (reference)', 'SELECT sum(s) FROM (SELECT freelancer_id, avg(outcome) AS s FROM %I GROUP BY freelancer_id) AS x', 'default'),
(4, 'avg GROUP BY (reference)', 'SELECT sum(s) FROM (SELECT freelancer_id, avg(outcome) AS s FROM %I GROUP BY freelancer_id) AS x', :'big_work_mem'),
(5, 'P4 jss_score window', 'SELECT sum(s) FROM (SELECT jss_score(outcome, weight) OVER (' || :'frame' || ') AS s FROM %I) AS x', 'default'),
(6, 'avg window (reference)', 'SELECT sum(s) FROM (SELECT avg(outcome) OVER (' || :'frame' || ') AS s FROM %I) AS x', 'default');

CREATE FUNCTION bench_memory_case(o int, tbl text) RETURNS text
LANGUAGE sql AS $$
    SELECT bench_memory(label, tbl, format(template, tbl), wm) FROM bench_mem_case WHERE ord = o
$$;
