-- test/bench/bench.sql: the timing machinery of test/bench/run (plain SQL and
-- PL/pgSQL, created in the throwaway benchmark database).
--
--   bench_side    the queries: one row per side of a measurement group
--                 (grp), each with the settings it runs under
--   bench_measure(grp, runs)
--                 runs every side of the group once under EXPLAIN (ANALYZE,
--                 TIMING OFF, FORMAT JSON) as the warm-up (the plan is kept in
--                 bench_plan), then `runs` rounds of all the sides in turn
--                 (A B C A B C ...), each timed with clock_timestamp() around
--                 a plain EXECUTE (no instrumentation); times in bench_time
--   bench_memory(label, tbl, query, work_mem)
--                 the backend's peak resident memory (VmHWM of
--                 /proc/self/status) before and after the query, JIT off;
--                 call it as the first statement of a fresh connection
--   bench_fact, bench_check
--                 facts about the data, and the harness's own checks
--   bench_plan_notes(plan)
--                 the facts of a plan the report quotes: HashAggregate
--                 batches, memory and disk, sorts, workers launched, JIT

CREATE TABLE bench_side (
    grp      text NOT NULL,
    ord      int NOT NULL,
    side     text NOT NULL,
    settings text NOT NULL DEFAULT '',    -- 'name=value;name=value' over the serial baseline
    query    text NOT NULL,
    PRIMARY KEY (grp, side)
);

CREATE TABLE bench_time (
    grp    text NOT NULL,
    side   text NOT NULL,
    run    int NOT NULL,
    ms     float8 NOT NULL,
    result text
);

CREATE TABLE bench_plan (
    grp  text NOT NULL,
    side text NOT NULL,
    plan json NOT NULL,
    ms   float8 NOT NULL                   -- the warm-up's wall time (with EXPLAIN's counters)
);

CREATE TABLE bench_mem (
    label      text NOT NULL,
    tbl        text NOT NULL,
    work_mem   text NOT NULL,
    hwm_before bigint NOT NULL,           -- kB, after a count(*) over the same table
    hwm_after  bigint NOT NULL,           -- kB, after the query
    rss_shmem  bigint NOT NULL,           -- kB of shared memory mapped, after the query
    ms         float8 NOT NULL
);

