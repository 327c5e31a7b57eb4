-- test/bench/report.sql: the markdown body of test/bench/results.md, from
-- the tables filled by test/bench/run (bench_time, bench_plan, bench_mem,
-- bench_check, bench_fact).  psql -X -q -At -v runs=N -f test/bench/report.sql

CREATE TEMP TABLE figure (ord, id, measured, against, grp, m_side, a_side, kind, target) AS VALUES
(1, 'P1', '`jss_score(outcome, weight)` GROUP BY freelancer', 'built-in `avg(outcome)` GROUP BY freelancer, same table',
    'P1', 'jss_score', 'avg', 'le', 1.0),
(2, 'P2', 'same', '`count(*)` GROUP BY freelancer (scanning and grouping alone)',
    'P1', 'jss_score', 'count', 'le', 1.3),
(3, 'P3', '`jss_outcome(...)`, all 9 signals, over all contracts', 'the same formula as a SQL CASE expression',
    'P3', 'jss_outcome', 'case', 'le', 0.5),
(4, 'P4', '24-month RANGE window `jss_score(outcome, weight)`', 'the same frame with `avg(outcome)`',
    'P4', 'jss_score window', 'avg window', 'ge', 20),
(5, 'P4', 'same', 'P1: `jss_score` GROUP BY freelancer, same table',
    'P4', 'jss_score window', 'jss_score GROUP BY', 'le', 2.0),
(6, 'P5', 'as-of scores from the biweekly `jss_state` view: `freelancer_scores(as_of)` (best of 6/12/24 months)',
    '`jss_score(outcome, weight, ended_at, as_of)` GROUP BY freelancer over the raw contracts (`weighted_outcomes`)',
    'P5', 'view: freelancer_scores', 'raw: jss_score as of', 'ge', 20),
(7, 'P5', 'the 24-month part alone: `jss_score` of the 24-month state of `freelancer_window_states(as_of)`',
    'same', 'P5', 'view: 24-month state only', 'raw: jss_score as of', 'ge', 20),
(8, 'P6', 'P1 `jss_score` with 2 parallel workers', 'P1 serial', 'P6', 'jss_score 2 workers', 'jss_score serial', 'ge', 1.7),
(9, 'P7', '`jss_state` text output + input of the P7 states', '`float8[]` of the same number of fields (15), output + input',
    'P7', 'jss_state text', 'float8[] text', 'le', 1.0),
-- without a target: the effect of work_mem and JIT, and the window's floor
(10, 'P1', 'P1 at the large work_mem', 'same', 'P1wm', 'jss_score', 'avg', 'le', NULL),
(11, 'P2', 'P2 at the large work_mem', 'same', 'P1wm', 'jss_score', 'count', 'le', NULL),
(12, 'P3', 'P3 with `jit = off`', 'same', 'P3', 'jss_outcome jit=off', 'case jit=off', 'le', NULL),
(13, 'P4', '24-month RANGE window `jss_score`', 'the same frame with `count(*)` (sort and frame alone)',
    'P4', 'jss_score window', 'count window', 'le', NULL),
(14, 'P4', 'P4 at the large work_mem (sorts in memory)', 'same', 'P4wm', 'jss_score window', 'avg window', 'ge', NULL),
(15, 'P4', 'P4 (second target) at the large work_mem', 'same', 'P4wm', 'jss_score window', 'jss_score GROUP BY', 'le', NULL),
(16, 'P6', 'P6 at the large work_mem', 'same', 'P6', 'jss_score 2 workers, large work_mem',
    'jss_score serial, large work_mem', 'ge', NULL),
(17, 'P6', '`avg(outcome)` GROUP BY freelancer with 2 workers', 'the same serial (what 2 workers give a built-in aggregate here)',
    'P6', 'avg 2 workers', 'avg serial', 'ge', NULL),
-- the floors that bound the targets (see "Limits" in the README)
(18, 'P2', 'built-in `avg(outcome)` GROUP BY freelancer', '`count(*)` GROUP BY freelancer (what a by-reference state costs a built-in)',
    'P1', 'avg', 'count', 'le', NULL),
