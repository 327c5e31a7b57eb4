--
-- jss_trend_slope(outcome, ended_at [, weight]): the trend in points per quarter
--
--   y = 100*o, x = UTC day number of ended_at (days since 2000-01-01, floor)
--   slope = 91.3125 * Sxy / Sxx;  NULL when n < 2, W = 0 or Sxx = 0
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never
SET DateStyle = 'ISO, YMD';
SET TimeZone = 'UTC';

-- the worked example: x = 9497, 9527, 9557, slope per day 200/60
SELECT jss_trend_slope(o, t) AS slope, 91.3125 * 200 / 60 AS formula
FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz),
             (0, '2026-01-31 00:00+00'), (1, '2026-03-02 00:00+00')) v(o, t);
-- the same with weights 1 and with NULL weights
SELECT jss_trend_slope(o, t, 1) = 304.375 AS weight_1, jss_trend_slope(o, t, NULL) = 304.375 AS weight_null
FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz),
             (0, '2026-01-31 00:00+00'), (1, '2026-03-02 00:00+00')) v(o, t);
-- a falling trend is negative, a flat one is 0
SELECT jss_trend_slope(-o, t) AS falling, jss_trend_slope(0.5, t) AS flat
FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz),
             (0, '2026-01-31 00:00+00'), (1, '2026-03-02 00:00+00')) v(o, t);

-- only the day counts: the time of day does not move x
SELECT jss_trend_slope(o, t) AS slope
FROM (VALUES (-1::float8, '2026-01-01 23:59:59.999999+00'::timestamptz),
             (0, '2026-01-31 00:00:00+00'), (1, '2026-03-02 12:34:56.789+00')) v(o, t);

--
-- NULL cases
--
-- no rows, one row, one dated row among NULLs
SELECT jss_trend_slope(o, t) IS NULL AS empty
FROM (VALUES (1::float8, '2026-01-01 00:00+00'::timestamptz)) v(o, t) WHERE false;
SELECT jss_trend_slope(o, t) IS NULL AS one_row
FROM (VALUES (1::float8, '2026-01-01 00:00+00'::timestamptz)) v(o, t);
-- rows with a NULL ended_at or a NULL outcome are skipped
SELECT jss_trend_slope(o, t) IS NULL AS one_counted_row
FROM (VALUES (1::float8, '2026-01-01 00:00+00'::timestamptz), (-1, NULL), (NULL, '2026-02-01 00:00+00')) v(o, t);
SELECT jss_trend_slope(o, t) = 304.375 AS nulls_skipped
FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz), (NULL, '2026-01-15 00:00+00'),
             (0, '2026-01-31 00:00+00'), (-1, NULL), (1, '2026-03-02 00:00+00'),
             (NULL, NULL)) v(o, t);
-- every row on the same UTC day: Sxx = 0
SELECT jss_trend_slope(o, t) IS NULL AS same_day
FROM (VALUES (-1::float8, '2026-01-01 00:00:00+00'::timestamptz), (1, '2026-01-01 12:00+00'),
             (0.5, '2026-01-01 23:59:59.999999+00')) v(o, t);
-- W = 0: every weight zero
SELECT jss_trend_slope(o, t, 0) IS NULL AS zero_weights
FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz), (1, '2026-03-02 00:00+00')) v(o, t);
-- only one day carries weight: Sxx = 0
SELECT jss_trend_slope(o, t, w) IS NULL AS one_weighted_day
FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz, 1::float8),
             (1, '2026-03-02 00:00+00', 0)) v(o, t, w);

--
-- Two rows: the line through them, whatever the weights
--
SELECT jss_trend_slope(o, t, w) AS slope, 91.3125 * 100 / 10 AS formula
FROM (VALUES (0::float8, '2026-01-01 00:00+00'::timestamptz, 1::float8),
             (1, '2026-01-11 00:00+00', 3)) v(o, t, w);

--
-- Weights change the fit: days 0, 10, 20 with y = 0, 100, 0
--   weights 1, 1, 1: Sxy = 0, slope 0
--   weights 1, 1, 2: x = 12.5, y = 25, Sxx = 275, Sxy = -250, slope = 91.3125 * -250 / 275
--
SELECT jss_trend_slope(o, t) AS unweighted, round(jss_trend_slope(o, t, w)::numeric, 8) AS weighted,
       round(91.3125 * -250 / 275, 8) AS formula
FROM (VALUES (0::float8, '2026-01-01 00:00+00'::timestamptz, 1::float8),
             (1, '2026-01-11 00:00+00', 1), (0, '2026-01-21 00:00+00', 2)) v(o, t, w);
-- a row of weight 2 is the same as the row twice, to the bit
SELECT (SELECT jss_trend_slope(o, t, w)::text
        FROM (VALUES (0::float8, '2026-01-01 00:00+00'::timestamptz, 1::float8),
                     (1, '2026-01-11 00:00+00', 1), (0, '2026-01-21 00:00+00', 2)) v(o, t, w)) =
       (SELECT jss_trend_slope(o, t)::text
        FROM (VALUES (0::float8, '2026-01-01 00:00+00'::timestamptz),
                     (1, '2026-01-11 00:00+00'), (0, '2026-01-21 00:00+00'),
                     (0, '2026-01-21 00:00+00')) v(o, t)) AS same_bits;
-- weight 0 rows do not pull the line
SELECT jss_trend_slope(o, t, w) = 304.375 AS zero_weight_ignored
FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz, 1::float8),
             (0, '2026-01-31 00:00+00', 1), (1, '2026-03-02 00:00+00', 1),
             (-1, '2030-01-01 00:00+00', 0)) v(o, t, w);

