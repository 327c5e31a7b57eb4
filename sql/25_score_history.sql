--
-- jss_score_history(outcome, weight, ended_at, as_of[]): the score as of
-- each date of an array, in the array's order, in one pass.  Each element
-- must have the bits of jss_score(outcome, weight, ended_at, as_of) at
-- that date, whatever the dates (unsorted, repeated, NULL, month ends
-- that clamp), the plan (serial, parallel, window) and the rows.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
SET DateStyle = 'ISO, YMD';
SET TimeZone = 'UTC';

-- 40 freelancers over 4 years; outcomes on the 2^-32 grid and off it,
-- NULL outcomes and ended_at, weights from 0 to 10^6 and NULL, many rows
-- at exactly the dates and at the windows' starts
CREATE TABLE history_rows AS
SELECT i % 40 AS freelancer_id,
       CASE WHEN i % 29 = 0 THEN NULL
            ELSE ((abs(hashint4(i)) % 2001) / 1000.0 - 1)::float8 END AS outcome,
       CASE WHEN i % 17 = 0 THEN NULL WHEN i % 23 = 0 THEN 0
            WHEN i % 31 = 0 THEN 1e6 ELSE (abs(hashint4(i + 7)) % 500) / 100.0 END::float8 AS weight,
       CASE WHEN i % 37 = 0 THEN NULL
            WHEN i % 5 = 0 THEN timestamptz '2024-08-31 00:00+00' + make_interval(months => i % 30)
            WHEN i % 7 = 0 THEN timestamptz '2026-02-28 00:00+00' - make_interval(months => 6 * (i % 5))
            ELSE timestamptz '2023-01-01 00:00+00' + make_interval(mins => (abs(hashint4(i + 3)) % 2000000))
       END AS ended_at
FROM generate_series(1, 6000) i;

-- the dates: biweekly over a year, plus month ends (whose windows start
-- on clamped days), unsorted, one repeated, one NULL
CREATE TABLE history_dates AS
SELECT ARRAY(SELECT d FROM generate_series(timestamptz '2025-12-01 00:00+00',
                                           timestamptz '2026-11-16 00:00+00', interval '14 days') d
             ORDER BY hashint8(extract(epoch FROM d)::bigint))
       || ARRAY[timestamptz '2026-08-31 00:00+00', '2026-02-28 00:00+00', '2024-02-29 12:00+00',
                '2026-08-31 00:00+00', NULL] AS dates;
SELECT cardinality(dates) AS dates, array_position(dates, NULL) AS null_at FROM history_dates;

-- each element equals the as-of aggregate at its date, bit for bit
CREATE TABLE history_result AS
SELECT freelancer_id, jss_score_history(outcome, weight, ended_at, (SELECT dates FROM history_dates)) AS h
FROM history_rows GROUP BY freelancer_id;
SELECT count(*) AS compared, count(r.s) AS scored,
       count(*) FILTER (WHERE h.s IS DISTINCT FROM r.s) AS differ
FROM (SELECT freelancer_id, k, s FROM history_result, unnest(h) WITH ORDINALITY AS u(s, k)) h
JOIN (SELECT freelancer_id, k, jss_score(outcome, weight, ended_at, d) AS s
      FROM history_rows, unnest((SELECT dates FROM history_dates)) WITH ORDINALITY AS u(d, k)
      GROUP BY freelancer_id, k) r USING (freelancer_id, k);
-- one element per date, in the order of as_of, NULL where as_of is NULL
SELECT bool_and(cardinality(h) = 31) AS one_per_date, bool_and(h[31] IS NULL) AS null_date_null,
       bool_and(h[27] IS NOT DISTINCT FROM h[30]) AS repeated_date_same
FROM history_result;

-- parallel (partial states combined) gives the same arrays; the dates as a
-- literal, so that the plan is the aggregate's alone
SELECT dates AS dates_literal FROM history_dates \gset
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT freelancer_id, jss_score_history(outcome, weight, ended_at, :'dates_literal')
FROM history_rows GROUP BY freelancer_id;
SELECT count(*) AS freelancers, count(*) FILTER (WHERE p.h::text IS DISTINCT FROM r.h::text) AS differ
FROM history_result r
JOIN (SELECT freelancer_id, jss_score_history(outcome, weight, ended_at, :'dates_literal') AS h
      FROM history_rows GROUP BY freelancer_id) p USING (freelancer_id);
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;

