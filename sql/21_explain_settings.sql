--
-- jss_explain is IMMUTABLE in fact: its text does not change with
-- extra_float_digits, DateStyle, TimeZone, IntervalStyle or lc_numeric, and its
-- floats are the shortest decimals that read back as the same float8.  And
-- jss_contracts_needed never raises an error for a valid state: past the integer
-- range it is NULL.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never

-- a state whose weight and scores need all 17 significant digits
CREATE TEMP TABLE st AS
SELECT jss_agg(o, t, w) AS s
FROM (VALUES (0.3::float8, timestamptz '2026-01-01 13:45:12.345678+00', 55.00000000465661::float8),
             (-1 / 3.0, '2026-03-05 23:59:59.999999+00', 1 / 3.0),
             (0.999, '2026-06-30 00:00:00+00', 1.1)) v(o, t, w);
SET extra_float_digits = 1;
SET DateStyle = 'ISO, YMD';
SET TimeZone = 'UTC';
CREATE TEMP TABLE reference AS SELECT jss_explain(s)::text AS e FROM st;
SELECT jss_explain(s) -> 'weight' AS weight, jss_explain(s) -> 'first_ended' AS first_ended FROM st;

CREATE TEMP TABLE settings (name text, value text);
INSERT INTO settings VALUES
  ('extra_float_digits', '-15'), ('extra_float_digits', '-10'), ('extra_float_digits', '0'),
  ('extra_float_digits', '3'), ('DateStyle', 'SQL, DMY'), ('DateStyle', 'German'),
  ('DateStyle', 'Postgres, MDY'), ('TimeZone', 'Pacific/Auckland'), ('TimeZone', 'Asia/Kolkata'),
  ('IntervalStyle', 'sql_standard'), ('lc_numeric', 'C'), ('lc_numeric', 'C.UTF-8');
CREATE FUNCTION pg_temp.explain_under(name text, value text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE same boolean;
BEGIN
  PERFORM set_config(name, value, true);
  SELECT jss_explain(s)::text = (SELECT e FROM reference) INTO same FROM st;
  RETURN same;
END $$;
BEGIN;
SELECT name, value, pg_temp.explain_under(name, value) AS same_text FROM settings ORDER BY name, value;
COMMIT;

-- every float in the text reads back as the accessor's float8, bit for bit
SET extra_float_digits = -10;
SELECT (jss_explain(s) ->> 'score')::float8 = jss_score(s) AS score_round_trips,
       (jss_explain(s) ->> 'trend_slope')::float8 = jss_trend_slope(s) AS slope_round_trips,
       (jss_explain(s) ->> 'weight') AS weight_text
FROM st;
RESET extra_float_digits;

-- error messages name the value at full precision whatever the setting
SET extra_float_digits = -15;
SELECT jss_band(100.00000000000001::float8);  -- error
RESET extra_float_digits;

-- jss_contracts_needed: NULL, not an error, when more than 2^31 - 1 contracts would
-- be needed (a large history against a near-perfect target)
SELECT jss_contracts_needed(jss_agg(o, t), 99.99) AS three_million_rows_to_99_99,
       jss_contracts_needed(jss_agg(o, t), 99) AS to_99
FROM (SELECT CASE WHEN i % 10 = 0 THEN -1 ELSE 1 END::float8 AS o,
             timestamptz '2020-01-01 00:00+00' + (i % 2000) * interval '1 day' AS t
      FROM generate_series(1, 3000000) i) c;
SELECT jss_contracts_needed('v1 n=1099511627776 neutral=0 dated=0 w=4722366482869645213696 w_pos=0 w_neg=4722366482869645213696 wo_pos=0 wo_neg=20282409603651670423947251286016 wx=0 wxx=0 wxo=0 woo=0 first=none last=none'::jss_state, 50) AS bound_state_50;
