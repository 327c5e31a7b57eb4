--
-- Timestamps without time zone.  Every function and aggregate that takes ended_at
-- or as_of also takes timestamp, read as UTC wall-clock time, so that a table with
-- timestamp columns gives the same results in every session, whatever its TimeZone.
-- Before these forms existed a timestamp was cast implicitly through the session's
-- time zone: the same rows gave other states and scores under other zones.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never
SET DateStyle = 'ISO, YMD';

-- 400 contracts of 20 freelancers, ended_at as timestamp, some near midnight and
-- near month ends, where a time zone moves a row to another day or month
CREATE TABLE ts_contracts (freelancer_id int, ended_at timestamp, outcome float8, weight float8);
INSERT INTO ts_contracts
SELECT i % 20,
       timestamp '2025-01-31 23:30' + (i * 37 % 540) * interval '1 day' + (i % 7) * interval '11 hours',
       ((i * 7919) % 201 - 100) / 100.0,
       1 + (i % 5) * 0.25
FROM generate_series(1, 400) i;

-- every result of the timestamp forms, as text at full precision, per freelancer
CREATE FUNCTION pg_temp.results() RETURNS TABLE (freelancer_id int, r text)
LANGUAGE sql STABLE AS $$
  SELECT freelancer_id,
         concat_ws(' | ',
           jss_agg(outcome, ended_at)::text,
           jss_agg(outcome, ended_at, weight)::text,
           jss_trend_slope(outcome, ended_at)::text,
           jss_trend_slope(outcome, ended_at, weight)::text,
           jss_score(outcome, weight, ended_at, timestamp '2026-06-30 23:59')::text,
           (jss_first_ended(jss_agg(outcome, ended_at)) AT TIME ZONE 'UTC')::text)
  FROM ts_contracts GROUP BY freelancer_id
$$;

SET TimeZone = 'UTC';
CREATE TEMP TABLE in_utc AS SELECT * FROM pg_temp.results();

-- the same bits under other zones, some far from UTC and one with a half-hour offset
CREATE TEMP TABLE zones (zone text);
INSERT INTO zones VALUES ('Pacific/Auckland'), ('Asia/Kolkata'), ('America/Los_Angeles'), ('Pacific/Kiritimati');
CREATE FUNCTION pg_temp.differences(zone text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  PERFORM set_config('TimeZone', zone, true);
  SELECT count(*) INTO n FROM pg_temp.results() r JOIN in_utc u USING (freelancer_id) WHERE r.r <> u.r;
  RETURN n;
END $$;
BEGIN;
SELECT zone, pg_temp.differences(zone) AS differing_freelancers FROM zones ORDER BY zone;
COMMIT;

-- what the timestamp forms compute is the timestamptz form over the same wall-clock
-- time read as UTC
SET TimeZone = 'Pacific/Auckland';
SELECT bool_and(a = b) AS same_as_utc_timestamptz, count(*) AS freelancers
FROM (SELECT freelancer_id,
             jss_agg(outcome, ended_at, weight) AS a,
             jss_agg(outcome, ended_at AT TIME ZONE 'UTC', weight) AS b
      FROM ts_contracts GROUP BY freelancer_id) s;
-- and the as-of score too
SELECT bool_and(a IS NOT DISTINCT FROM b) AS asof_same_as_utc
FROM (SELECT jss_score(outcome, weight, ended_at, timestamp '2026-03-31 12:00') AS a,
             jss_score(outcome, weight, ended_at AT TIME ZONE 'UTC', timestamptz '2026-03-31 12:00+00') AS b
      FROM ts_contracts GROUP BY freelancer_id) s;
-- the cast through the session's zone (what 1.0 did with a timestamp column) differs
SELECT count(*) FILTER (WHERE a <> b) > 0 AS zone_cast_differs
FROM (SELECT jss_agg(outcome, ended_at) AS a, jss_agg(outcome, ended_at::timestamptz) AS b
      FROM ts_contracts GROUP BY freelancer_id) s;

-- window (moving-aggregate) forms: the same bits in every zone, and as a fresh aggregate
CREATE FUNCTION pg_temp.window_results() RETURNS TABLE (k text)
LANGUAGE sql STABLE AS $$
  SELECT string_agg(s, ',' ORDER BY freelancer_id, ended_at, outcome)
  FROM (SELECT freelancer_id, ended_at, outcome,
               jss_agg(outcome, ended_at, weight) OVER w::text || jss_trend_slope(outcome, ended_at) OVER w AS s
        FROM ts_contracts
        WINDOW w AS (PARTITION BY freelancer_id ORDER BY ended_at
                     RANGE BETWEEN '90 days' PRECEDING AND CURRENT ROW)) x
$$;
SET TimeZone = 'UTC';
CREATE TEMP TABLE window_utc AS SELECT k FROM pg_temp.window_results();
SET TimeZone = 'Asia/Kolkata';
SELECT (SELECT k FROM pg_temp.window_results()) = k AS window_same_in_kolkata FROM window_utc;

-- a date resolves to the timestamptz form, PostgreSQL's preferred date/time type
SELECT pg_typeof(jss_first_ended(jss_agg(1, date '2026-01-01'))) AS date_argument,
       jss_first_ended(jss_agg(1, timestamp '2026-01-01 10:00')) AS read_as_utc;

-- an untyped literal also resolves to timestamptz; a timestamp column with a
-- literal as_of uses the timestamp form
SELECT jss_score(1, 1, ended_at, '2026-06-30') IS NOT DISTINCT FROM
       jss_score(1, 1, ended_at, timestamp '2026-06-30') AS literal_as_of_is_timestamp
FROM ts_contracts WHERE freelancer_id = 1 GROUP BY freelancer_id;

-- NULL and infinite times follow the timestamptz rules: NULL skips, infinity is 22008
SELECT jss_contracts(jss_agg(o, t)) AS skipped_null
FROM (VALUES (1::float8, NULL::timestamp), (1, timestamp '2026-01-01')) v(o, t);
SELECT jss_agg(1, timestamp 'infinity');  -- error
SELECT jss_score(1, 1, timestamp '2026-01-01', timestamp '-infinity');  -- error

--
-- A materialized view over timestamp columns: REFRESH ... CONCURRENTLY from another
-- zone, with no new data, rewrites no row
--
SET TimeZone = 'UTC';
CREATE MATERIALIZED VIEW ts_states AS
SELECT freelancer_id, date_trunc('month', ended_at) AS period, jss_agg(outcome, ended_at, weight) AS state
FROM ts_contracts GROUP BY freelancer_id, date_trunc('month', ended_at);
CREATE UNIQUE INDEX ON ts_states (freelancer_id, period);
CREATE TEMP TABLE before_refresh AS SELECT ctid AS row_ctid, state::text FROM ts_states;
SET TimeZone = 'Asia/Kolkata';
REFRESH MATERIALIZED VIEW CONCURRENTLY ts_states;
SET TimeZone = 'Pacific/Auckland';
REFRESH MATERIALIZED VIEW CONCURRENTLY ts_states;
SELECT count(*) AS rows, count(*) FILTER (WHERE b.row_ctid IS NULL) AS rewritten
FROM ts_states s LEFT JOIN before_refresh b ON b.row_ctid = s.ctid AND b.state = s.state::text;

DROP MATERIALIZED VIEW ts_states;
DROP TABLE ts_contracts;