-- any row order, and as a window aggregate over a growing frame
SELECT count(*) FILTER (WHERE o.h::text IS DISTINCT FROM r.h::text) AS reordered_differ
FROM history_result r
JOIN (SELECT freelancer_id, jss_score_history(outcome, weight, ended_at, (SELECT dates FROM history_dates)
                                              ORDER BY hashint4(freelancer_id * 7919 + extract(second FROM ended_at)::int) DESC) AS h
      FROM history_rows GROUP BY freelancer_id) o USING (freelancer_id);
SELECT count(*) AS frames, count(*) FILTER (WHERE w.h::text IS DISTINCT FROM f.h::text) AS differ
FROM (SELECT freelancer_id, ended_at,
             jss_score_history(outcome, weight, ended_at, ARRAY[timestamptz '2026-11-16 00:00+00', '2026-05-31 00:00+00'])
                 OVER (PARTITION BY freelancer_id ORDER BY ended_at) AS h
      FROM history_rows WHERE freelancer_id < 3 AND ended_at IS NOT NULL) w
CROSS JOIN LATERAL (SELECT jss_score_history(outcome, weight, ended_at,
                                             ARRAY[timestamptz '2026-11-16 00:00+00', '2026-05-31 00:00+00']) AS h
                    FROM history_rows r
                    WHERE r.freelancer_id = w.freelancer_id AND r.ended_at <= w.ended_at) f;

