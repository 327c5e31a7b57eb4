--
-- Window aggregates: jss_score, jss_satisfaction_ratio,
-- jss_trend_slope and jss_agg in moving-aggregate mode (MSFUNC/MINVFUNC).
--
-- Every windowed result must have the same bits as the plain aggregate
-- computed afresh over exactly the rows of that row's frame, whatever the
-- frame (ROWS, RANGE, GROUPS, EXCLUDE ...), the ordering (by ended_at or by
-- anything else), NULLs, ties and empty frames; the inverse must be exact
-- (no drift after millions of add/remove steps); errors are raised as in
-- the plain aggregate.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never
-- (TimeZone stays pg_regress's PST8PDT: the RANGE frames over timestamptz
-- then cross daylight-saving changes, in the window and in its check alike)
SET DateStyle = 'ISO, YMD';

-- SQLSTATE of a query, NULL when it succeeds
CREATE FUNCTION pg_temp.sqlstate_of(query text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE query;
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END
$$;

--
-- The contracts.  Partitions (p) of 1, 2 and 5,000 rows, thirty of 1 to
-- 300 rows, one whose outcomes are all NULL, one whose ended_at are all
-- NULL, one whose ids follow ended_at with jitter, and one whose rows all
-- share one ended_at.  In the partitions that make_partition builds,
-- ended_at is pseudo-random with respect to the contract id (so a frame
-- ordered by id sees ended_at out of order), whole days plus 0, 6 or 12
-- hours, and rows come in pairs that share an ended_at.  Outcomes in
-- [-1, 1] (with exact -1, 0, 1 and a tiny 1e-12 that rounds to neutral),
-- weights in [0, 1e6] (with 0 and 1e6); NULL outcomes, NULL weights and
-- NULL ended_at sprinkled in.
--
CREATE TEMP TABLE contracts (
    p int NOT NULL,
    id int NOT NULL PRIMARY KEY,
    o float8,
    w float8,
    t timestamptz
);

-- rows i = 1 .. n of partition p, ended_at within span_days after t0
CREATE FUNCTION pg_temp.make_partition(p int, n int, t0 timestamptz, span_days int)
RETURNS bigint LANGUAGE sql AS $$
    WITH ins AS (
    INSERT INTO contracts
    SELECT p, p * 10000 + i,
           CASE WHEN i % 37 = 0 THEN NULL
                WHEN i % 17 = 0 THEN -1
                WHEN i % 19 = 0 THEN 1
                WHEN i % 13 = 0 THEN 0
                WHEN i % 29 = 0 THEN 1e-12
                ELSE (hashint4(p * 10000 + i) % 1001) / 1000.0 END,
           CASE WHEN i % 23 = 0 THEN NULL
                WHEN i % 41 = 0 THEN 0
                WHEN i % 97 = 0 THEN 1e6
                ELSE (hashint4(p * 10000 + i + 7) & 1048575) / 1024.0 END,
           CASE WHEN i % 101 = 0 THEN NULL
                ELSE t0 + ((hashint4(p * 10000 + i / 2) & 1048575) % span_days) * interval '1 day'
                        + ((i / 2) % 3) * interval '6 hours' END
    FROM generate_series(1, n) i
    RETURNING 1)
    SELECT count(*) FROM ins
$$;

SELECT pg_temp.make_partition(3, 5000, '1960-01-01 00:00+00', 29200);
SELECT sum(pg_temp.make_partition(p, 1 + (p * 37) % 300, '2020-01-01 00:00+00', 2200)) AS rows
FROM generate_series(10, 39) p;
INSERT INTO contracts VALUES (1, 1, 0.5, 2, '2024-03-01 10:00+00');
INSERT INTO contracts VALUES (2, 2, -1, 1, '2024-03-01 10:00+00'),
                             (2, 3, 0.25, NULL, '2024-03-01 10:00+00');
-- all outcomes NULL
INSERT INTO contracts
SELECT 4, 40000 + i, NULL, 1, '2024-01-01 00:00+00'::timestamptz + i * interval '1 day'
FROM generate_series(1, 30) i;
-- all ended_at NULL
INSERT INTO contracts
SELECT 5, 50000 + i, (hashint4(i) % 1001) / 1000.0, 2, NULL
FROM generate_series(1, 30) i;
-- contract ids roughly in time order (one every 60 hours), with jitter of
-- up to 255 hours: a frame ordered by id mostly adds at the end and
-- removes from the front of its ended_at order, but not always
INSERT INTO contracts
SELECT 7, 70000 + i, ((hashint4(i + 11) % 1001) / 1000.0)::float8,
       ((hashint4(i + 13) & 4095) / 64.0)::float8,
       '2005-01-01 00:00+00'::timestamptz + (60 * i + (hashint4(i) & 255)) * interval '1 hour'
FROM generate_series(1, 2000) i;
-- all rows share one ended_at
INSERT INTO contracts
SELECT 6, 60000 + i, (hashint4(i + 5) % 1001) / 1000.0, i, '2025-06-30 23:59:59.999999+00'
FROM generate_series(1, 25) i;

-- positions used to describe frames: row number by (t, id) and by id, and
-- the peer group by t (rows with a NULL t are peers of each other)
ALTER TABLE contracts ADD rn_t int, ADD rn_id int, ADD g_t int;
UPDATE contracts c SET rn_t = x.rn_t, rn_id = x.rn_id, g_t = x.g_t
FROM (SELECT id,
             row_number() OVER (PARTITION BY p ORDER BY t, id) AS rn_t,
             row_number() OVER (PARTITION BY p ORDER BY id) AS rn_id,
             dense_rank() OVER (PARTITION BY p ORDER BY t) AS g_t
      FROM contracts) x
WHERE c.id = x.id;
CREATE INDEX ON contracts (p, rn_t);
CREATE INDEX ON contracts (p, rn_id);
CREATE INDEX ON contracts (p, t);
CREATE INDEX ON contracts (p, g_t);
CREATE INDEX ON contracts (p, id);
ANALYZE contracts;

-- what the data holds
SELECT count(*) AS rows, count(DISTINCT p) AS partitions,
       count(*) FILTER (WHERE o IS NULL) AS null_o,
       count(*) FILTER (WHERE w IS NULL) AS null_w,
       count(*) FILTER (WHERE t IS NULL) AS null_t,
       count(*) FILTER (WHERE w = 0) AS zero_w,
       count(*) FILTER (WHERE w = 1e6) AS max_w,
       bool_and(o BETWEEN -1 AND 1) AS o_in_range,
       bool_and(w BETWEEN 0 AND 1e6) AS w_in_range
FROM contracts;
SELECT n AS partition_rows, count(*) AS partitions
FROM (SELECT p, count(*) AS n FROM contracts GROUP BY p) x
WHERE n IN (1, 2, 5000) GROUP BY n ORDER BY n;
-- rows that share their ended_at with another row of their partition
SELECT count(*) AS rows_sharing_ended_at
FROM (SELECT p, t, count(*) OVER (PARTITION BY p, t) AS k FROM contracts WHERE t IS NOT NULL) x
WHERE k > 1;
-- the frames ordered by id see ended_at out of order
SELECT count(*) AS steps_back_in_time
FROM (SELECT t < lag(t) OVER (PARTITION BY p ORDER BY id) AS back FROM contracts) x
WHERE back;

--
-- check_frame(frame, cond [, only_rows]): every moving-capable aggregate over
-- the window "PARTITION BY p <frame>" against the plain aggregate over
-- the rows f of the same partition that satisfy cond, the frame of the
-- current row c written as a WHERE clause.  Floats are compared with
-- IS NOT DISTINCT FROM, states as text.  Returns the rows checked, the
-- rows where any aggregate differs, how many frames were empty and how
-- many held no counted row (only NULL outcomes, or nothing), and how many
-- jss_score(o, w) were NULL (so that a check cannot pass vacuously).
-- only_rows restricts the rows checked (the window still runs over all rows).
--
CREATE FUNCTION pg_temp.check_frame(frame text, cond text, only_rows text DEFAULT 'true',
    OUT rows bigint, OUT mismatches bigint, OUT empty_frames bigint,
    OUT no_counted_row bigint, OUT null_scores bigint)
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($q$
        SELECT count(*),
               count(*) FILTER (WHERE NOT (
                   c.s1 IS NOT DISTINCT FROM f.s1 AND c.s2 IS NOT DISTINCT FROM f.s2 AND
                   c.r1 IS NOT DISTINCT FROM f.r1 AND c.r2 IS NOT DISTINCT FROM f.r2 AND
                   c.b2 IS NOT DISTINCT FROM f.b2 AND c.b3 IS NOT DISTINCT FROM f.b3 AND
                   c.a2::text IS NOT DISTINCT FROM f.a2::text AND
                   c.a3::text IS NOT DISTINCT FROM f.a3::text)),
               count(*) FILTER (WHERE f.frame_rows = 0),
               count(*) FILTER (WHERE f.n = 0),
               count(*) FILTER (WHERE c.s2 IS NULL)
        FROM (SELECT *,
                     jss_score(o) OVER win AS s1,
                     jss_score(o, w) OVER win AS s2,
                     jss_satisfaction_ratio(o) OVER win AS r1,
                     jss_satisfaction_ratio(o, w) OVER win AS r2,
                     jss_trend_slope(o, t) OVER win AS b2,
                     jss_trend_slope(o, t, w) OVER win AS b3,
                     jss_agg(o, t) OVER win AS a2,
                     jss_agg(o, t, w) OVER win AS a3
              FROM contracts
              WINDOW win AS (PARTITION BY p %s)) c
        CROSS JOIN LATERAL (
              SELECT jss_score(f.o) AS s1,
                     jss_score(f.o, f.w) AS s2,
                     jss_satisfaction_ratio(f.o) AS r1,
                     jss_satisfaction_ratio(f.o, f.w) AS r2,
                     jss_trend_slope(f.o, f.t) AS b2,
                     jss_trend_slope(f.o, f.t, f.w) AS b3,
                     jss_agg(f.o, f.t) AS a2,
                     jss_agg(f.o, f.t, f.w) AS a3,
                     count(f.o) AS n,
                     count(*) AS frame_rows
              FROM contracts f
              WHERE f.p = c.p AND (%s)) f
        WHERE %s
        $q$, frame, cond, only_rows)
    INTO rows, mismatches, empty_frames, no_counted_row, null_scores;
END
$$;

-- ROWS, ordered by ended_at (ties broken by id)
SELECT * FROM pg_temp.check_frame('ORDER BY t, id ROWS BETWEEN 10 PRECEDING AND CURRENT ROW',
                          'f.rn_t BETWEEN c.rn_t - 10 AND c.rn_t');
-- ROWS, ordered by contract id: ended_at enters and leaves out of order
SELECT * FROM pg_temp.check_frame('ORDER BY id ROWS BETWEEN 5 PRECEDING AND 5 FOLLOWING',
                          'f.rn_id BETWEEN c.rn_id - 5 AND c.rn_id + 5');
SELECT * FROM pg_temp.check_frame('ORDER BY id ROWS BETWEEN 120 PRECEDING AND CURRENT ROW',
                          'f.rn_id BETWEEN c.rn_id - 120 AND c.rn_id');
-- RANGE over timestamptz; a row with a NULL ended_at has the NULL rows as
-- its frame, and a row with an ended_at never sees them
SELECT * FROM pg_temp.check_frame($$ORDER BY t RANGE BETWEEN '24 months' PRECEDING AND CURRENT ROW$$,
                          $$f.t BETWEEN c.t - interval '24 months' AND c.t
                            OR (c.t IS NULL AND f.t IS NULL)$$);
SELECT * FROM pg_temp.check_frame($$ORDER BY t RANGE BETWEEN '90 days' PRECEDING AND '10 days' FOLLOWING$$,
                          $$f.t BETWEEN c.t - interval '90 days' AND c.t + interval '10 days'
                            OR (c.t IS NULL AND f.t IS NULL)$$);
-- RANGE over the contract id (ended_at out of order)
SELECT * FROM pg_temp.check_frame('ORDER BY id RANGE BETWEEN 40 PRECEDING AND 10 FOLLOWING',
                          'f.id BETWEEN c.id - 40 AND c.id + 10');
-- GROUPS of peers by ended_at
SELECT * FROM pg_temp.check_frame('ORDER BY t GROUPS BETWEEN 2 PRECEDING AND 1 FOLLOWING',
                          'f.g_t BETWEEN c.g_t - 2 AND c.g_t + 1');
-- EXCLUDE CURRENT ROW / GROUP / TIES
SELECT * FROM pg_temp.check_frame('ORDER BY t, id ROWS BETWEEN 3 PRECEDING AND 3 FOLLOWING EXCLUDE CURRENT ROW',
                          'f.rn_t BETWEEN c.rn_t - 3 AND c.rn_t + 3 AND f.id <> c.id');
SELECT * FROM pg_temp.check_frame($$ORDER BY t RANGE BETWEEN '60 days' PRECEDING AND '30 days' FOLLOWING EXCLUDE GROUP$$,
                          $$(f.t BETWEEN c.t - interval '60 days' AND c.t + interval '30 days'
                             OR (c.t IS NULL AND f.t IS NULL)) AND f.g_t <> c.g_t$$);
SELECT * FROM pg_temp.check_frame('ORDER BY t GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE TIES',
                          'f.g_t BETWEEN c.g_t - 1 AND c.g_t + 1 AND (f.g_t <> c.g_t OR f.id = c.id)');
SELECT * FROM pg_temp.check_frame('ORDER BY id ROWS BETWEEN 4 PRECEDING AND 4 FOLLOWING EXCLUDE CURRENT ROW',
                          'f.rn_id BETWEEN c.rn_id - 4 AND c.rn_id + 4 AND f.id <> c.id');
-- frames that become empty: at the end of each partition, and between
-- rows more than 20 days apart (and fill up again after)
SELECT * FROM pg_temp.check_frame('ORDER BY t, id ROWS BETWEEN 3 FOLLOWING AND 5 FOLLOWING',
                          'f.rn_t BETWEEN c.rn_t + 3 AND c.rn_t + 5');
SELECT * FROM pg_temp.check_frame($$ORDER BY t RANGE BETWEEN '20 days' PRECEDING AND '1 day' PRECEDING$$,
                          $$f.t BETWEEN c.t - interval '20 days' AND c.t - interval '1 day'
                            OR (c.t IS NULL AND f.t IS NULL)$$);
-- a head that moves to the end (every row leaves from the front); the
-- recomputation is quadratic, so not over the two largest partitions
SELECT * FROM pg_temp.check_frame('ORDER BY t, id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING',
                          'f.rn_t >= c.rn_t', 'c.p NOT IN (3, 7)');
SELECT * FROM pg_temp.check_frame('ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING',
                          'f.rn_id >= c.rn_id', 'c.p NOT IN (3, 7)');
-- a fixed head (plain mode), for comparison
SELECT * FROM pg_temp.check_frame('ORDER BY t, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW',
                          'f.rn_t <= c.rn_t', 'c.p NOT IN (3, 7)');

--
-- Partitions of 1 and 2 rows, and rows that share one ended_at, shown
--
SELECT p, id, jss_score(o) OVER win AS score, jss_contracts(jss_agg(o, t) OVER win) AS n,
       jss_first_ended(jss_agg(o, t) OVER win) AT TIME ZONE 'UTC' AS first_utc,
       jss_last_ended(jss_agg(o, t) OVER win) AT TIME ZONE 'UTC' AS last_utc
FROM contracts WHERE p IN (1, 2)
WINDOW win AS (PARTITION BY p ORDER BY t, id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
ORDER BY p, id;

--
-- NULLs inside a frame are skipped exactly as the plain aggregate skips
-- them: NULL outcome (and its weight), NULL ended_at (jss_agg and
-- jss_trend_slope only); a NULL weight counts as 1.  Frames of three rows
-- ordered by i; the expected values are computed by hand.
--
CREATE TEMP TABLE nulls (i int, o float8, w float8, t timestamptz);
INSERT INTO nulls VALUES
    (1, 1, 2, '2026-01-01 00:00+00'),
    (2, NULL, 5, '2026-01-02 00:00+00'),        -- skipped everywhere
    (3, -1, NULL, '2026-01-03 00:00+00'),       -- weight 1
    (4, 0.5, 4, NULL),                          -- skipped by jss_agg, jss_trend_slope
    (5, NULL, NULL, NULL),
    (6, 1, 1, '2026-01-05 00:00+00');
SELECT i,
       jss_score(o, w) OVER win AS score,
       jss_satisfaction_ratio(o, w) OVER win AS ratio,
       jss_contracts(jss_agg(o, t, w) OVER win) AS dated_n,
       jss_trend_slope(o, t, w) OVER win AS slope
FROM nulls
WINDOW win AS (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
ORDER BY i;
-- by hand:  i=1 {1 w2}: n=1, score NULL, ratio 1, slope NULL
--           i=2 same rows
--           i=3 {1 w2, -1 w1}: N=1, W=3, score 100*(1+3)/(3+3) = 66.666..., ratio 2/3,
--               slope: two points (day 0, y 100) and (day 2, y -100): the line
--               through them, -100 per day, times 91.3125 = -9131.25
--           i=4 {-1 w1, 0.5 w4} (row 2 skipped): N=1, W=5, score 100*4/8 = 50, ratio 4/5,
--               dated rows: only row 3: n=1, slope NULL
--           i=5 same as i=4 for score/ratio; dated n=1
--           i=6 {0.5 w4, 1 w1}: N=3, W=5, score 100*6/8 = 75, ratio 1, dated n=1 (row 6)

--
-- Extreme ended_at in the frames: the earliest and latest timestamptz, and
-- times a few microseconds before 2000-01-01 (day -1 by floor), in frames
-- ordered by id
--
CREATE TEMP TABLE extremes AS
SELECT i, ((hashint4(i) % 1001) / 1000.0)::float8 AS o, (i % 7)::float8 AS w,
       CASE i % 4 WHEN 0 THEN '4714-11-24 00:00:00+00 BC'::timestamptz
                  WHEN 1 THEN '294276-12-31 23:59:59.999999+00'
                  WHEN 2 THEN '2000-01-01 00:00:00+00'::timestamptz - i * interval '1 microsecond'
                  ELSE '2000-01-01 00:00:00+00' END AS t
FROM generate_series(1, 200) i;
SELECT count(*) AS rows,
       bool_and(x.a::text = f.a::text AND x.b IS NOT DISTINCT FROM f.b) AS same_bits,
       min(jss_first_ended(x.a)) = '4714-11-24 00:00:00+00 BC' AS earliest_seen,
       max(jss_last_ended(x.a)) = '294276-12-31 23:59:59.999999+00' AS latest_seen
FROM (SELECT i, jss_agg(o, t, w) OVER win AS a, jss_trend_slope(o, t, w) OVER win AS b
      FROM extremes WINDOW win AS (ORDER BY i ROWS BETWEEN 7 PRECEDING AND 2 FOLLOWING)) x
CROSS JOIN LATERAL (
    SELECT jss_agg(o, t, w) AS a, jss_trend_slope(o, t, w) AS b
    FROM extremes e WHERE e.i BETWEEN x.i - 7 AND x.i + 2) f;

--
-- Moving mode is used.  The catalog: every one of these aggregates has a
-- forward and an inverse moving transition, so PostgreSQL uses moving mode
-- for any frame whose head moves (and no argument is volatile); the as-of
-- score is not a window aggregate (its as_of fixes its windows).
--
SELECT a.aggfnoid::regprocedure AS aggregate,
       a.aggmtransfn <> 0 AS msfunc, a.aggminvtransfn <> 0 AS minvfunc,
       a.aggmtranstype::regtype AS mstype, a.aggmfinalfn <> 0 AS mfinalfunc
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE p.proname IN ('jss_score', 'jss_satisfaction_ratio', 'jss_trend_slope', 'jss_agg')
ORDER BY a.aggfnoid::regprocedure::text COLLATE "C";
--
-- And the cost: a 24-month RANGE frame over a partition of 24,000 rows, a
-- row every 90 minutes, so that frames hold up to 11,700 rows and the head
-- moves for more than half of the partition.  In moving mode this takes a
-- few tens of milliseconds (like avg(int)); recomputing every frame would
-- add about 200 million rows and take tens of seconds (avg(float8), which
-- has no inverse, does that), so the statement_timeout below fails this
-- test if moving mode is ever lost.  No timing is printed: the results
-- are checked, against count(*) for every row and afresh for the last ones.
--
CREATE TEMP TABLE busy AS
SELECT i, ((hashint4(i) % 1001) / 1000.0)::float8 AS o,
       ((hashint4(i + 1) & 1023) / 16.0)::float8 AS w,
       '2022-01-01 00:00+00'::timestamptz + i * interval '90 minutes' AS t
FROM generate_series(1, 24000) i;
SET statement_timeout = '5s';
CREATE TEMP TABLE busy_w AS
SELECT i, t,
       jss_agg(o, t, w) OVER win AS a,
       jss_score(o, w) OVER win AS s,
       jss_trend_slope(o, t, w) OVER win AS b,
       count(*) OVER win AS n
FROM busy
WINDOW win AS (ORDER BY t RANGE BETWEEN '24 months' PRECEDING AND CURRENT ROW);
RESET statement_timeout;
SELECT count(*) AS rows,
       max(n) AS largest_frame,
       count(*) FILTER (WHERE n < i) AS head_moved,
       bool_and(jss_contracts(a) = n) AS counts_match,
       bool_and(jss_score(a) IS NOT DISTINCT FROM s) AS scores_match_state,
       bool_and(jss_trend_slope(a) IS NOT DISTINCT FROM b) AS slopes_match_state
FROM busy_w;
-- the last rows, recomputed afresh
SELECT count(*) AS checked,
       bool_and(x.a::text = f.a::text AND x.s IS NOT DISTINCT FROM f.s
                AND x.b IS NOT DISTINCT FROM f.b) AS same_bits
FROM (SELECT * FROM busy_w ORDER BY i DESC LIMIT 5) x
CROSS JOIN LATERAL (
    SELECT jss_agg(o, t, w) AS a, jss_score(o, w) AS s, jss_trend_slope(o, t, w) AS b
    FROM busy WHERE busy.t BETWEEN x.t - interval '24 months' AND x.t) f;
DROP TABLE busy, busy_w;

--
-- No drift: one partition of 1,000,000 rows, a row every 3 minutes (two
-- rows at each ended_at, weights up to 1e6, some NULL outcomes), and a
-- 30-day sliding frame: each frame holds about 14,400 rows, and sliding
-- through the partition adds and removes a million rows.  The window is
-- computed once; at its last 10 rows (and at every 100,000th row) the
-- windowed results have the same bits as the aggregates computed afresh.
--
CREATE TEMP TABLE long_run AS
SELECT i,
       CASE WHEN i % 1009 = 0 THEN NULL ELSE (hashint4(i) % 1001) / 1000.0::float8 END AS o,
       CASE WHEN i % 997 = 0 THEN 1e6 ELSE (hashint4(i + 3) & 1048575) / 1024.0::float8 END AS w,
       '2020-01-01 00:00+00'::timestamptz + (i / 2) * interval '6 minutes' AS t
FROM generate_series(1, 1000000) i;
CREATE TEMP TABLE long_w AS
SELECT * FROM (
    SELECT i, t,
           jss_agg(o, t, w) OVER win AS a,
           jss_score(o, w) OVER win AS s,
           jss_trend_slope(o, t, w) OVER win AS b
    FROM long_run
    WINDOW win AS (ORDER BY t RANGE BETWEEN '30 days' PRECEDING AND CURRENT ROW)) x
WHERE i > 1000000 - 10 OR i % 100000 = 0;
CREATE INDEX ON long_run (t);
SELECT count(*) AS checked,
       min(jss_contracts(x.a)) AS smallest_frame,
       bool_and(x.a::text = f.a::text) AS same_state,
       bool_and(x.s IS NOT DISTINCT FROM f.s) AS same_score,
       bool_and(x.b IS NOT DISTINCT FROM f.b) AS same_slope,
       bool_and(x.s IS NOT NULL AND x.b IS NOT NULL) AS all_defined
FROM long_w x
CROSS JOIN LATERAL (
    SELECT jss_agg(o, t, w) AS a, jss_score(o, w) AS s, jss_trend_slope(o, t, w) AS b
    FROM long_run WHERE long_run.t BETWEEN x.t - interval '30 days' AND x.t) f;
DROP TABLE long_run, long_w;

--
-- Errors inside a window are raised as in the plain aggregate: an outcome
-- outside [-1, 1] or NaN, a negative weight: 22003; an ended_at of
-- +/-infinity: 22008.  The bad row is the 50th of a sliding frame.
--
CREATE TEMP TABLE bad (i int, o float8, w float8, t timestamptz);
INSERT INTO bad SELECT i, 0.5, 1, '2026-01-01 00:00+00'::timestamptz + i * interval '1 day'
FROM generate_series(1, 100) i;
SELECT q AS query, pg_temp.sqlstate_of(q) AS sqlstate
FROM (VALUES
    ($$SELECT jss_score(CASE WHEN i = 50 THEN 2 ELSE o END) OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad$$),
    ($$SELECT jss_score(CASE WHEN i = 50 THEN 'NaN' ELSE o END, w) OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad$$),
    ($$SELECT jss_satisfaction_ratio(o, CASE WHEN i = 50 THEN -1 ELSE w END) OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad$$),
    ($$SELECT jss_trend_slope(CASE WHEN i = 50 THEN -1.5 ELSE o END, t) OVER (ORDER BY t RANGE '5 days' PRECEDING) FROM bad$$),
    ($$SELECT jss_agg(o, CASE WHEN i = 50 THEN 'infinity' ELSE t END) OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad$$),
    ($$SELECT jss_agg(o, CASE WHEN i = 50 THEN '-infinity' ELSE t END, w) OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad$$),
    ($$SELECT jss_trend_slope(o, CASE WHEN i = 50 THEN 'infinity' ELSE t END, w) OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad$$),
    -- the same rows through the plain aggregates
    ($$SELECT jss_score(CASE WHEN i = 50 THEN 2 ELSE o END) FROM bad$$),
    ($$SELECT jss_agg(o, CASE WHEN i = 50 THEN 'infinity' ELSE t END) FROM bad$$)
) v(q);
-- error
SELECT jss_score(CASE WHEN i = 50 THEN 2 ELSE o END) OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad;
-- error
SELECT jss_score(CASE WHEN i = 50 THEN 'NaN' ELSE o END, w) OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad;
-- error
SELECT jss_satisfaction_ratio(o, CASE WHEN i = 50 THEN -1 ELSE w END) OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad;
-- error
SELECT jss_trend_slope(CASE WHEN i = 50 THEN -1.5 ELSE o END, t) OVER (ORDER BY t RANGE '5 days' PRECEDING) FROM bad;
-- error
SELECT jss_agg(o, CASE WHEN i = 50 THEN 'infinity' ELSE t END) OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad;
-- error
SELECT jss_agg(o, CASE WHEN i = 50 THEN '-infinity' ELSE t END, w) OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad;
-- error
SELECT jss_trend_slope(o, CASE WHEN i = 50 THEN 'infinity' ELSE t END, w) OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad;
-- a row with a NULL outcome is skipped before its other arguments are
-- looked at, in a window as in the plain aggregate: no error
SELECT count(*) AS rows,
       bool_and(jss_contracts(a) = least(i, 4) - CASE WHEN i BETWEEN 50 AND 53 THEN 1 ELSE 0 END)
           AS null_row_skipped,
       (SELECT jss_contracts(jss_agg(CASE WHEN i = 50 THEN NULL ELSE o END,
                                     CASE WHEN i = 50 THEN 'infinity' ELSE t END, -1))
        FROM bad WHERE i = 50) AS plain_n
FROM (SELECT i, jss_agg(CASE WHEN i = 50 THEN NULL ELSE o END,
                        CASE WHEN i = 50 THEN 'infinity' ELSE t END,
                        CASE WHEN i = 50 THEN -1 ELSE w END) OVER (ORDER BY i ROWS 3 PRECEDING) AS a
      FROM bad) x;

--
-- A row with two bad arguments, a bad outcome and a bad weight (or a bad
-- ended_at), reports the outcome, in a window as in the plain aggregate,
-- whatever the compiler: the arguments are checked in sequence, outcome
-- first.
--
-- error
SELECT jss_score(CASE WHEN i = 50 THEN 2 ELSE o END, CASE WHEN i = 50 THEN -1 ELSE w END)
    OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad;
-- error
SELECT jss_score(CASE WHEN i = 50 THEN 2 ELSE o END, CASE WHEN i = 50 THEN -1 ELSE w END) FROM bad;
-- error
SELECT jss_satisfaction_ratio(CASE WHEN i = 50 THEN 'NaN' ELSE o END, CASE WHEN i = 50 THEN 'infinity' ELSE w END)
    OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad;
-- error
SELECT jss_satisfaction_ratio(CASE WHEN i = 50 THEN 'NaN' ELSE o END, CASE WHEN i = 50 THEN 'infinity' ELSE w END) FROM bad;
-- error
SELECT jss_agg(CASE WHEN i = 50 THEN -3 ELSE o END, CASE WHEN i = 50 THEN 'infinity' ELSE t END,
               CASE WHEN i = 50 THEN -1 ELSE w END) OVER (ORDER BY i ROWS 3 PRECEDING) FROM bad;
-- error
SELECT jss_agg(CASE WHEN i = 50 THEN -3 ELSE o END, CASE WHEN i = 50 THEN 'infinity' ELSE t END,
               CASE WHEN i = 50 THEN -1 ELSE w END) FROM bad;
-- error
SELECT jss_trend_slope(CASE WHEN i = 50 THEN 1.5 ELSE o END, t, CASE WHEN i = 50 THEN 2e6 ELSE w END)
    OVER (ORDER BY t RANGE '5 days' PRECEDING) FROM bad;
-- error
SELECT jss_trend_slope(CASE WHEN i = 50 THEN 1.5 ELSE o END, t, CASE WHEN i = 50 THEN 2e6 ELSE w END) FROM bad;
-- error
SELECT jss_score(CASE WHEN i = 50 THEN 2 ELSE o END, CASE WHEN i = 50 THEN -1 ELSE w END,
                 t, '2026-12-01 00:00+00') FROM bad;