CREATE TABLE bench_fact (
    ord   serial,
    name  text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE bench_check (
    name   text PRIMARY KEY,
    ok     boolean NOT NULL,
    detail text NOT NULL
);

-- Every side starts from the same baseline: serial, the server's work_mem,
-- jit and parallel costs; then its own settings.
CREATE FUNCTION bench_apply(settings text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    kv text;
BEGIN
    PERFORM set_config('max_parallel_workers_per_gather', '0', false);
    RESET work_mem;
    RESET jit;
    RESET parallel_setup_cost;
    RESET parallel_tuple_cost;
    RESET min_parallel_table_scan_size;
    RESET enable_sort;
    FOREACH kv IN ARRAY coalesce(string_to_array(nullif(settings, ''), ';'), '{}') LOOP
        PERFORM set_config(trim(split_part(kv, '=', 1)), trim(split_part(kv, '=', 2)), false);
    END LOOP;
END $$;

CREATE FUNCTION bench_measure(g text, runs int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    sides text[];
    queries text[];
    settings text[];
    i int;
    r int;
    t0 timestamptz;
    ms float8;
    res text;
    p json;
    line text;
BEGIN
    SELECT array_agg(side ORDER BY ord), array_agg(query ORDER BY ord),
           array_agg(bs.settings ORDER BY ord)
      INTO sides, queries, settings
      FROM bench_side bs WHERE grp = g;
    IF sides IS NULL THEN
        RAISE EXCEPTION 'no measurement group %', g;
    END IF;
    DELETE FROM bench_time WHERE grp = g;
    DELETE FROM bench_plan WHERE grp = g;

    -- warm-up, one of each side, keeping the plan
    line := '';
    FOR i IN 1 .. cardinality(sides) LOOP
        PERFORM bench_apply(settings[i]);
        t0 := clock_timestamp();
        EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON, FORMAT JSON) ' || queries[i] INTO p;
        ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
        INSERT INTO bench_plan VALUES (g, sides[i], p, ms);
        line := line || format('  %s %s ms', sides[i], round(ms::numeric));
    END LOOP;
    RAISE NOTICE '%', format('%s warm-up:%s', g, line);

    -- the timed rounds, sides alternating
    FOR r IN 1 .. runs LOOP
        line := '';
        FOR i IN 1 .. cardinality(sides) LOOP
            PERFORM bench_apply(settings[i]);
            t0 := clock_timestamp();
            EXECUTE queries[i] INTO res;
            ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
            INSERT INTO bench_time VALUES (g, sides[i], r, ms, res);
            line := line || format('  %s %s ms', sides[i], round(ms::numeric));
        END LOOP;
        RAISE NOTICE '%', format('%s run %s/%s:%s', g, r, runs, line);
    END LOOP;
    PERFORM bench_apply('');
END $$;

CREATE FUNCTION bench_median(g text, s text) RETURNS float8
LANGUAGE sql STABLE AS $$
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FROM bench_time WHERE grp = g AND side = s
$$;

CREATE FUNCTION bench_proc_kb(field text) RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    SELECT substring(pg_read_file('/proc/self/status') FROM field || ':\s+(\d+) kB')::bigint
$$;

CREATE FUNCTION bench_memory(label text, tbl text, q text, wm text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    before bigint;
    after bigint;
    t0 timestamptz;
    ms float8;
    res text;
BEGIN
    -- JIT off: compiling loads LLVM into the backend (tens of MB, once),
    -- and only the queries whose cost passes jit_above_cost compile
    PERFORM bench_apply('jit=off' || CASE WHEN wm = 'default' THEN '' ELSE ';work_mem=' || wm END);
    -- map the table's pages of shared_buffers into this backend first, so
    -- that the difference is the query's own (private) memory
    EXECUTE format('SELECT count(*) FROM %I', tbl) INTO res;
    before := bench_proc_kb('VmHWM');
    t0 := clock_timestamp();
    EXECUTE q INTO res;
    ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    after := bench_proc_kb('VmHWM');
    INSERT INTO bench_mem VALUES (label, tbl, wm, before, after, bench_proc_kb('RssShmem'), ms);
    RETURN format('VmHWM %s kB -> %s kB (+%s kB); the query took %s ms', before, after, after - before,
                  round(ms::numeric));
END $$;

-- The plan facts the report quotes, one line.
CREATE FUNCTION bench_plan_notes(p json) RETURNS text
LANGUAGE sql STABLE AS $$
    WITH nodes AS (
        SELECT n, ord
        FROM jsonb_path_query(p::jsonb, 'lax $[0].Plan.**') WITH ORDINALITY AS x(n, ord)
        WHERE jsonb_typeof(n) = 'object' AND n ? 'Node Type'
    ), facts AS (
        SELECT ord,
               CASE
               WHEN n ? 'HashAgg Batches' THEN
                   format('%s%s: batches %s, memory %s kB, disk %s kB',
                          coalesce(nullif(n ->> 'Partial Mode', 'Simple') || ' ', ''), 'HashAgg',
                          n ->> 'HashAgg Batches', n ->> 'Peak Memory Usage',
                          coalesce(n ->> 'Disk Usage', '0'))
               WHEN n ->> 'Node Type' = 'Sort' THEN
                   format('Sort %s (%s kB %s)', n ->> 'Sort Method', n ->> 'Sort Space Used',
                          lower(n ->> 'Sort Space Type'))
               WHEN n ->> 'Node Type' = 'Aggregate' AND n ->> 'Strategy' = 'Sorted' THEN
                   'GroupAggregate'
               WHEN n ? 'Workers Launched' THEN
                   format('%s: workers launched %s of %s', n ->> 'Node Type',
                          n ->> 'Workers Launched', n ->> 'Workers Planned')
               WHEN n ->> 'Node Type' = 'WindowAgg' THEN 'WindowAgg'
               END AS fact
        FROM nodes
    )
    SELECT concat_ws('; ', string_agg(fact, '; ' ORDER BY ord),
                     'JIT ' || (p -> 0 -> 'JIT' ->> 'Functions') || ' functions')
    FROM facts WHERE fact IS NOT NULL
$$;