(19, 'P3', 'scanning and deforming the 9 columns, no expression', 'the SQL CASE expression (the least any function can cost)',
    'P3', 'scan and deform only', 'case', 'le', NULL),
(20, 'P5', 'reading the 24 months of stored states once, no rollup', 'raw (the most any rollup of these states can gain)',
    'P5', 'view: read the 24 months of states only', 'raw: jss_score as of', 'ge', NULL),
(21, 'P1', 'an aggregate making only a positive row''s writes into its `jss_state`: no argument read, checked or rounded, no arithmetic (test/bench/floor)',
    'built-in `avg(outcome)` (the least any `jss_score` over the specified state can cost)',
    'P1', 'floor: jss_state writes only', 'avg', 'le', NULL),
(22, 'P1', 'the same writes into a 104-byte state of the undated sums alone',
    'built-in `avg(outcome)` (the least even a smaller state for the undated aggregates could cost)',
    'P1', 'floor: compact state writes only', 'avg', 'le', NULL),
(23, 'P1', '`jss_score(outcome, weight)`', 'the `jss_state` writes only (what its checks, rounding and arithmetic add)',
    'P1', 'jss_score', 'floor: jss_state writes only', 'le', NULL),
(24, 'P1', 'the `jss_state` writes only, at the large work_mem', 'built-in `avg(outcome)`',
    'P1wm', 'floor: jss_state writes only', 'avg', 'le', NULL),
(25, 'P1', 'the compact state writes only, at the large work_mem', 'built-in `avg(outcome)`',
    'P1wm', 'floor: compact state writes only', 'avg', 'le', NULL),
(26, 'P5', 'P5 at the large work_mem', 'same', 'P5wm', 'view: freelancer_scores', 'raw: jss_score as of', 'ge', NULL),
(27, 'P2', 'the `jss_state` writes only (P1''s floor)', '`count(*)` GROUP BY freelancer',
    'P1', 'floor: jss_state writes only', 'count', 'le', NULL),
(28, 'P2', 'the compact state writes only (P1''s floor)', '`count(*)` GROUP BY freelancer (the least any aggregate with a by-reference state can cost)',
    'P1', 'floor: compact state writes only', 'count', 'le', NULL),
(30, 'PD', '`jss_agg` over a 50,000-row ROWS frame ordered by `ended_at DESC`', 'the same frame ascending (both O(1) per row)',
    'PD', 'jss_agg ROWS frame descending', 'jss_agg ROWS frame ascending', 'le', NULL),
(31, 'P8', 'the biweekly recipe''s `freelancer_scores(as_of)` as shipped (PL/pgSQL: planned on its own, as Citus needs)',
    'the recipe''s functions before, SQL functions that PostgreSQL inlines (test/bench/sql_functions.sql)',
    'P8', 'PL/pgSQL: freelancer_scores', 'SQL: freelancer_scores', 'le', NULL),
(32, 'P8', 'the same for 200 freelancers (`freelancer_ids`)', 'the same, with `WHERE freelancer_id = ANY (...)` around the call',
    'P8', 'PL/pgSQL: freelancer_scores of 200', 'SQL: freelancer_scores of 200', 'le', NULL),
(33, 'P9', 'the score history: `jss_score_history` at the 26 biweekly dates of a year (the recipe''s `jss_history`)',
    'one as-of pass, `jss_score(outcome, weight, ended_at, as_of)` GROUP BY freelancer over `weighted_outcomes`',
    'P9', 'history: jss_score_history, 26 dates', 'raw: jss_score as of', 'le', 3),
(34, 'P10', 'the report as of the refresh date read from the recipe''s `jss_report`',
    'the one-step as-of aggregate over the raw contracts (`weighted_outcomes`)',
    'P10', 'view: jss_report', 'raw: jss_score as of', 'ge', 20),
(29, 'P6', '`SELECT count(*) FROM bench` with 2 workers', 'the same serial (what 2 workers give the cheapest query over this table here)',
    'P6', 'count(*) 2 workers', 'count(*) serial', 'ge', NULL);

