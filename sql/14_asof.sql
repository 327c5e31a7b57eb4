--
-- The as-of score: jss_score(outcome, weight, ended_at, as_of)
-- is the best of the 3.1 scores of three windows, the rows with
--     as_of - M months <= ended_at <= as_of,   M = 6, 12, 24,
-- month arithmetic on the UTC calendar with PostgreSQL's rules (day of
-- month clamped to the month's end, time of day kept); a window with
-- fewer than 2 rows has no score; NULL when no window has one.  Its state
-- type is jss_asof_state (text and binary forms).
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never
-- the session's zone only changes how timestamps print (and what
-- PostgreSQL's own timestamptz - interval means), except where this suite
-- sets another one on purpose
SET TimeZone = 'UTC';
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

-- windows_of(ended_at, as_of): the windows that hold one row that ended at
-- ended_at, read from the state the transition function builds for it
-- (its text form gives each window's count: n6, n12, n24)
CREATE FUNCTION pg_temp.windows_of(ended_at timestamptz, as_of timestamptz) RETURNS text
LANGUAGE sql AS $$
    SELECT coalesce(nullif(concat_ws(' ',
               CASE WHEN s LIKE '% n6=1 %' THEN '6' END,
               CASE WHEN s LIKE '% n12=1 %' THEN '12' END,
               CASE WHEN s LIKE '% n24=1 %' THEN '24' END), ''), 'none')
    FROM (SELECT jss_asof_accum(NULL, 1, 1, ended_at, as_of)::text AS s) x
$$;

-- the state of the as-of score, as the aggregate builds it (no final function)
CREATE AGGREGATE pg_temp.asof_state(float8, float8, timestamptz, timestamptz) (
    SFUNC = jss_asof_accum,
    STYPE = jss_asof_state,
    COMBINEFUNC = jss_asof_combine
);

--
-- Window edges.  as_of = 2026-06-15 12:00 UTC: each window holds a row
-- exactly M months before as_of and not one a microsecond older; a row at
-- as_of counts, a row a microsecond after it does not; a row older than
-- 24 months is ignored.
--
SELECT label, ended_at, pg_temp.windows_of(ended_at, '2026-06-15 12:00:00+00') AS windows
FROM (VALUES
    ('1 us after as_of',          '2026-06-15 12:00:00.000001+00'::timestamptz),
    ('as_of itself',              '2026-06-15 12:00:00+00'),
    ('6 months before',           '2025-12-15 12:00:00+00'),
    ('6 months and 1 us before',  '2025-12-15 11:59:59.999999+00'),
    ('12 months before',          '2025-06-15 12:00:00+00'),
    ('12 months and 1 us before', '2025-06-15 11:59:59.999999+00'),
    ('24 months before',          '2024-06-15 12:00:00+00'),
    ('24 months and 1 us before', '2024-06-15 11:59:59.999999+00')
) v(label, ended_at);

-- The same edges through the aggregate.  The 06 and 12 groups have two
-- good rows (outcome 1) and three bad ones (outcome -1) that only the next
-- longer window holds: with both good rows inside, the window scores
-- 100*(2+3)/(2+3) = 100; with one of them a microsecond outside, the
-- window has one row (no score) and the next one, with the good and the
-- bad rows, scores 100*(2-3+3)/(5+3) = 25.  The 24 and as_of groups: two
-- rows in a window score 100; fewer than two rows in every window (rows
-- older than 24 months or after as_of are ignored) give NULL.
CREATE TEMP TABLE edges (g text, o float8, t timestamptz);
INSERT INTO edges VALUES
    ('06a: good rows at as_of and at as_of - 6 months', 1, '2026-06-15 12:00:00+00'),
    ('06a: good rows at as_of and at as_of - 6 months', 1, '2025-12-15 12:00:00+00'),
    ('06a: good rows at as_of and at as_of - 6 months', -1, '2025-09-01 00:00:00+00'),
    ('06a: good rows at as_of and at as_of - 6 months', -1, '2025-09-01 00:00:00+00'),
    ('06a: good rows at as_of and at as_of - 6 months', -1, '2025-09-01 00:00:00+00'),
    ('06b: the same, one 1 us before as_of - 6 months', 1, '2026-06-15 12:00:00+00'),
    ('06b: the same, one 1 us before as_of - 6 months', 1, '2025-12-15 11:59:59.999999+00'),
    ('06b: the same, one 1 us before as_of - 6 months', -1, '2025-09-01 00:00:00+00'),
    ('06b: the same, one 1 us before as_of - 6 months', -1, '2025-09-01 00:00:00+00'),
    ('06b: the same, one 1 us before as_of - 6 months', -1, '2025-09-01 00:00:00+00'),
    ('12a: good rows 1 and 12 months before as_of', 1, '2026-05-15 12:00:00+00'),
    ('12a: good rows 1 and 12 months before as_of', 1, '2025-06-15 12:00:00+00'),
    ('12a: good rows 1 and 12 months before as_of', -1, '2025-01-01 00:00:00+00'),
    ('12a: good rows 1 and 12 months before as_of', -1, '2025-01-01 00:00:00+00'),
    ('12a: good rows 1 and 12 months before as_of', -1, '2025-01-01 00:00:00+00'),
    ('12b: the same, one 1 us before as_of - 12 months', 1, '2026-05-15 12:00:00+00'),
    ('12b: the same, one 1 us before as_of - 12 months', 1, '2025-06-15 11:59:59.999999+00'),
    ('12b: the same, one 1 us before as_of - 12 months', -1, '2025-01-01 00:00:00+00'),
    ('12b: the same, one 1 us before as_of - 12 months', -1, '2025-01-01 00:00:00+00'),
    ('12b: the same, one 1 us before as_of - 12 months', -1, '2025-01-01 00:00:00+00'),
    ('24a: good rows 1 and 24 months before as_of', 1, '2026-05-15 12:00:00+00'),
    ('24a: good rows 1 and 24 months before as_of', 1, '2024-06-15 12:00:00+00'),
    ('24b: the same, one 1 us before as_of - 24 months', 1, '2026-05-15 12:00:00+00'),
    ('24b: the same, one 1 us before as_of - 24 months', 1, '2024-06-15 11:59:59.999999+00'),
    ('24b: the same, one 1 us before as_of - 24 months', 1, '2020-01-01 00:00:00+00'),
    ('as_of a: two good rows at as_of', 1, '2026-06-15 12:00:00+00'),
    ('as_of a: two good rows at as_of', 1, '2026-06-15 12:00:00+00'),
    ('as_of b: one at as_of, two 1 us after it', 1, '2026-06-15 12:00:00+00'),
    ('as_of b: one at as_of, two 1 us after it', 1, '2026-06-15 12:00:00.000001+00'),
    ('as_of b: one at as_of, two 1 us after it', 1, '2026-06-15 12:00:00.000001+00');
SELECT g, count(*) AS rows, jss_score(o, 1, t, '2026-06-15 12:00:00+00') AS score
FROM edges GROUP BY g ORDER BY g COLLATE "C";

--
-- Month ends: the window start is as_of's day of month in the month M
-- months earlier, clamped to that month's last day, at as_of's time of day.
-- Each line: the start written out by hand; a row at the start is inside
-- the M-month window, a row a microsecond earlier is not.
--
CREATE FUNCTION pg_temp.in_window(ended_at timestamptz, as_of timestamptz, months int) RETURNS boolean
LANGUAGE sql AS $$
    SELECT jss_asof_accum(NULL, 1, 1, ended_at, as_of)::text LIKE '% n' || months || '=1 %'
$$;
SELECT as_of, months, start,
       pg_temp.in_window(start, as_of, months) AS start_inside,
       pg_temp.in_window(start - interval '1 microsecond', as_of, months) AS earlier_inside
FROM (VALUES
    ('2026-08-31 12:00:00+00'::timestamptz, 6, '2026-02-28 12:00:00+00'::timestamptz),
    ('2026-08-31 12:00:00+00', 12, '2025-08-31 12:00:00+00'),
    ('2026-08-31 12:00:00+00', 24, '2024-08-31 12:00:00+00'),
    ('2024-08-31 12:00:00+00', 6, '2024-02-29 12:00:00+00'),     -- leap year
    ('2024-08-31 12:00:00+00', 12, '2023-08-31 12:00:00+00'),
    ('2024-08-31 12:00:00+00', 24, '2022-08-31 12:00:00+00'),
    ('2024-02-29 06:00:00+00', 12, '2023-02-28 06:00:00+00'),
    ('2024-02-29 06:00:00+00', 24, '2022-02-28 06:00:00+00'),
    ('2026-03-31 00:00:00+00', 6, '2025-09-30 00:00:00+00'),
    ('2026-03-31 00:00:00+00', 12, '2025-03-31 00:00:00+00'),
    ('2026-03-31 23:59:59.5+00', 6, '2025-09-30 23:59:59.5+00'),   -- time of day kept
    ('2026-12-31 18:00:00+00', 6, '2026-06-30 18:00:00+00'),
    ('2026-05-31 00:00:00.000001+00', 6, '2025-11-30 00:00:00.000001+00')
) v(as_of, months, start)
ORDER BY as_of, months;

-- Every day of 2023 to 2028 (all month ends, two leap days), each at its
-- own time of day: the starts agree with PostgreSQL's own
-- as_of - interval 'M months' under TimeZone UTC.  A row at the M-month
-- start is in the M-month window and the longer ones; a row a microsecond
-- earlier only in the longer ones.
CREATE TEMP TABLE sweep AS
SELECT a.as_of, m.months, a.as_of - make_interval(months => m.months) AS start
FROM (SELECT '2023-01-01 00:00:00+00'::timestamptz + d * interval '1 day'
             + ((d * 7919) % 86400) * interval '1 second' + (d % 7) * interval '1 microsecond' AS as_of
      FROM generate_series(0, 2191) d) a,
     (VALUES (6), (12), (24)) m(months);
ALTER TABLE sweep ADD at_start text, ADD before_start text;
UPDATE sweep SET at_start = jss_asof_accum(NULL, 1, 1, start, as_of)::text,
                 before_start = jss_asof_accum(NULL, 1, 1, start - interval '1 microsecond', as_of)::text;
SELECT count(*) AS checks,
       count(DISTINCT as_of) AS as_ofs,
       count(*) FILTER (WHERE pg_temp.windows_of(start, as_of) =
                        CASE months WHEN 6 THEN '6 12 24' WHEN 12 THEN '12 24' ELSE '24' END) AS start_inside,
       count(*) FILTER (WHERE pg_temp.windows_of(start - interval '1 microsecond', as_of) =
                        CASE months WHEN 6 THEN '12 24' WHEN 12 THEN '24' ELSE 'none' END) AS earlier_outside,
       count(*) FILTER (WHERE extract(day FROM start) < extract(day FROM as_of)) AS clamped
FROM sweep;

-- Far from PostgreSQL's range: the window starts precede the earliest
-- timestamptz; rows at the earliest and latest timestamptz count.
SELECT pg_temp.windows_of('4714-11-24 00:00:00+00 BC', '4714-12-01 00:00:00+00 BC') AS earliest,
       pg_temp.windows_of('294276-06-30 23:59:59.999999+00', '294276-12-31 23:59:59.999999+00') AS latest_6,
       pg_temp.windows_of('294276-06-30 23:59:59.999998+00', '294276-12-31 23:59:59.999999+00') AS latest_12;

--
-- The months are UTC months whatever the session's TimeZone.
--
-- Kiritimati (UTC+14): as_of 2026-08-30 12:00 UTC is 2026-08-31 02:00
-- there, and the local calendar's 6 months earlier is 2026-02-28 02:00+14,
-- i.e. 2026-02-27 12:00 UTC; the UTC calendar's is 2026-02-28 12:00 UTC.
SET TimeZone = 'Pacific/Kiritimati';
SELECT ('2026-08-30 12:00:00+00'::timestamptz - interval '6 months') AT TIME ZONE 'UTC' AS local_calendar_start_utc,
       pg_temp.windows_of('2026-02-28 12:00:00+00', '2026-08-30 12:00:00+00') AS at_utc_start,
       pg_temp.windows_of('2026-02-28 11:59:59.999999+00', '2026-08-30 12:00:00+00') AS just_before,
       pg_temp.windows_of('2026-02-27 12:00:00+00', '2026-08-30 12:00:00+00') AS at_local_start;
-- Los Angeles: as_of 2026-09-01 03:00 UTC is 2026-08-31 20:00 PDT, and the
-- local calendar's 6 months earlier is 2026-02-28 20:00 PST, i.e.
-- 2026-03-01 04:00 UTC; the UTC calendar's is 2026-03-01 03:00 UTC.
SET TimeZone = 'America/Los_Angeles';
SELECT ('2026-09-01 03:00:00+00'::timestamptz - interval '6 months') AT TIME ZONE 'UTC' AS local_calendar_start_utc,
       pg_temp.windows_of('2026-03-01 03:00:00+00', '2026-09-01 03:00:00+00') AS at_utc_start,
       pg_temp.windows_of('2026-03-01 02:59:59.999999+00', '2026-09-01 03:00:00+00') AS just_before;
-- and the whole sweep gives the same states (their text is in UTC) under
-- both zones as under UTC
SELECT count(*) AS checks,
       bool_and(at_start = jss_asof_accum(NULL, 1, 1, start, as_of)::text AND
                before_start = jss_asof_accum(NULL, 1, 1, start - interval '1 microsecond', as_of)::text)
           AS same_as_utc
FROM sweep;
SET TimeZone = 'Pacific/Kiritimati';
SELECT count(*) AS checks,
       bool_and(at_start = jss_asof_accum(NULL, 1, 1, start, as_of)::text AND
                before_start = jss_asof_accum(NULL, 1, 1, start - interval '1 microsecond', as_of)::text)
           AS same_as_utc
FROM sweep;
SET TimeZone = 'UTC';

--
-- The best window wins.  as_of = 2026-06-30 00:00 UTC; scores by hand
-- (K = 3, m = 1; score = 100 * (N + 3) / (W + 3), clamped to [0, 100]).
--
CREATE TEMP TABLE best (f text, o float8, w float8, t timestamptz);
-- bad recent 6 months, good 24 months:
--   6 and 12: {-1, -1}: 100*(-2+3)/(2+3) = 20
--   24: ten 1s more: 100*(8+3)/(12+3) = 73.33...  -> 73.33...
INSERT INTO best SELECT 'bad recent', -1, 1, '2026-05-01 00:00+00' FROM generate_series(1, 2);
INSERT INTO best SELECT 'bad recent', 1, 1, '2025-06-01 00:00+00'::timestamptz - i * interval '1 month'
FROM generate_series(1, 10) i;
-- good recent 6 months, bad 24 months:
--   6: {1, 1, 1}: 100;  24: ten -1s more: 100*(3-10+3)/(13+3) < 0 -> 0  -> 100
INSERT INTO best SELECT 'good recent', 1, 1, '2026-04-01 00:00+00' FROM generate_series(1, 3);
INSERT INTO best SELECT 'good recent', -1, 1, '2025-06-01 00:00+00'::timestamptz - i * interval '1 month'
FROM generate_series(1, 10) i;
-- one contract in 6 months (no 6-month score, though it is perfect):
--   12: {1, 0.5, 0.5, 0.5}: 100*(2.5+3)/(4+3) = 78.571428...
--   24: four -1s more: 100*(-1.5+3)/(8+3) = 13.63...  -> 78.571428...
INSERT INTO best VALUES ('one recent', 1, 1, '2026-06-29 00:00+00');
INSERT INTO best SELECT 'one recent', 0.5, 1, '2025-10-01 00:00+00' FROM generate_series(1, 3);
INSERT INTO best SELECT 'one recent', -1, 1, '2024-12-01 00:00+00' FROM generate_series(1, 4);
-- weights decide: 6: {1 w1, -1 w3}: 100*(-2+3)/(4+3) = 14.28...;
--   24: {1 w10} more: 100*(8+3)/(14+3) = 64.70588...  -> 64.70588...
INSERT INTO best VALUES ('weighted', 1, 1, '2026-06-01 00:00+00'), ('weighted', -1, 3, '2026-06-02 00:00+00'),
                        ('weighted', 1, 10, '2024-08-01 00:00+00');
-- fewer than 2 rows in every window: one recent row; the others are older
-- than 24 months or after as_of  -> NULL
INSERT INTO best VALUES ('too few', 1, 1, '2026-06-01 00:00+00'),
    ('too few', 1, 1, '2024-06-29 23:59:59.999999+00'), ('too few', 1, 1, '2020-01-01 00:00+00'),
    ('too few', 1, 1, '2026-06-30 00:00:00.000001+00'), ('too few', 1, 1, '2027-01-01 00:00+00');
SELECT f,
       jss_score(o, w, t, '2026-06-30 00:00+00') AS score,
       jss_score(o, w) FILTER (WHERE t >= '2025-12-30 00:00+00' AND t <= '2026-06-30 00:00+00') AS score_6,
       jss_score(o, w) FILTER (WHERE t >= '2025-06-30 00:00+00' AND t <= '2026-06-30 00:00+00') AS score_12,
       jss_score(o, w) FILTER (WHERE t >= '2024-06-30 00:00+00' AND t <= '2026-06-30 00:00+00') AS score_24
FROM best GROUP BY f ORDER BY f COLLATE "C";

--
-- The as-of score equals the best of the three 3.1 scores computed with
-- PostgreSQL's own as_of - interval under TimeZone UTC, over 240
-- generated freelancers: as_of at various days and times (many at month
-- ends), rows over three years before as_of and some after it, rows
-- exactly at each window start and a microsecond before it, NULL
-- outcomes, weights, ended_at and as_of, zero weights.
--
CREATE TEMP TABLE hist AS
SELECT f, i,
       CASE WHEN i % 17 = 0 THEN NULL
            WHEN i % 11 = 0 THEN -1
            ELSE ((hashint4(f * 1000 + i) % 1001) / 1000.0)::float8 END AS o,
       CASE WHEN i % 13 = 0 THEN NULL
            WHEN i % 29 = 0 THEN 0
            ELSE ((hashint4(f * 1000 + i + 1) & 65535) / 64.0)::float8 END AS w,
       CASE WHEN i % 19 = 0 THEN NULL
            WHEN i <= 6 THEN a.as_of - make_interval(months => (ARRAY[6, 6, 12, 12, 24, 24])[i])
                             - (i % 2) * interval '1 microsecond'
            ELSE a.as_of - ((hashint4(f * 1000 + i + 2) & 1048575) % 1130 - 30) * interval '1 day'
                         - ((hashint4(f * 1000 + i + 3) & 1048575) % 86400) * interval '1 second' END AS t,
       CASE WHEN i % 23 = 0 THEN NULL ELSE a.as_of END AS as_of
FROM (SELECT f, '2023-01-31 18:30:00+00'::timestamptz + (f % 48) * interval '1 month'
                + (f / 48) * interval '1 day' + (f % 5) * interval '7 hours' AS as_of
      FROM generate_series(1, 240) f) a
CROSS JOIN LATERAL generate_series(1, 1 + (hashint4(f) & 1048575) % 80) i;
SELECT count(*) AS rows, count(DISTINCT f) AS freelancers,
       count(*) FILTER (WHERE o IS NULL) AS null_o, count(*) FILTER (WHERE w IS NULL) AS null_w,
       count(*) FILTER (WHERE t IS NULL) AS null_t, count(*) FILTER (WHERE as_of IS NULL) AS null_as_of,
       count(*) FILTER (WHERE t > as_of) AS after_as_of,
       count(*) FILTER (WHERE t < as_of - interval '24 months') AS older_than_24
FROM hist;
CREATE TEMP TABLE hist_scores AS
SELECT f,
       jss_score(o, w, t, as_of) AS asof,
       greatest(jss_score(o, w) FILTER (WHERE t BETWEEN as_of - interval '6 months' AND as_of),
                jss_score(o, w) FILTER (WHERE t BETWEEN as_of - interval '12 months' AND as_of),
                jss_score(o, w) FILTER (WHERE t BETWEEN as_of - interval '24 months' AND as_of)) AS by_hand,
       jss_score(o, w) FILTER (WHERE t BETWEEN as_of - interval '6 months' AND as_of) AS s6,
       jss_score(o, w) FILTER (WHERE t BETWEEN as_of - interval '24 months' AND as_of) AS s24
FROM hist GROUP BY f;
SELECT count(*) AS freelancers,
       count(*) FILTER (WHERE asof::text IS NOT DISTINCT FROM by_hand::text) AS same_bits,
       count(*) FILTER (WHERE asof IS NULL AND by_hand IS NULL) AS both_null,
       count(*) FILTER (WHERE asof IS NOT NULL AND asof = s6 AND s6 > s24) AS won_by_6,
       count(*) FILTER (WHERE asof IS NOT NULL AND asof = s24 AND (s6 IS NULL OR s24 > s6)) AS won_by_24
FROM hist_scores;

--
-- NULL rules: a NULL outcome, ended_at or as_of skips the row; a NULL
-- weight counts as 1; an empty group is NULL.  as_of = 2026-06-30.
--
SELECT jss_score(o, w, t, a) IS NULL AS "NULL outcome not counted: one row left"
FROM (VALUES (1::float8, 1::float8, '2026-06-01 00:00+00'::timestamptz, '2026-06-30 00:00+00'::timestamptz),
             (NULL, 1, '2026-06-02 00:00+00', '2026-06-30 00:00+00')) v(o, w, t, a);
SELECT jss_score(o, w, t, a) AS "NULL outcome skipped: {-1, -1}"        -- 100*(-2+3)/(2+3) = 20
FROM (VALUES (-1::float8, 1::float8, '2026-06-01 00:00+00'::timestamptz, '2026-06-30 00:00+00'::timestamptz),
             (NULL, 5, '2026-06-02 00:00+00', '2026-06-30 00:00+00'),
             (-1, 1, '2026-06-03 00:00+00', '2026-06-30 00:00+00')) v(o, w, t, a);
SELECT jss_score(o, w, t, a) AS "NULL weight is 1: {-1 w1, 1 w3}"       -- 100*(2+3)/(4+3) = 71.428...
FROM (VALUES (-1::float8, NULL::float8, '2026-06-01 00:00+00'::timestamptz, '2026-06-30 00:00+00'::timestamptz),
             (1, 3, '2026-06-02 00:00+00', '2026-06-30 00:00+00')) v(o, w, t, a);
SELECT jss_score(o, w, t, a) IS NULL AS "NULL ended_at skipped: one row left"
FROM (VALUES (1::float8, 1::float8, '2026-06-01 00:00+00'::timestamptz, '2026-06-30 00:00+00'::timestamptz),
             (1, 1, NULL, '2026-06-30 00:00+00')) v(o, w, t, a);
SELECT jss_score(o, w, t, a) IS NULL AS "NULL as_of skipped: one row left"
FROM (VALUES (1::float8, 1::float8, '2026-06-01 00:00+00'::timestamptz, '2026-06-30 00:00+00'::timestamptz),
             (1, 1, '2026-06-02 00:00+00', NULL)) v(o, w, t, a);
SELECT jss_score(o, w, t, a) AS "NULL as_of skipped, not a conflict: {1, 1}"
FROM (VALUES (1::float8, 1::float8, '2026-06-01 00:00+00'::timestamptz, '2026-06-30 00:00+00'::timestamptz),
             (-1, 1, '2026-06-02 00:00+00', NULL),
             (1, 1, '2026-06-03 00:00+00', '2026-06-30 00:00+00')) v(o, w, t, a);
SELECT jss_score(o, w, t, a) IS NULL AS "empty group"
FROM (VALUES (1::float8, 1::float8, '2026-06-01 00:00+00'::timestamptz, '2026-06-30 00:00+00'::timestamptz)) v(o, w, t, a)
WHERE false;
SELECT jss_score(o, w, t, a) IS NULL AS "every row skipped"
FROM (VALUES (NULL::float8, 1::float8, '2026-06-01 00:00+00'::timestamptz, '2026-06-30 00:00+00'::timestamptz),
             (1, 1, NULL, '2026-06-30 00:00+00'), (1, 1, '2026-06-01 00:00+00', NULL)) v(o, w, t, a);
-- the transition function leaves a NULL state NULL for a skipped row
SELECT jss_asof_accum(NULL, NULL, 1, '2026-06-01 00:00+00', '2026-06-30 00:00+00') IS NULL AS null_outcome,
       jss_asof_accum(NULL, 1, 1, NULL, '2026-06-30 00:00+00') IS NULL AS null_ended_at,
       jss_asof_accum(NULL, 1, 1, '2026-06-01 00:00+00', NULL) IS NULL AS null_as_of;

--
-- Errors
--
CREATE TEMP TABLE err (o float8, w float8, t timestamptz, a timestamptz);
INSERT INTO err VALUES (0.5, 1, '2026-01-01 00:00+00', '2026-06-30 00:00+00'),
                       (0.5, 1, '2026-02-01 00:00+00', '2026-06-30 00:00+00');
SELECT q AS query, pg_temp.sqlstate_of(q) AS sqlstate
FROM (VALUES
    ($$SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1, '2026-03-01 00:00+00', '2026-07-01 00:00+00') x$$),
    ($$SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1, '2010-01-01 00:00+00', '2026-06-30 00:00:00.000001+00') x$$),
    ($$SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1, '2026-03-01 00:00+00', 'infinity') x$$),
    ($$SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1, '2026-03-01 00:00+00', '-infinity') x$$),
    ($$SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1, 'infinity', '2026-06-30 00:00+00') x$$),
    ($$SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1, '-infinity', '2026-06-30 00:00+00') x$$),
    ($$SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1.5, 1, '2026-03-01 00:00+00', '2026-06-30 00:00+00') x$$),
    ($$SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT -1.000001, 1, '2026-03-01 00:00+00', '2026-06-30 00:00+00') x$$),
    ($$SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 'NaN', 1, '2026-03-01 00:00+00', '2026-06-30 00:00+00') x$$),
    ($$SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT '-Infinity', 1, '2026-03-01 00:00+00', '2026-06-30 00:00+00') x$$),
    ($$SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, -0.5, '2026-03-01 00:00+00', '2026-06-30 00:00+00') x$$),
    ($$SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 'NaN', '2026-03-01 00:00+00', '2026-06-30 00:00+00') x$$),
    ($$SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1000001, '2026-03-01 00:00+00', '2026-06-30 00:00+00') x$$),
    ($$SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1000000, '2026-03-01 00:00+00', '2026-06-30 00:00+00') x$$)
) v(q);
-- error
SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1, '2026-03-01 00:00+00', '2026-07-01 00:00+00') x;
-- error (a row outside every window still gives its as_of)
SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1, '2010-01-01 00:00+00', '2026-06-30 00:00:00.000001+00') x;
-- error
SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1, '2026-03-01 00:00+00', 'infinity') x;
-- error
SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1, '2026-03-01 00:00+00', '-infinity') x;
-- error
SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1, 'infinity', '2026-06-30 00:00+00') x;
-- error
SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1, '-infinity', '2026-06-30 00:00+00') x;
-- error
SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1.5, 1, '2026-03-01 00:00+00', '2026-06-30 00:00+00') x;
-- error
SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT -1.000001, 1, '2026-03-01 00:00+00', '2026-06-30 00:00+00') x;
-- error
SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 'NaN', 1, '2026-03-01 00:00+00', '2026-06-30 00:00+00') x;
-- error
SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT '-Infinity', 1, '2026-03-01 00:00+00', '2026-06-30 00:00+00') x;
-- error
SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, -0.5, '2026-03-01 00:00+00', '2026-06-30 00:00+00') x;
-- error
SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 'NaN', '2026-03-01 00:00+00', '2026-06-30 00:00+00') x;
-- error
SELECT jss_score(o, w, t, a) FROM (SELECT * FROM err UNION ALL SELECT 1, 1000001, '2026-03-01 00:00+00', '2026-06-30 00:00+00') x;
-- the largest weight is fine: 100*(1e6 + 1 + 3)/(1e6 + 2 + 3)
SELECT jss_score(o, w, t, a) AS largest_weight
FROM (SELECT * FROM err UNION ALL SELECT 1, 1000000, '2026-03-01 00:00+00', '2026-06-30 00:00+00') x;