--
-- Day numbers are UTC and floored, whatever the session time zone
--
CREATE TEMP TABLE tz_rows (o float8, t timestamptz);
-- 1999-12-31 23:59:59.999999 UTC is day -1, 2000-01-01 00:00 UTC day 0
INSERT INTO tz_rows VALUES (-1, '1999-12-31 23:59:59.999999+00'), (1, '2000-01-01 00:00:00+00');
CREATE TEMP TABLE tz_same_day (o float8, t timestamptz);
-- one UTC day, but two local days in UTC+14 and in UTC-10
INSERT INTO tz_same_day VALUES (-1, '2026-01-01 00:00:00+00'), (1, '2026-01-01 23:59:59+00');
CREATE TEMP TABLE tz_results (zone text, one_day_apart float8, same_utc_day float8);
SET TimeZone = 'UTC';
INSERT INTO tz_results SELECT current_setting('TimeZone'),
  (SELECT jss_trend_slope(o, t) FROM tz_rows), (SELECT jss_trend_slope(o, t) FROM tz_same_day);
SET TimeZone = 'Pacific/Kiritimati';
INSERT INTO tz_results SELECT current_setting('TimeZone'),
  (SELECT jss_trend_slope(o, t) FROM tz_rows), (SELECT jss_trend_slope(o, t) FROM tz_same_day);
SET TimeZone = 'Pacific/Honolulu';
INSERT INTO tz_results SELECT current_setting('TimeZone'),
  (SELECT jss_trend_slope(o, t) FROM tz_rows), (SELECT jss_trend_slope(o, t) FROM tz_same_day);
SET TimeZone = 'America/New_York';
INSERT INTO tz_results SELECT current_setting('TimeZone'),
  (SELECT jss_trend_slope(o, t) FROM tz_rows), (SELECT jss_trend_slope(o, t) FROM tz_same_day);
SET TimeZone = 'UTC';
-- one day apart: 91.3125 * 200 / 1 = 18262.5 in every zone; one UTC day: NULL in every zone
SELECT * FROM tz_results;

--
-- Before 2000: negative day numbers, floored (not truncated toward 0)
--
-- 1999-12-31 12:00 is day -1 (truncation would give day 0 and Sxx = 0)
SELECT jss_trend_slope(o, t) AS slope
FROM (VALUES (-1::float8, '1999-12-31 12:00+00'::timestamptz), (1, '2000-01-01 12:00+00')) v(o, t);
-- the same spacing in 1999 and in 294276 gives the same slope
SELECT jss_trend_slope(o, t) AS y1999, 91.3125 * 200 / 60 AS formula
FROM (VALUES (-1::float8, '1999-01-01 06:00+00'::timestamptz),
             (0, '1999-01-31 18:00+00'), (1, '1999-03-02 23:00+00')) v(o, t);
-- 44 BC (astronomical year -43) is not a leap year: days 0, 30, 59 from its 1 January,
-- Sxx = 5222/3, Sxy = 5900
SELECT round(jss_trend_slope(o, t)::numeric, 8) AS bc_44,
       round(91.3125 * 5900 * 3 / 5222, 8) AS formula
FROM (VALUES (-1::float8, '0044-01-01 00:00+00 BC'::timestamptz),
             (0, '0044-01-31 00:00+00 BC'), (1, '0044-03-01 00:00+00 BC')) v(o, t);
SELECT jss_trend_slope(o, t) AS far_future
FROM (VALUES (-1::float8, '294276-10-01 00:00+00'::timestamptz),
             (0, '294276-10-31 00:00+00'), (1, '294276-11-30 00:00+00')) v(o, t);
-- across the whole timestamptz range
SELECT round(jss_trend_slope(o, t)::numeric * 1e4, 12) AS "whole_range * 1e4",
       round(18262.5 / ('294276-12-31'::date - '4714-11-24 BC'::date) * 1e4, 12) AS formula
FROM (VALUES (-1::float8, '4714-11-24 00:00:00+00 BC'::timestamptz),
             (1, '294276-12-31 23:59:59.999999+00')) v(o, t);

--
-- Errors
--
-- +-infinity ended_at: 22008
SELECT jss_trend_slope(o, t)
FROM (VALUES (1::float8, '2026-01-01 00:00+00'::timestamptz), (1, 'infinity')) v(o, t);  -- error
\echo :SQLSTATE
SELECT jss_trend_slope(o, t, 1)
FROM (VALUES (1::float8, '-infinity'::timestamptz)) v(o, t);  -- error
\echo :SQLSTATE
-- outcome and weight: 22003
SELECT jss_trend_slope(o, t)
FROM (VALUES (1.5::float8, '2026-01-01 00:00+00'::timestamptz)) v(o, t);  -- error
\echo :SQLSTATE
SELECT jss_trend_slope(o, t, -1)
FROM (VALUES (1::float8, '2026-01-01 00:00+00'::timestamptz)) v(o, t);  -- error
\echo :SQLSTATE
SELECT jss_trend_slope(o, t, 'NaN')
FROM (VALUES (1::float8, '2026-01-01 00:00+00'::timestamptz)) v(o, t);  -- error
\echo :SQLSTATE
-- a NULL outcome skips the row before its ended_at is looked at
SELECT jss_trend_slope(o, t) IS NULL AS skipped
FROM (VALUES (NULL::float8, 'infinity'::timestamptz)) v(o, t);
