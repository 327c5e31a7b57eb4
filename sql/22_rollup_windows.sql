--
-- jss_rollup as a window aggregate (moving-aggregate mode): rolling
-- windows over stored states, such as
--   jss_rollup(state) OVER (PARTITION BY freelancer_id ORDER BY period_start
--                           ROWS 12 PRECEDING)
-- Every windowed state must have the same bytes as jss_rollup computed
-- afresh over the states of that row's frame, whatever the frame (ROWS,
-- RANGE, GROUPS, EXCLUDE), its direction, and the states in it: empty
-- states (no contract), states without a dated contract (no times), NULL
-- states (skipped), states that share their first or last ended_at.  The
-- frame's earliest and latest ended_at come from the counts of the
-- states' first and last ended_at, so removing a state restores them
-- exactly.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
SET DateStyle = 'ISO, YMD';

--
-- The contracts of 6 freelancers over 60 months; freelancer 6 has only
-- one month.  The stored states: one per freelancer and month, from
-- jss_agg, except that
--   - months where every outcome is NULL give an empty state (n = 0),
--   - every 7th month is NULL (a period with no stored state),
--   - every 11th month holds a state of contracts without an ended_at
--     (built by jss_score's transition function: no times),
--   - every 13th month repeats the state of the month before (the same
--     first and last ended_at twice in a frame).
--
CREATE TEMP TABLE contracts AS
SELECT f, i,
       CASE WHEN (i / 5) % 9 = 4 THEN NULL ELSE (hashint4(f * 1000 + i) % 1001) / 1000.0 END::float8 AS o,
       ((hashint4(f * 1000 + i + 1) & 1023) / 16.0)::float8 AS w,
       '2021-01-01 00:00+00'::timestamptz + (i / 5) * interval '1 month'
           + (hashint4(f * 1000 + i + 2) & 15) * interval '1 day' AS t
FROM generate_series(1, 5) f, generate_series(0, 299) i
UNION ALL
SELECT 6, 0, 0.5, 1, '2024-06-15 00:00+00';
CREATE TEMP TABLE states (f int, m int, period_start timestamptz, s jss_state);
INSERT INTO states
SELECT f, m, '2021-01-01 00:00+00'::timestamptz + m * interval '1 month',
       CASE WHEN m % 7 = 3 THEN NULL
            WHEN m % 11 = 5 THEN (SELECT jss_outcome_accum(jss_outcome_accum(NULL, 0.5, 2), -0.25))
            ELSE s END
FROM (SELECT f, (i / 5) AS m, jss_agg(o, t, w) AS s FROM contracts GROUP BY 1, 2) x;
UPDATE states s SET s = p.s FROM states p
WHERE s.m % 13 = 12 AND p.f = s.f AND p.m = s.m - 1;
-- positions describing frames: row number by period, the peer group by
-- the quarter, and a key unrelated to time
ALTER TABLE states ADD rn int, ADD q int, ADD j int;
UPDATE states s SET rn = x.rn, q = s.m / 3, j = hashint4(s.f * 100 + s.m)
FROM (SELECT f, m, row_number() OVER (PARTITION BY f ORDER BY m) AS rn FROM states) x
WHERE x.f = s.f AND x.m = s.m;
UPDATE states s SET j = x.rj
FROM (SELECT f, m, row_number() OVER (PARTITION BY f ORDER BY j, m) AS rj FROM states) x
WHERE x.f = s.f AND x.m = s.m;
ANALYZE states;

-- what the states hold
SELECT count(*) AS states, count(DISTINCT f) AS freelancers,
       count(*) FILTER (WHERE s IS NULL) AS null_states,
       count(*) FILTER (WHERE jss_contracts(s) = 0) AS empty_states,
       count(*) FILTER (WHERE jss_contracts(s) > 0 AND jss_first_ended(s) IS NULL) AS undated_states,
       count(*) FILTER (WHERE s::text IN (SELECT p.s::text FROM states p WHERE p.f = states.f AND p.m = states.m - 1))
           AS repeated_states
FROM states;

--
-- check_frame(frame, cond): jss_rollup over the window "PARTITION BY f
-- <frame>" against jss_rollup over the states g of the same freelancer
-- that satisfy cond (the current row is c), compared as text.  Returns
-- the rows checked, those that differ, the largest frame and how many
-- frames were empty or held no dated state (so that no check passes
-- vacuously).
--
CREATE FUNCTION pg_temp.check_frame(frame text, cond text,
    OUT rows bigint, OUT mismatches bigint, OUT largest_frame bigint,
    OUT empty_frames bigint, OUT undated_frames bigint)
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($q$
        SELECT count(*),
               count(*) FILTER (WHERE c.r::text IS DISTINCT FROM g.r::text),
               max(g.frame_rows),
               count(*) FILTER (WHERE g.frame_rows = 0),
               count(*) FILTER (WHERE jss_first_ended(g.r) IS NULL)
        FROM (SELECT *, jss_rollup(s) OVER (PARTITION BY f %s) AS r FROM states) c
        CROSS JOIN LATERAL (
              SELECT jss_rollup(g.s) AS r, count(*) AS frame_rows
              FROM states g WHERE g.f = c.f AND (%s)) g
        $q$, frame, cond)
    INTO rows, mismatches, largest_frame, empty_frames, undated_frames;
END
$$;

-- ROWS, ascending and descending
SELECT * FROM pg_temp.check_frame('ORDER BY m ROWS 12 PRECEDING', 'g.rn BETWEEN c.rn - 12 AND c.rn');
SELECT * FROM pg_temp.check_frame('ORDER BY m DESC ROWS 12 PRECEDING', 'g.rn BETWEEN c.rn AND c.rn + 12');
SELECT * FROM pg_temp.check_frame('ORDER BY m ROWS BETWEEN 2 PRECEDING AND 3 FOLLOWING EXCLUDE CURRENT ROW',
                                  'g.rn BETWEEN c.rn - 2 AND c.rn + 3 AND g.m <> c.m');
SELECT * FROM pg_temp.check_frame('ORDER BY m DESC ROWS BETWEEN 1 FOLLOWING AND 4 FOLLOWING',
                                  'g.rn BETWEEN c.rn - 4 AND c.rn - 1');
-- RANGE over period_start, ascending and descending
SELECT * FROM pg_temp.check_frame($$ORDER BY period_start RANGE BETWEEN '11 months' PRECEDING AND CURRENT ROW$$,
                                  $$g.period_start BETWEEN c.period_start - interval '11 months' AND c.period_start$$);
SELECT * FROM pg_temp.check_frame($$ORDER BY period_start DESC RANGE BETWEEN '6 months' PRECEDING AND '2 months' FOLLOWING$$,
                                  $$g.period_start BETWEEN c.period_start - interval '2 months'
                                                       AND c.period_start + interval '6 months'$$);
-- GROUPS of quarters, with EXCLUDE GROUP and EXCLUDE TIES
SELECT * FROM pg_temp.check_frame('ORDER BY q GROUPS BETWEEN 2 PRECEDING AND CURRENT ROW EXCLUDE GROUP',
                                  'g.q BETWEEN c.q - 2 AND c.q - 1');
SELECT * FROM pg_temp.check_frame('ORDER BY q DESC GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE TIES',
                                  'g.q BETWEEN c.q - 1 AND c.q + 1 AND (g.q <> c.q OR g.m = c.m)');
-- ordered by a key unrelated to time: states enter and leave anywhere
SELECT * FROM pg_temp.check_frame('ORDER BY j ROWS BETWEEN 9 PRECEDING AND 9 FOLLOWING',
                                  'g.j BETWEEN c.j - 9 AND c.j + 9');
-- the head moves to the end
SELECT * FROM pg_temp.check_frame('ORDER BY m DESC ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING',
                                  'g.rn <= c.rn');

-- frames of NULL, empty and undated states only, shown
SELECT i, r::text
FROM (SELECT i, jss_rollup(s) OVER (ORDER BY i ROWS 1 PRECEDING) AS r
      FROM (VALUES (1, NULL::jss_state),
                   (2, 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none'),
                   (3, NULL),
                   (4, jss_outcome_accum(NULL, 1)),
                   (5, NULL),
                   (6, NULL)) v(i, s)) x
ORDER BY i;
-- one dated state among undated ones: its times come and go with it
SELECT i, jss_contracts(r) AS n, jss_first_ended(r) AT TIME ZONE 'UTC' AS first_utc,
       jss_last_ended(r) AT TIME ZONE 'UTC' AS last_utc
FROM (SELECT i, jss_rollup(s) OVER (ORDER BY i ROWS 1 PRECEDING) AS r
      FROM (VALUES (1, jss_outcome_accum(NULL, 1)),
                   (2, jss_agg_accum(NULL, 1, '2026-01-01 00:00+00')),
                   (3, jss_outcome_accum(NULL, -1)),
                   (4, jss_agg_accum(NULL, 0.5, '2026-03-01 00:00+00')),
                   (5, jss_agg_accum(jss_agg_accum(NULL, 0.5, '2026-03-01 00:00+00'), 1, '2025-12-01 00:00+00'))) v(i, s)) x
ORDER BY i;

--
-- Moving mode is there: jss_rollup has a forward and an inverse moving
-- transition, with an internal moving state and its own final function.
--
SELECT aggmtransfn::regproc AS msfunc, aggminvtransfn::regproc AS minvfunc,
       aggmtranstype::regtype AS mstype, aggmfinalfn::regproc AS mfinalfunc
FROM pg_aggregate WHERE aggfnoid = 'jss_rollup(jss_state)'::regprocedure;
--
-- And it is used: 100,000 stored states in one partition, a frame of the
-- 50,000 before.  With the inverse this takes a fraction of a second;
-- recomputing every frame would merge 5 * 10^9 states (minutes), so the
-- statement_timeout below fails this test if moving mode is ever lost.
-- The last rows, and a few others, are recomputed afresh; both
-- directions.
--
CREATE TEMP TABLE many AS
SELECT i, jss_agg(((hashint4(i) % 1001) / 1000.0)::float8,
                  '2000-01-01 00:00+00'::timestamptz + (i + (hashint4(i) & 7)) * interval '1 day') AS s
FROM generate_series(1, 100000) i GROUP BY i;
-- work_mem holds the 50,000-state frame: a frame spilled to disk is PostgreSQL's
-- slow path for any aggregate, and is not what this measures
SET work_mem = '64MB';
SET statement_timeout = '8s';
CREATE TEMP TABLE many_asc AS
SELECT i, jss_rollup(s) OVER (ORDER BY i ROWS 50000 PRECEDING) AS r FROM many;
CREATE TEMP TABLE many_desc AS
SELECT i, jss_rollup(s) OVER (ORDER BY i DESC ROWS 50000 PRECEDING) AS r FROM many;
RESET statement_timeout;
RESET work_mem;
CREATE INDEX ON many (i);
SELECT count(*) AS rows, bool_and(jss_contracts(r) = least(i, 50001)) AS counts_match FROM many_asc;
SELECT count(*) AS rows, bool_and(jss_contracts(r) = least(100001 - i, 50001)) AS counts_match FROM many_desc;
SELECT count(*) AS checked, bool_and(x.r::text = g.r::text) AS same_bits
FROM (SELECT * FROM many_asc WHERE i IN (1, 2, 50000, 50001, 50002, 77777, 99999, 100000)) x
CROSS JOIN LATERAL (SELECT jss_rollup(s) AS r FROM many WHERE many.i BETWEEN x.i - 50000 AND x.i) g;
SELECT count(*) AS checked, bool_and(x.r::text = g.r::text) AS same_bits
FROM (SELECT * FROM many_desc WHERE i IN (1, 2, 33333, 49999, 50000, 50001, 99999, 100000)) x
CROSS JOIN LATERAL (SELECT jss_rollup(s) AS r FROM many WHERE many.i BETWEEN x.i AND x.i + 50000) g;
DROP TABLE many, many_asc, many_desc;

--
-- Errors in a window as in the plain rollup: too many contracts in the
-- frame is 22003.  Text that is not a valid state never reaches the
-- aggregate (22P02 from the input function).
--
CREATE TEMP TABLE huge (i int, s jss_state);
INSERT INTO huge
SELECT i, ('v1 n=549755813888 neutral=549755813888 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0'
           ' wx=0 wxx=0 wxo=0 woo=0 first=none last=none')::jss_state
FROM generate_series(1, 4) i;
-- two such states fill a state (2^40 contracts); three are too many
SELECT i, jss_contracts(jss_rollup(s) OVER (ORDER BY i ROWS 1 PRECEDING)) AS n FROM huge ORDER BY i;
-- error
SELECT i, jss_contracts(jss_rollup(s) OVER (ORDER BY i ROWS 2 PRECEDING)) AS n FROM huge ORDER BY i;
-- error
SELECT jss_rollup(s) FROM huge;
-- error
SELECT jss_rollup(s) OVER (ORDER BY i ROWS 1 PRECEDING)
FROM (VALUES (1, 'v1 n=1'::jss_state)) v(i, s);