CREATE TEMP VIEW figure_value AS
SELECT f.*, bench_median(grp, m_side) AS m_ms, bench_median(grp, a_side) AS a_ms,
       CASE kind WHEN 'le' THEN bench_median(grp, m_side) / bench_median(grp, a_side)
                 ELSE bench_median(grp, a_side) / bench_median(grp, m_side) END AS ratio
FROM figure f;

\echo '## Results'
\echo
SELECT format('Each ratio is the ratio of the medians of %s alternating runs of the two queries (after one warm-up of each), '
              'measured side by side in the same session; times are milliseconds. For the "≤" targets the ratio is '
              'measured time / against time; for the "faster" targets it is against time / measured time (the speed-up).',
              :runs);
\echo
\echo '| # | measured | against | measured ms | against ms | ratio | target | met? |'
\echo '|---|---|---|---:|---:|---:|---|---|'
SELECT format('| %s | %s | %s | %s | %s | %s | %s | %s |', id, measured, against,
              round(m_ms::numeric, 1), round(a_ms::numeric, 1),
              round(ratio::numeric, 2) || '×' || CASE kind WHEN 'ge' THEN ' faster' ELSE '' END,
              CASE WHEN target IS NULL THEN '—'
                   WHEN kind = 'le' THEN '≤ ' || target || '×'
                   ELSE '≥ ' || target || '× faster' END,
              CASE WHEN target IS NULL THEN '(info)'
                   WHEN ratio IS NULL THEN 'not measured'
                   WHEN (kind = 'le' AND ratio <= target) OR (kind = 'ge' AND ratio >= target) THEN 'yes'
                   ELSE '**no**' END)
FROM figure_value ORDER BY ord;

\echo
\echo '### Every side: median, spread and plan'
\echo
\echo 'min / median / max of the timed runs; the plan facts are from the warm-up run (EXPLAIN ANALYZE, TIMING OFF).'
\echo
\echo '| group | side | settings | min ms | median ms | max ms | plan |'
\echo '|---|---|---|---:|---:|---:|---|'
SELECT format('| %s | %s | %s | %s | %s | %s | %s |', s.grp, s.side,
              coalesce(nullif(replace(s.settings, ';', ', '), ''), 'serial'),
              round(t.min_ms::numeric, 1), round(bench_median(s.grp, s.side)::numeric, 1),
              round(t.max_ms::numeric, 1),
              coalesce((SELECT bench_plan_notes(p.plan) FROM bench_plan p
                        WHERE p.grp = s.grp AND p.side = s.side), ''))
FROM bench_side s
JOIN (SELECT grp, side, min(ms) AS min_ms, max(ms) AS max_ms FROM bench_time GROUP BY grp, side) AS t
  USING (grp, side)
WHERE s.grp NOT IN (SELECT grp FROM bench_scale_group)
ORDER BY s.grp, s.ord;

\echo
\echo '## Peak memory of P1 and P4'
\echo
\echo 'Each query runs alone in a fresh connection, serial, with `jit = off` (JIT compilation loads LLVM into the backend,'
\echo 'tens of MB, and happens only for the queries whose estimated cost passes jit_above_cost: the larger table).'
\echo 'The backend first counts the rows of the table (which maps'
\echo 'the table''s pages of shared_buffers into the process), then reads its VmHWM (peak resident set) from'
\echo '/proc/self/status, runs the query and reads VmHWM again: the growth is the query''s own peak memory.'
\echo '`bench_q` is every 4th contract of `bench`: the same freelancers with a quarter of the rows each.'
\echo
\echo '| query | work_mem | table | rows | freelancers | rows per freelancer | VmHWM before kB | VmHWM after kB | growth kB | growth per freelancer (bytes) |'
\echo '|---|---|---|---:|---:|---:|---:|---:|---:|---:|'
SELECT format('| %s | %s | `%s` | %s | %s | %s | %s | %s | %s | %s |', m.label, m.work_mem, m.tbl,
              f1.value, f2.value, round(f1.value::numeric / f2.value::numeric, 1),
              m.hwm_before, m.hwm_after, m.hwm_after - m.hwm_before,
              round(1024.0 * (m.hwm_after - m.hwm_before) / f2.value::numeric))
