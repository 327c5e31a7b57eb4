-- test/limits/bounds.sql: the accumulators at their bounds (README "Numerics and
-- bounds": at most 2^40 contracts per state, weights up to 10^6).  A state at a bound
-- is exact; one row, one state or one weight unit more is ERROR 22003, never a wrapped
-- or wrong result, whichever path reaches it: a rollup (serial, parallel, window), an
-- aggregate over rows started from a stored state, the as-of state.  sql/08_state.sql
-- and sql/09_state_io.sql already cover 2^39 + 2^39 + one row and two largest states;
-- this adds the rest.  Each check prints "name ... ok" or "name ... FAILED".
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET TimeZone = 'UTC';

-- 'ok', or the SQLSTATE of running the statement
CREATE FUNCTION pg_temp.try(query text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE query;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END $$;
CREATE FUNCTION pg_temp.report(name text, passed boolean, detail text DEFAULT '') RETURNS text
LANGUAGE sql AS $$
  SELECT name || CASE WHEN passed THEN ' ... ok' ELSE E' ... FAILED\n    ' || coalesce(detail, '(null)') END $$;

-- n rows of weight 10^6 and outcome 1, all on the last day of the timestamptz range
-- (every sum as large as n rows can make it), as text
CREATE FUNCTION pg_temp.full_state(n numeric) RETURNS text
LANGUAGE sql AS $$
  SELECT format('v1 n=%s neutral=0 dated=%s w=%s w_pos=%s w_neg=0 wo_pos=%s wo_neg=0 wx=%s wxx=%s wxo=%s woo=%s first=%s last=%s',
                n, n, w, w, w * p32, w * x, w * x * x, w * x * p32, w * p32 * p32,
                '294276-12-31T23:59:59.999999Z', '294276-12-31T23:59:59.999999Z')
  FROM (SELECT n * 1000000 * 4294967296 AS w, 4294967296::numeric AS p32,
               ('294276-12-31'::date - '2000-01-01'::date)::numeric AS x) k $$;
-- n undated rows of weight 10^6 and outcome -1, as text
CREATE FUNCTION pg_temp.neg_state(n numeric) RETURNS text
LANGUAGE sql AS $$
  SELECT format('v1 n=%s neutral=0 dated=0 w=%s w_pos=0 w_neg=%s wo_pos=0 wo_neg=%s wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
                n, w, w, w * 4294967296)
  FROM (SELECT n * 1000000 * 4294967296 AS w) k $$;

\set half '549755813888'
\set max '1099511627776'

\pset tuples_only on
\pset format unaligned

-- 1. Two halves make the largest state, every sum exact at its bound
SELECT pg_temp.report('rollup to exactly 2^40 rows, every sum at its bound',
                      jss_rollup(s)::text = pg_temp.full_state(:max), jss_rollup(s)::text)
FROM (VALUES (pg_temp.full_state(:half)::jss_state), (pg_temp.full_state(:half)::jss_state)) v(s);

-- 2. One row more, by a rollup of states just under the bound
SELECT pg_temp.report('rollup of 2^39 and 2^39 + 1 rows: 22003', r = '22003', r)
FROM pg_temp.try(format($q$SELECT jss_rollup(s) FROM (VALUES (%L::jss_state), (%L::jss_state)) v(s)$q$,
                        pg_temp.full_state(:half), pg_temp.full_state(:half + 1))) r;
SELECT pg_temp.report('rollup of 2^39 + 1 and 2^39 rows of the other sign: 22003', r = '22003', r)
FROM pg_temp.try(format($q$SELECT jss_rollup(s) FROM (VALUES (%L::jss_state), (%L::jss_state)) v(s)$q$,
                        pg_temp.neg_state(:half + 1), pg_temp.full_state(:half))) r;

-- 3. The same in a window (running rollup): exact up to the bound, 22003 past it
SELECT pg_temp.report('window rollup reaching 2^40: exact, then 22003',
                      ok_part = 'ok' AND past = '22003', ok_part || ' / ' || past)
FROM pg_temp.try(format($q$SELECT jss_rollup(s) OVER (ORDER BY i) FROM (VALUES (1, %L::jss_state), (2, %L::jss_state)) v(i, s)$q$,
                        pg_temp.full_state(:half), pg_temp.full_state(:half))) ok_part,
     pg_temp.try(format($q$SELECT jss_rollup(s) OVER (ORDER BY i) FROM (VALUES (1, %L::jss_state), (2, %L::jss_state), (3, %L::jss_state)) v(i, s)$q$,
                        pg_temp.full_state(:half), pg_temp.full_state(:half), pg_temp.full_state(1))) past;

-- 4. In a parallel plan: each worker's partial state is within the bound, their
--    combination (jss_state_combine in the Finalize Aggregate) is not
CREATE FUNCTION pg_temp.plan(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
  line text;
BEGIN
  FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
    RETURN NEXT line;
  END LOOP;
END $$;
DROP TABLE IF EXISTS limits_states;
CREATE TABLE limits_states (i int, s jss_state) WITH (parallel_workers = 2);
INSERT INTO limits_states		-- 8 states of 2^37 rows (2^40 in all) among 40000 empty ones
SELECT i, CASE WHEN i % 5000 = 0 THEN pg_temp.full_state(137438953472)
               ELSE 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none' END::jss_state
FROM generate_series(1, 40000) i;
ANALYZE limits_states;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT pg_temp.report('parallel rollup: Partial and Finalize Aggregate in the plan',
                      count(*) FILTER (WHERE p LIKE '%Partial Aggregate%') = 1
                      AND count(*) FILTER (WHERE p LIKE '%Finalize Aggregate%') = 1, string_agg(p, ' / '))
FROM pg_temp.plan('SELECT jss_rollup(s) FROM limits_states') p;
SELECT pg_temp.report('parallel rollup to exactly 2^40 rows: exact',
                      jss_rollup(s)::text = pg_temp.full_state(:max), jss_rollup(s)::text)
FROM limits_states;
UPDATE limits_states SET s = pg_temp.full_state(137438953473)::jss_state WHERE i = 40000;
SELECT pg_temp.report('parallel rollup of 2^40 + 1 rows: 22003', r = '22003', r)
FROM pg_temp.try('SELECT jss_rollup(s) FROM limits_states') r;
SELECT pg_temp.report('parallel rollup per group, one group past 2^40: 22003', r = '22003', r)
FROM pg_temp.try('SELECT i % 2, jss_contracts(jss_rollup(s)) FROM limits_states GROUP BY 1') r;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE limits_states;

-- 5. Aggregates over rows, started from a stored state near the bound (an aggregate
--    with jss's transition function and the state as its initial value): the rows that
--    reach 2^40 are added exactly, the next one is 22003
DO $$
BEGIN
  EXECUTE format('CREATE AGGREGATE pg_temp.agg_from(float8, timestamptz, float8) (SFUNC = jss_agg_accum, STYPE = jss_state, INITCOND = %L)',
                 pg_temp.full_state(1099511627774));
  EXECUTE format('CREATE AGGREGATE pg_temp.outcomes_from(float8, float8) (SFUNC = jss_outcome_accum, STYPE = jss_state, INITCOND = %L)',
                 pg_temp.neg_state(1099511627774));
END $$;
SELECT pg_temp.report('jss_agg_accum: 2 rows onto 2^40 - 2 is exact',
                      s::text = pg_temp.full_state(:max), s::text)
FROM (SELECT pg_temp.agg_from(1, '294276-12-31 23:59:59.999999+00', 1e6) AS s FROM generate_series(1, 2)) x;
SELECT pg_temp.report('jss_agg_accum: 3 rows onto 2^40 - 2: 22003', r = '22003', r)
FROM pg_temp.try($q$SELECT pg_temp.agg_from(1, '294276-12-31 23:59:59.999999+00', 1e6) FROM generate_series(1, 3)$q$) r;
SELECT pg_temp.report('jss_outcome_accum: 2 rows onto 2^40 - 2 is exact',
                      s::text = pg_temp.neg_state(:max), s::text)
FROM (SELECT pg_temp.outcomes_from(-1, 1e6) AS s FROM generate_series(1, 2)) x;
SELECT pg_temp.report('jss_outcome_accum: 3 rows onto 2^40 - 2: 22003', r = '22003', r)
FROM pg_temp.try('SELECT pg_temp.outcomes_from(-1, 1e6) FROM generate_series(1, 3)') r;
SELECT pg_temp.report('skipped rows (NULL outcome) do not count toward the bound',
                      r = 'ok', r)
FROM pg_temp.try('SELECT pg_temp.outcomes_from(CASE WHEN i <= 2 THEN -1 END, 1e6) FROM generate_series(1, 1000) i') r;

-- 6. Weights: 10^6 is the largest, the next float8 above it is 22003 (not rounded down)
SELECT pg_temp.report('weight 10^6 accepted, 1000000.0000000001 (next float8): 22003',
                      a = 'ok' AND b = '22003' AND c = '22003', a || ' ' || b || ' ' || c)
FROM pg_temp.try('SELECT jss_score(1, 1e6::float8) FROM generate_series(1, 3)') a,
     pg_temp.try('SELECT jss_score(1, 1000000.0000000001::float8) FROM generate_series(1, 3)') b,
     pg_temp.try($q$SELECT jss_agg(1, '2026-01-01 00:00+00', 1000000.0000000001::float8)$q$) c;
SELECT pg_temp.report('the next float8 above 10^6 is what was tested',
                      1000000.0000000001::float8 > 1e6::float8, 1000000.0000000001::float8::text);
-- in a window (moving-aggregate mode) too
SELECT pg_temp.report('weight past 10^6 in a sliding window: 22003', r = '22003', r)
FROM pg_temp.try($q$SELECT jss_score(1, w) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
                    FROM (VALUES (1, 1e6::float8), (2, 1e6), (3, 1000000.0000000001)) v(i, w)$q$) r;

-- 7. The as-of state: exact at 2^40, 22003 one past it, by combine and by accumulation
CREATE FUNCTION pg_temp.asof_full(n numeric) RETURNS text
LANGUAGE sql AS $$
  SELECT format('v1 n6=%1$s w6=%2$s wo6=%3$s n12=%1$s w12=%2$s wo12=%3$s n24=%1$s w24=%2$s wo24=%3$s as_of=2026-06-01T00:00:00Z',
                n, n * 1000000 * 4294967296, n * 1000000 * 4294967296 * 4294967296) $$;
SELECT pg_temp.report('as-of combine to exactly 2^40: exact',
                      jss_asof_combine(pg_temp.asof_full(:half)::jss_asof_state, pg_temp.asof_full(:half)::jss_asof_state)::text
                        = pg_temp.asof_full(:max));
SELECT pg_temp.report('as-of combine of 2^39 and 2^39 + 1: 22003', r = '22003', r)
FROM pg_temp.try(format('SELECT jss_asof_combine(%L::jss_asof_state, %L::jss_asof_state)',
                        pg_temp.asof_full(:half), pg_temp.asof_full(:half + 1))) r;
DO $$
BEGIN
  EXECUTE format('CREATE AGGREGATE pg_temp.asof_from(float8, float8, timestamptz, timestamptz) (SFUNC = jss_asof_accum, STYPE = jss_asof_state, INITCOND = %L)',
                 pg_temp.asof_full(1099511627775));
END $$;
SELECT pg_temp.report('as-of: 1 row onto 2^40 - 1 is exact',
                      s::text = pg_temp.asof_full(:max), s::text)
FROM (SELECT pg_temp.asof_from(1, 1e6, '2026-05-31 00:00+00', '2026-06-01 00:00+00') AS s) x;
SELECT pg_temp.report('as-of: 2 rows onto 2^40 - 1: 22003', r = '22003', r)
FROM pg_temp.try($q$SELECT pg_temp.asof_from(1, 1e6, '2026-05-31 00:00+00', '2026-06-01 00:00+00') FROM generate_series(1, 2)$q$) r;
SELECT pg_temp.report('as-of: rows outside every window do not count toward the bound',
                      r = 'ok', r)
FROM pg_temp.try($q$SELECT pg_temp.asof_from(1, 1e6, '2020-01-01 00:00+00', '2026-06-01 00:00+00') FROM generate_series(1, 5)$q$) r;