--
-- Serial = forced parallel, bit for bit, over 240,000 rows: by a key with
-- 100 groups (one as_of for all, and one as_of per group) and over the
-- whole table.  (A regular table: parallel workers cannot read temporary
-- ones.)
--
SET client_min_messages = warning;
DROP TABLE IF EXISTS jss_asof_big;
RESET client_min_messages;
CREATE TABLE jss_asof_big AS
SELECT i % 100 AS k,
       CASE WHEN i % 101 = 0 THEN NULL ELSE ((hashint4(i) % 1001) / 1000.0)::float8 END AS o,
       CASE WHEN i % 103 = 0 THEN NULL ELSE ((hashint4(i + 1) & 1048575) / 1024.0)::float8 END AS w,
       '2026-06-30 00:00+00'::timestamptz - ((hashint4(i + 2) & 1048575) % 1000) * interval '1 day'
           + (i % 1440) * interval '1 minute' AS t
FROM generate_series(1, 240000) i;
ANALYZE jss_asof_big;

-- does the plan of query contain pattern?
CREATE FUNCTION pg_temp.plan_has(query text, pattern text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
        IF line LIKE '%' || pattern || '%' THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END
$$;

SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_by_key AS
SELECT k, jss_score(o, w, t, '2026-06-30 00:00+00') AS s1,
       jss_score(o, w, t, '2026-01-31 12:00+00'::timestamptz + k * interval '1 month') AS s2
FROM jss_asof_big GROUP BY k;
CREATE TEMP TABLE serial_all AS
SELECT jss_score(o, w, t, '2026-06-30 00:00+00') AS s FROM jss_asof_big;
SELECT pg_temp.plan_has($$SELECT k, jss_score(o, w, t, '2026-06-30 00:00+00') FROM jss_asof_big GROUP BY k$$,
                'Partial %Aggregate') AS serial_plan_partial;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
-- (grouped, the partial step is a Partial HashAggregate or GroupAggregate)
SELECT pg_temp.plan_has($$SELECT k, jss_score(o, w, t, '2026-06-30 00:00+00') FROM jss_asof_big GROUP BY k$$,
                'Partial %Aggregate') AS by_key_partial,
       pg_temp.plan_has($$SELECT k, jss_score(o, w, t, '2026-06-30 00:00+00') FROM jss_asof_big GROUP BY k$$,
                'Gather') AS by_key_gather,
       pg_temp.plan_has($$SELECT jss_score(o, w, t, '2026-06-30 00:00+00') FROM jss_asof_big$$,
                'Partial Aggregate') AS all_partial;
CREATE TEMP TABLE parallel_by_key AS
SELECT k, jss_score(o, w, t, '2026-06-30 00:00+00') AS s1,
       jss_score(o, w, t, '2026-01-31 12:00+00'::timestamptz + k * interval '1 month') AS s2
FROM jss_asof_big GROUP BY k;
CREATE TEMP TABLE parallel_all AS
SELECT jss_score(o, w, t, '2026-06-30 00:00+00') AS s FROM jss_asof_big;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT count(*) AS groups,
       bool_and(a.s1::text = b.s1::text) AS same_by_key,
       bool_and(a.s2::text = b.s2::text) AS same_by_key_own_as_of,
       count(DISTINCT a.s1) > 50 AS scores_vary
FROM serial_by_key a JOIN parallel_by_key b USING (k);
SELECT a.s::text = b.s::text AS same_whole_table, a.s IS NOT NULL AS defined
FROM serial_all a, parallel_all b;
-- a group may also mix as_of values it never sees together: the error
-- comes from the transition or from the combine function
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT pg_temp.sqlstate_of($$SELECT jss_score(o, w, t, CASE WHEN o IS NOT NULL AND k = 99 AND t > '2026-06-01'
                                               THEN '2026-07-01 00:00+00'::timestamptz
                                               ELSE '2026-06-30 00:00+00' END) FROM jss_asof_big$$) AS parallel_mixed_as_of;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE jss_asof_big;

--
-- Order does not matter
--
SELECT count(*) AS freelancers,
       bool_and(a.s::text IS NOT DISTINCT FROM b.s::text AND a.s::text IS NOT DISTINCT FROM c.s::text) AS same_bits
FROM (SELECT f, jss_score(o, w, t, as_of) AS s FROM hist GROUP BY f) a
JOIN (SELECT f, jss_score(o, w, t, as_of ORDER BY random()) AS s FROM hist GROUP BY f) b USING (f)
JOIN (SELECT f, jss_score(o, w, t, as_of ORDER BY t DESC, o) AS s FROM hist GROUP BY f) c USING (f);

--
-- As a window aggregate (every aggregate works over any frame; the
-- as-of score has no moving mode, so PostgreSQL recomputes a frame whose
-- head moves, and calls the final function again on a growing state), it
-- equals the plain aggregate over the rows of the frame
--
CREATE TEMP TABLE hist_n AS
SELECT *, row_number() OVER (PARTITION BY f ORDER BY t, i) AS rn FROM hist;
CREATE INDEX ON hist_n (f, rn);
ANALYZE hist_n;
SELECT count(*) AS rows,
       count(*) FILTER (WHERE NOT (x.sliding IS NOT DISTINCT FROM s.score AND
                                   x.running IS NOT DISTINCT FROM r.score)) AS mismatches,
       count(x.sliding) AS sliding_scores, count(x.running) AS running_scores
FROM (SELECT f, rn,
             jss_score(o, w, t, as_of) OVER (PARTITION BY f ORDER BY rn ROWS BETWEEN 20 PRECEDING AND CURRENT ROW) AS sliding,
             jss_score(o, w, t, as_of) OVER (PARTITION BY f ORDER BY rn) AS running
      FROM hist_n) x
CROSS JOIN LATERAL (SELECT jss_score(o, w, t, as_of) AS score FROM hist_n h
                    WHERE h.f = x.f AND h.rn BETWEEN x.rn - 20 AND x.rn) s
CROSS JOIN LATERAL (SELECT jss_score(o, w, t, as_of) AS score FROM hist_n h
                    WHERE h.f = x.f AND h.rn <= x.rn) r;

--
-- jss_asof_state, text form:
--   v1 as_of=<UTC time or none> n6=.. w6=.. wo6=.. n12=.. w12=.. wo12=.. n24=.. w24=.. wo24=..
-- n: rows, w: weight sum in units of 2^-32, wo: sum of w*o in units of 2^-64.
--
-- Three rows for as_of 2026-06-01: 0.5 w1 on 2026-01-01 (all windows),
-- -1 w2.5 on 2025-01-01 (24 only), 0.25 wNULL = 1 on 2025-06-01 (12, 24):
--   n6 = 1, w6 = 2^32, wo6 = 0.5*2^64
--   n12 = 2, w12 = 2*2^32, wo12 = 0.75*2^64
--   n24 = 3, w24 = 4.5*2^32, wo24 = (0.5 - 2.5 + 0.25)*2^64 = -1.75*2^64
CREATE TEMP TABLE st AS
SELECT jss_asof_accum(jss_asof_accum(jss_asof_accum(NULL,
           0.5, 1, '2026-01-01 00:00+00', '2026-06-01 00:00+00'),
           -1, 2.5, '2025-01-01 00:00+00', '2026-06-01 00:00+00'),
           0.25, NULL, '2025-06-01 00:00+00', '2026-06-01 00:00+00') AS s;
SELECT s FROM st;
SELECT (0.5 * 2::numeric ^ 64)::numeric(40) AS "0.5*2^64", (0.75 * 2::numeric ^ 64)::numeric(40) AS "0.75*2^64",
       (4.5 * 2::numeric ^ 32)::numeric(40) AS "4.5*2^32", (-1.75 * 2::numeric ^ 64)::numeric(40) AS "-1.75*2^64";
-- round trip, and the score: 12: 100*(0.75+3)/(2+3) = 75; 24: 100*(-1.75+3)/(4.5+3) = 16.66...
SELECT s::text::jss_asof_state::text = s::text AS round_trip, jss_asof_final(s) AS score,
       jss_asof_final(s::text::jss_asof_state) AS score_after_round_trip
FROM st;
-- more states: empty, out of every window, extreme and fractional as_of
SELECT v::jss_asof_state::text = v AS round_trip, v
FROM (VALUES
    ('v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=none'),
    ('v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=2026-06-01T00:00:00Z'),
    ('v1 n6=1 w6=4294967296 wo6=-18446744073709551616 n12=1 w12=4294967296 wo12=-18446744073709551616 n24=1 w24=4294967296 wo24=-18446744073709551616 as_of=-4713-11-24T00:00:00Z'),
    ('v1 n6=2 w6=0 wo6=0 n12=2 w12=0 wo12=0 n24=2 w24=0 wo24=0 as_of=294276-12-31T23:59:59.999999Z'),
    ('v1 n6=0 w6=0 wo6=0 n12=1099511627776 w12=4722366482869645213696000000 wo12=-20282409603651670423947251286016000000 n24=1099511627776 w24=4722366482869645213696000000 wo24=-20282409603651670423947251286016000000 as_of=2026-06-01T12:34:56.000789Z')
) x(v);
-- the text form reads leniently around it (blanks), strictly inside
SELECT ('  v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=2026-06-01T00:00:00Z  ')::jss_asof_state AS blanks_trimmed;
-- a state built by the aggregate round-trips, and its final value is the
-- aggregate's, for every freelancer of hist; combining the states of two
-- halves of the rows gives the state of all of them
CREATE TEMP TABLE hist_states AS
SELECT f, pg_temp.asof_state(o, w, t, as_of) AS s,
       pg_temp.asof_state(o, w, t, as_of) FILTER (WHERE i % 2 = 0) AS even,
       pg_temp.asof_state(o, w, t, as_of) FILTER (WHERE i % 2 = 1) AS odd,
       jss_score(o, w, t, as_of) AS score
FROM hist GROUP BY f;
SELECT count(*) AS states,
       bool_and(s::text::jss_asof_state::text = s::text) AS round_trip,
       bool_and(jss_asof_final(s) IS NOT DISTINCT FROM score) AS final_is_score,
       bool_and(jss_asof_combine(even, odd)::text = s::text) AS halves_combine,
       bool_and(jss_asof_combine(odd, even)::text = s::text) AS either_order
FROM hist_states;
-- NULL and empty states are skipped by the combine function
SELECT jss_asof_combine(NULL, s)::text = s::text AS null_left,
       jss_asof_combine(s, NULL)::text = s::text AS null_right,
       jss_asof_combine(s, 'v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=none')::text = s::text AS empty_right,
       jss_asof_combine('v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=none', s)::text = s::text AS empty_left,
       jss_asof_combine(NULL::jss_asof_state, NULL) IS NULL AS both_null
FROM st;
-- combining states of different as_of: 22023
SELECT pg_temp.sqlstate_of($$SELECT jss_asof_combine(s, jss_asof_accum(NULL, 1, 1, '2026-01-01 00:00+00', '2026-06-02 00:00+00')) FROM st$$) AS combine_other_as_of;
-- error
SELECT jss_asof_combine(s, jss_asof_accum(NULL, 1, 1, '2026-01-01 00:00+00', '2026-06-02 00:00+00')) FROM st;
-- and adding a row of another as_of to a state: 22023
-- error
SELECT jss_asof_accum(s, 1, 1, '2026-01-01 00:00+00', '2026-06-02 00:00+00') FROM st;

--
-- Malformed text: 22P02
--
SELECT v AS input, pg_temp.sqlstate_of(format('SELECT %L::jss_asof_state', v)) AS sqlstate
FROM (VALUES
    ('garbage'),
    (''),
    ('v2 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=none'),
    ('v0 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=none'),
    ('v1 as_of=2026-06-01T00:00:00Z n6=1 w6=4294967296'),
    ('v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=2026-06-01T00:00:00Z extra'),
    ('v1 n6=1 w6=4294967296 wo6=0 n12=1 w12=4294967296 wo12=0 n24=1 w24=4294967296 wo24=0 as_of=none'),
    ('v1 n6=2 w6=0 wo6=0 n12=1 w12=0 wo12=0 n24=2 w24=0 wo24=0 as_of=2026-06-01T00:00:00Z'),
    ('v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=1099511627777 w24=0 wo24=0 as_of=2026-06-01T00:00:00Z'),
    ('v1 n6=-1 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=2026-06-01T00:00:00Z'),
    ('v1 n6=1 w6=4294967296000001 wo6=0 n12=1 w12=4294967296000001 wo12=0 n24=1 w24=4294967296000001 wo24=0 as_of=2026-06-01T00:00:00Z'),
    ('v1 n6=1 w6=4294967296 wo6=18446744073709551617 n12=1 w12=4294967296 wo12=0 n24=1 w24=4294967296 wo24=0 as_of=2026-06-01T00:00:00Z'),
    ('v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=2026-02-30T00:00:00Z'),
    ('v1 as_of=2026-06-01 00:00:00+00 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0'),
    ('v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=-4713-11-23T23:59:59.999999Z'),
    ('v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=294277-01-01T00:00:00Z'),
    ('v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=2026-06-01T00:00:00.1234567Z'),
    ('v1 as_of=2026-06-01T00:00:00Z n12=0 w12=0 wo12=0 n6=0 w6=0 wo6=0 n24=0 w24=0 wo24=0')
) x(v);
-- error
SELECT 'garbage'::jss_asof_state;
-- error
SELECT ''::jss_asof_state;
-- error
SELECT 'v2 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=none'::jss_asof_state;
-- error
SELECT 'v0 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=none'::jss_asof_state;
-- error
SELECT 'v1 as_of=2026-06-01T00:00:00Z n6=1 w6=4294967296'::jss_asof_state;
-- error
SELECT 'v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=2026-06-01T00:00:00Z extra'::jss_asof_state;
-- error
SELECT 'v1 n6=1 w6=4294967296 wo6=0 n12=1 w12=4294967296 wo12=0 n24=1 w24=4294967296 wo24=0 as_of=none'::jss_asof_state;
-- error
SELECT 'v1 n6=2 w6=0 wo6=0 n12=1 w12=0 wo12=0 n24=2 w24=0 wo24=0 as_of=2026-06-01T00:00:00Z'::jss_asof_state;
-- error
SELECT 'v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=1099511627777 w24=0 wo24=0 as_of=2026-06-01T00:00:00Z'::jss_asof_state;
-- error
SELECT 'v1 n6=-1 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=2026-06-01T00:00:00Z'::jss_asof_state;
-- error
SELECT 'v1 n6=1 w6=4294967296000001 wo6=0 n12=1 w12=4294967296000001 wo12=0 n24=1 w24=4294967296000001 wo24=0 as_of=2026-06-01T00:00:00Z'::jss_asof_state;
-- error
SELECT 'v1 n6=1 w6=4294967296 wo6=18446744073709551617 n12=1 w12=4294967296 wo12=0 n24=1 w24=4294967296 wo24=0 as_of=2026-06-01T00:00:00Z'::jss_asof_state;
-- error
SELECT 'v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=2026-02-30T00:00:00Z'::jss_asof_state;
-- error
SELECT 'v1 as_of=2026-06-01 00:00:00+00 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0'::jss_asof_state;
-- error
SELECT 'v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=-4713-11-23T23:59:59.999999Z'::jss_asof_state;
-- error
SELECT 'v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=294277-01-01T00:00:00Z'::jss_asof_state;
-- error
SELECT 'v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=2026-06-01T00:00:00.1234567Z'::jss_asof_state;
-- error
SELECT 'v1 as_of=2026-06-01T00:00:00Z n12=0 w12=0 wo12=0 n6=0 w6=0 wo6=0 n24=0 w24=0 wo24=0'::jss_asof_state;

--
-- Binary form: network byte order, uint16 version 1, uint16 flags
-- (1: as_of present), int64 as_of (microseconds since 2000-01-01 UTC),
-- then per window int64 n, int128 w, int128 wo.  For the state st:
-- as_of 2026-06-01 = day 9648 = 833587200000000 us = 0x0002f624a4f20000.
--
SELECT length(jss_asof_state_send(s)) AS bytes, jss_asof_state_send(s) AS binary FROM st;
-- round trip through COPY (FORMAT binary), a file and back into a table
CREATE TEMP TABLE states_out AS
SELECT f AS id, s FROM hist_states
UNION ALL SELECT -1, s FROM st
UNION ALL SELECT -2, 'v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=none'
UNION ALL SELECT -3, 'v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=-4713-11-24T00:00:00Z'
UNION ALL SELECT -4, 'v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=294276-12-31T23:59:59.999999Z';
COPY states_out TO '/tmp/jss_regress_asof_states.bin' (FORMAT binary);
CREATE TEMP TABLE states_in (id int, s jss_asof_state);
COPY states_in FROM '/tmp/jss_regress_asof_states.bin' (FORMAT binary);
SELECT count(*) AS states, bool_and(a.s::text = b.s::text) AS same_text,
       bool_and(jss_asof_final(a.s) IS NOT DISTINCT FROM jss_asof_final(b.s)) AS same_score
FROM states_out a JOIN states_in b USING (id);
-- malformed binary input: 22P03 (bytea values in a binary COPY file have
-- the framing of any value, so they are read back as jss_asof_state)
CREATE TEMP TABLE bad_binary (b bytea);
INSERT INTO bad_binary SELECT substr(jss_asof_state_send(s), 1, 131) FROM st;
COPY bad_binary TO '/tmp/jss_regress_asof_bad1.bin' (FORMAT binary);
TRUNCATE bad_binary;
INSERT INTO bad_binary SELECT overlay(jss_asof_state_send(s) PLACING '\x0002' FROM 1) FROM st;
COPY bad_binary TO '/tmp/jss_regress_asof_bad2.bin' (FORMAT binary);
TRUNCATE bad_binary;
INSERT INTO bad_binary SELECT overlay(jss_asof_state_send(s) PLACING '\x0000' FROM 3) FROM st;
COPY bad_binary TO '/tmp/jss_regress_asof_bad3.bin' (FORMAT binary);
TRUNCATE bad_binary;
INSERT INTO bad_binary SELECT jss_asof_state_send(s) FROM st;
COPY bad_binary TO '/tmp/jss_regress_asof_good.bin' (FORMAT binary);
CREATE TEMP TABLE binary_in (s jss_asof_state);
SELECT f AS file, pg_temp.sqlstate_of(format('COPY binary_in FROM %L (FORMAT binary)', f)) AS sqlstate
FROM (VALUES ('/tmp/jss_regress_asof_bad1.bin'), ('/tmp/jss_regress_asof_bad2.bin'),
             ('/tmp/jss_regress_asof_bad3.bin'), ('/tmp/jss_regress_asof_good.bin')) v(f);
-- error (one byte short)
COPY binary_in FROM '/tmp/jss_regress_asof_bad1.bin' (FORMAT binary);
-- error (version 2)
COPY binary_in FROM '/tmp/jss_regress_asof_bad2.bin' (FORMAT binary);
-- error (no as_of flag, but an as_of and sums)
COPY binary_in FROM '/tmp/jss_regress_asof_bad3.bin' (FORMAT binary);
SELECT b.s::text = st.s::text AS good_file_read_back FROM binary_in b, st;