FROM bench_mem m
JOIN bench_mem_case c ON c.label = m.label AND c.wm = m.work_mem
LEFT JOIN bench_fact f1 ON f1.name = m.tbl || ' rows'
LEFT JOIN bench_fact f2 ON f2.name = m.tbl || ' freelancers'
ORDER BY c.ord, m.tbl = 'bench';
\echo
\echo 'With 4× the rows per freelancer (`bench_q` → `bench`):'
\echo
\echo '| query | work_mem | growth with bench_q kB | growth with bench kB | bench / bench_q | grows with rows per freelancer? |'
\echo '|---|---|---:|---:|---:|---|'
SELECT format('| %s | %s | %s | %s | %s | %s |', c.label, c.wm, q.g, b.g,
              round(b.g::numeric / nullif(q.g, 0), 2),
              CASE WHEN q.g IS NULL OR b.g IS NULL THEN 'not measured'
                   WHEN b.g <= 1.25 * q.g + 1024 THEN 'no'
                   ELSE '**yes**' END)
FROM bench_mem_case c
LEFT JOIN LATERAL (SELECT hwm_after - hwm_before AS g FROM bench_mem m
                   WHERE m.label = c.label AND m.work_mem = c.wm AND m.tbl = 'bench_q') q ON true
LEFT JOIN LATERAL (SELECT hwm_after - hwm_before AS g FROM bench_mem m
                   WHERE m.label = c.label AND m.work_mem = c.wm AND m.tbl = 'bench') b ON true
ORDER BY c.ord;
\echo
\echo '("no": the growth with bench is at most 1.25 × the growth with bench_q + 1 MB.)'

\echo
\echo '## P1 scaling'
\echo
\echo 'Two series of four tables, each built like `bench`; the sizes of a series alternate in one measurement group.'
\echo '"grow": four marketplaces generated by test/marketplace.sql (seed 0.42; freelancers = contracts / 40, so the'
\echo 'hash table grows with the rows). "fixed": 1/8, 1/4, 1/2 and all of the largest marketplace (contract_id % 8),'
\echo 'the same freelancers with more rows each. ns/row is the median time over the rows; "per-row vs smallest" is'
\echo 'that divided by the smallest size''s ns/row (1.00 everywhere is linear).'
\echo
\echo '| series | work_mem | aggregate | rows | freelancers | rows per freelancer | median ms | ns / row | per-row vs smallest | plan |'
\echo '|---|---|---|---:|---:|---:|---:|---:|---:|---|'
WITH v AS (
    SELECT s.grp, g.series, g.work_mem, split_part(s.side, ' ', 1) AS agg, sc.k, sc.tbl,
           f1.value::bigint AS n_rows, f2.value::bigint AS n_fl,
           bench_median(s.grp, s.side) AS ms, p.plan
    FROM bench_side s
    JOIN bench_scale_group g USING (grp)
    JOIN bench_scale sc ON sc.series = g.series AND sc.k = split_part(s.side, ' ', 2)::int
    LEFT JOIN bench_plan p USING (grp, side)
    LEFT JOIN bench_fact f1 ON f1.name = sc.tbl || ' rows'
    LEFT JOIN bench_fact f2 ON f2.name = sc.tbl || ' freelancers'
)
SELECT format('| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |',
              series, work_mem, agg, n_rows, n_fl, round(n_rows::numeric / n_fl, 1),
              round(ms::numeric, 1), round((ms * 1e6 / n_rows)::numeric, 1),
              round(((ms / n_rows) / first_value(ms / n_rows) OVER (PARTITION BY grp, agg ORDER BY k))::numeric, 2),
              coalesce(bench_plan_notes(plan), ''))
FROM v ORDER BY series DESC, work_mem = 'default' DESC, agg DESC, k;

\echo
\echo '## Checks'
\echo
\echo '| check | result | detail |'
\echo '|---|---|---|'
SELECT format('| %s | %s | %s |', name, CASE WHEN ok THEN 'ok' ELSE '**FAILED**' END, detail)
FROM bench_check ORDER BY name;

\echo
\echo '## Data'
\echo
\echo '| fact | value |'
\echo '|---|---|'
SELECT format('| %s | %s |', name, value) FROM bench_fact ORDER BY ord;