-- each group its own dates, from an array built per row (whose memory the
-- next row's reuses): every group's history is still its own
SELECT count(*) AS compared, count(*) FILTER (WHERE h.s IS DISTINCT FROM r.s) AS differ
FROM (SELECT freelancer_id, k, s
      FROM (SELECT freelancer_id,
                   jss_score_history(outcome, weight, ended_at,
                                     ARRAY[timestamptz '2026-01-01 00:00+00' + make_interval(days => freelancer_id),
                                           timestamptz '2026-07-01 00:00+00' - make_interval(days => 3 * freelancer_id)]) AS h
            FROM history_rows GROUP BY freelancer_id) x, unnest(h) WITH ORDINALITY AS u(s, k)) h
JOIN (SELECT freelancer_id, k, jss_score(outcome, weight, ended_at, d) AS s
      FROM history_rows,
           unnest(ARRAY[timestamptz '2026-01-01 00:00+00' + make_interval(days => freelancer_id),
                        timestamptz '2026-07-01 00:00+00' - make_interval(days => 3 * freelancer_id)])
               WITH ORDINALITY AS u(d, k)
      GROUP BY freelancer_id, k) r USING (freelancer_id, k);

-- timestamp (without time zone) forms read as UTC, in any session time zone
SET TimeZone = 'America/St_Johns';
SELECT count(*) FILTER (WHERE t.h::text IS DISTINCT FROM r.h::text) AS timestamp_form_differ
FROM history_result r
JOIN (SELECT freelancer_id,
             jss_score_history(outcome, weight, (ended_at AT TIME ZONE 'UTC'),
                               (SELECT array_agg(d AT TIME ZONE 'UTC' ORDER BY k)
                                FROM unnest((SELECT dates FROM history_dates)) WITH ORDINALITY AS u(d, k))) AS h
      FROM history_rows GROUP BY freelancer_id) t USING (freelancer_id);
SET TimeZone = 'UTC';

-- NULL rules: a NULL as_of array skips the row; no row at all gives NULL;
-- an empty as_of gives an empty array; rows outside every window give NULLs
SELECT jss_score_history(o, 1, t, NULL::timestamptz[]) AS all_null_as_of
FROM (VALUES (1.0::float8, timestamptz '2026-01-01 00:00+00')) v(o, t);
SELECT jss_score_history(o, 1, t, ARRAY[timestamptz '2026-06-01 00:00+00']) AS no_rows
FROM (VALUES (1.0::float8, timestamptz '2026-01-01 00:00+00')) v(o, t) WHERE false;
SELECT jss_score_history(o, 1, t, '{}'::timestamptz[]) AS empty_as_of
FROM (VALUES (1.0::float8, timestamptz '2026-01-01 00:00+00')) v(o, t);
SELECT jss_score_history(o, w, t, ARRAY[timestamptz '2026-06-01 00:00+00', '2030-01-01 00:00+00', '2020-01-01 00:00+00'])
       AS scores
FROM (VALUES (1.0::float8, 1.0::float8, timestamptz '2026-01-01 00:00+00'),
             (0.5, NULL, timestamptz '2026-05-01 00:00+00'),
             (NULL, 1, timestamptz '2026-05-02 00:00+00'),
             (-1, 1, NULL),
             (1, 1, timestamptz '2026-06-01 00:00+00'),      -- at the date: counts
             (-1, 1, timestamptz '2026-06-01 00:00:00.000001+00')) v(o, w, t);  -- after it: does not

-- errors: the same as jss_score's, and as_of must be the same array in
-- every row of a group
SELECT jss_score_history(o, 1, t, ARRAY[timestamptz '2026-06-01 00:00+00'])
FROM (VALUES (1.5::float8, timestamptz '2026-01-01 00:00+00')) v(o, t);
\echo :SQLSTATE
SELECT jss_score_history(1, -1, t, ARRAY[timestamptz '2026-06-01 00:00+00'])
FROM (VALUES (timestamptz '2026-01-01 00:00+00')) v(t);
\echo :SQLSTATE
SELECT jss_score_history(1, 1, 'infinity', ARRAY[timestamptz '2026-06-01 00:00+00']);
\echo :SQLSTATE
SELECT jss_score_history(1, 1, '2026-01-01', ARRAY[timestamptz '2026-06-01 00:00+00', '-infinity']);
\echo :SQLSTATE
SELECT jss_score_history(1, 1, '2026-01-01', '{{2026-06-01 00:00+00}, {2026-07-01 00:00+00}}'::timestamptz[]);
\echo :SQLSTATE
SELECT jss_score_history(1, 1, t, d)
FROM (VALUES (timestamptz '2026-01-01 00:00+00', ARRAY[timestamptz '2026-06-01 00:00+00']),
             ('2026-01-02', ARRAY[timestamptz '2026-06-02 00:00+00'])) v(t, d);
\echo :SQLSTATE
SELECT jss_score_history(1, 1, t, d)
FROM (VALUES (timestamptz '2026-01-01 00:00+00', ARRAY[timestamptz '2026-06-01 00:00+00']),
             ('2026-01-02', ARRAY[timestamptz '2026-06-01 00:00+00', '2026-06-01'])) v(t, d);
\echo :SQLSTATE
-- with two bad arguments, the outcome's error first, as jss_score(..., as_of) reports it
SELECT jss_score_history(2, 1, '2026-01-01', ARRAY[timestamptz 'infinity']);
\echo :SQLSTATE
SELECT jss_score_history(1, 1, t, ARRAY[t + make_interval(days => i)])
FROM (SELECT i, timestamptz '2026-01-01 00:00+00' + make_interval(days => i) AS t FROM generate_series(1, 3) i) v;
\echo :SQLSTATE
-- the same dates as another array value are the same dates
SELECT jss_score_history(1, 1, t, d) AS same_dates_other_array
FROM (VALUES (timestamptz '2026-01-01 00:00+00', ARRAY[timestamptz '2026-06-01 00:00+00']),
             ('2026-01-02', ARRAY[timestamptz '2026-06-01 00:00+00'])) v(t, d);

-- the state is an array of jss_asof_state, as a partial aggregate ships it:
-- it reads back from text, and an element that rows cannot produce is
-- refused on input
SELECT jss_history_final(jss_history_accum(jss_history_accum(NULL, 1, 1, '2026-01-01', ARRAY[timestamptz '2026-06-01 00:00+00']),
                                           0.5, 1, '2026-02-01', ARRAY[timestamptz '2026-06-01 00:00+00'])::text::jss_asof_state[])
       AS from_text;
-- the combine function refuses states for other dates, also called directly
SELECT jss_history_combine(jss_history_accum(NULL, 1, 1, '2026-01-01', ARRAY[timestamptz '2026-06-01 00:00+00']),
                           jss_history_accum(NULL, 1, 1, '2026-01-01', ARRAY[timestamptz '2026-06-01 00:00+00', '2026-07-01']));
\echo :SQLSTATE
SELECT jss_history_combine(jss_history_accum(NULL, 1, 1, '2026-01-01', ARRAY[timestamptz '2026-06-01 00:00+00', '2026-07-01']),
                           jss_history_accum(NULL, 1, 1, '2026-01-01', ARRAY[timestamptz '2026-06-01 00:00+00']));
\echo :SQLSTATE
SELECT jss_history_combine(jss_history_accum(NULL, 1, 1, '2026-01-01', ARRAY[timestamptz '2026-06-01 00:00+00']),
                           jss_history_accum(NULL, 1, 1, '2026-01-01', ARRAY[timestamptz '2026-06-02 00:00+00']));
\echo :SQLSTATE
SELECT jss_history_combine(NULL, ARRAY['v1 n6=1 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=2026-06-01T00:00:00Z']::jss_asof_state[])::text;
\echo :SQLSTATE

DROP TABLE history_rows, history_dates, history_result;
