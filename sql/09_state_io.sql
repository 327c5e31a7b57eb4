--
-- jss_state input and output: the text form, the binary form, malformed input
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never
SET DateStyle = 'ISO, YMD';
SET TimeZone = 'UTC';

-- deterministic pseudo-random numbers in [0, 1), the same on every platform
CREATE FUNCTION pg_temp.rnd(i int, seed text) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT
AS $$ SELECT ('x' || substr(md5(seed || ':' || i), 1, 13))::bit(52)::bigint::float8 / 4503599627370496 $$;
-- the SQLSTATE of reading txt as a jss_state, or 'ok'
CREATE FUNCTION pg_temp.text_in(txt text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM txt::jss_state;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END $$;

--
-- Text round trip: s::text::jss_state::text = s::text
--
CREATE TEMP TABLE rows AS
SELECT i, i % 40 AS g,
       CASE WHEN i % 13 = 0 THEN -1 WHEN i % 17 = 0 THEN 0 ELSE 2 * pg_temp.rnd(i, 'o') - 1 END AS o,
       CASE WHEN i % 7 = 0 THEN NULL WHEN i % 19 = 0 THEN 0 WHEN i % 101 = 0 THEN 1e6
            ELSE 3 * pg_temp.rnd(i, 'w') END AS w,
       to_timestamp(946684800 - 86400 * 500 + floor(pg_temp.rnd(i, 't') * 86400 * 1000 * 1e6) / 1e6) AS t
FROM generate_series(1, 2000) i;
CREATE TEMP TABLE states (name text, s jss_state);
INSERT INTO states
SELECT 'group ' || g, jss_agg(o, t, w) FROM rows GROUP BY g;
INSERT INTO states
SELECT 'group ' || g || ' negative', jss_agg(o, t, w) FROM rows WHERE o < 0 GROUP BY g;
INSERT INTO states
SELECT 'row ' || i, jss_agg(o, t, w) FROM rows WHERE i <= 50 GROUP BY i;
INSERT INTO states VALUES
  ('empty', (SELECT jss_agg(o, t) FROM rows WHERE false)),
  ('all rows', (SELECT jss_agg(o, t, w) FROM rows)),
  ('one row', (SELECT jss_agg(0.5, '2026-01-01 00:00+00'))),
  ('one negative row', (SELECT jss_agg(-0.25, '2026-01-01 00:00+00', 2))),
  ('neutral', (SELECT jss_agg(0, '2026-01-01 00:00+00'))),
  ('zero weight', (SELECT jss_agg(1, '2026-01-01 00:00+00', 0))),
  ('largest weight', (SELECT jss_agg(-1, '2026-01-01 00:00+00', 1e6))),
  ('microseconds', (SELECT jss_agg(1, '2026-01-01 12:34:56.000001+00'))),
  ('microseconds 2', (SELECT jss_agg(1, '2026-01-01 12:34:56.999999+00'))),
  ('milliseconds', (SELECT jss_agg(1, '2026-01-01 12:34:56.5+00'))),
  ('before 2000', (SELECT jss_agg(1, '1999-12-31 23:59:59.999999+00'))),
  ('1970', (SELECT jss_agg(1, '1970-01-01 00:00:00+00'))),
  ('year 0001', (SELECT jss_agg(1, '0001-01-01 00:00:00+00'))),
  ('1 BC', (SELECT jss_agg(1, '0001-12-31 23:59:59+00 BC'))),
  ('44 BC', (SELECT jss_agg(-1, '0044-03-15 12:00:00+00 BC'))),
  ('leap day 4 BC', (SELECT jss_agg(1, '0005-02-29 00:00:00+00 BC'))),
  ('first timestamp', (SELECT jss_agg(1, '4714-11-24 00:00:00+00 BC'))),
  ('year 294000', (SELECT jss_agg(1, '294000-01-01 00:00:00+00'))),
  ('last timestamp', (SELECT jss_agg(1, '294276-12-31 23:59:59.999999+00'))),
  ('whole range', (SELECT jss_agg(o, t) FROM (VALUES (1::float8, '4714-11-24 00:00:00+00 BC'::timestamptz),
                                                     (-1, '294276-12-31 23:59:59.999999+00')) v(o, t)));
SELECT count(*) AS states, bool_and(s::text::jss_state::text = s::text) AS round_trip,
       bool_and(jss_contracts(s::text::jss_state) = jss_contracts(s)) AS same_contracts
FROM states;
-- the times are printed in UTC with astronomical years (1 BC is 0000), microseconds only when present
SELECT name, substring(s::text FROM ' first=(\S+)') AS first
FROM states
WHERE name IN ('microseconds', 'microseconds 2', 'milliseconds', 'before 2000', 'year 0001', '1 BC',
               '44 BC', 'leap day 4 BC', 'first timestamp', 'year 294000', 'last timestamp')
ORDER BY jss_first_ended(s);
-- and read back to the same instants
SELECT bool_and(jss_first_ended(s::text::jss_state) = jss_first_ended(s)
                AND jss_last_ended(s::text::jss_state) = jss_last_ended(s)) AS same_times
FROM states WHERE jss_contracts(s) > 0;
-- the session time zone does not change the text
SET TimeZone = 'Asia/Kolkata';
SELECT bool_and(s::text::jss_state::text = s::text) AS round_trip_in_kolkata,
       (SELECT s::text FROM states WHERE name = 'before 2000') LIKE '%first=1999-12-31T23:59:59.999999Z%'
         AS still_utc
FROM states;
SET TimeZone = 'UTC';
-- blanks around the text are allowed, as for core types
SELECT pg_temp.text_in(E'  \t' || s::text || E' \n') AS padded,
       (E'  \t' || s::text || E' \n')::jss_state::text = s::text AS same
FROM states WHERE name = 'one row';

--
-- Binary round trip through COPY ... (FORMAT binary): jss_state_send and jss_state_recv
--
CREATE TEMP TABLE states_copy (name text, s jss_state);
DO $$
DECLARE
  path text := '/tmp/jss_state_io_' || pg_backend_pid() || '_' || md5(clock_timestamp()::text) || '.copy';
BEGIN
  EXECUTE format('COPY states TO %L (FORMAT binary)', path);
  EXECUTE format('COPY states_copy FROM %L (FORMAT binary)', path);
  EXECUTE format('COPY (SELECT) TO PROGRAM %L', 'cat > /dev/null; rm -f ' || path);
END $$;
SELECT count(*) AS states, bool_and(a.s::text = b.s::text) AS binary_round_trip
FROM states a JOIN states_copy b USING (name);
-- the binary form: 212 bytes, version 1 first, then each field big-endian
SELECT bool_and(length(jss_state_send(s)) = 212) AS length_212,
       bool_and(substr(jss_state_send(s), 1, 4) = '\x00010000'::bytea) AS version_1_flags_0
FROM states;
SELECT substr(b, 5, 8) AS n, substr(b, 13, 8) AS neutral, substr(b, 21, 8) AS dated,
       substr(b, 45, 16) AS w
FROM (SELECT jss_state_send(jss_agg(o, t)) AS b
      FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz),
                   (0, '2026-01-31 00:00+00'), (1, '2026-03-02 00:00+00')) v(o, t)) x;

--
-- Malformed text: ERROR 22P02, never a crash
--
SELECT ''::jss_state;  -- error
\echo :SQLSTATE
SELECT 'garbage'::jss_state;  -- error
\echo :SQLSTATE
SELECT 'v2 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none'::jss_state;  -- error
\echo :SQLSTATE
SELECT 'v1 n=1099511627777 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none'::jss_state;  -- error
\echo :SQLSTATE
-- a valid text to break
CREATE TEMP TABLE base AS
SELECT jss_agg(o, t)::text AS v
FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz),
             (0, '2026-01-31 00:00+00'), (1, '2026-03-02 00:00+00')) v(o, t);
SELECT v FROM base;
SELECT pg_temp.text_in(v) AS valid FROM base;
CREATE TEMP TABLE bad_text (name text, txt text);
INSERT INTO bad_text SELECT name, txt FROM base, LATERAL (VALUES
  ('empty string', ''),
  ('blanks only', '   '),
  ('garbage', 'garbage'),
  ('a number', '42'),
  ('v alone', 'v'),
  ('version only', 'v1'),
  ('version and blank', 'v1 '),
  ('upper case V', 'V' || substr(v, 2)),
  ('version 2', replace(v, 'v1 ', 'v2 ')),
  ('version 0', replace(v, 'v1 ', 'v0 ')),
  ('version 99999', replace(v, 'v1 ', 'v99999 ')),
  ('version 999999', replace(v, 'v1 ', 'v999999 ')),
  ('negative version', replace(v, 'v1 ', 'v-1 ')),
  ('n missing', replace(v, ' n=3', '')),
  ('neutral missing', replace(v, ' neutral=1', '')),
  ('last missing', regexp_replace(v, ' last=\S+', '')),
  ('woo missing', regexp_replace(v, ' woo=\S+', '')),
  ('w_pos and w_neg swapped', regexp_replace(v, '(w_pos=\S+) (w_neg=\S+)', '\2 \1')),
  ('first and last swapped', regexp_replace(v, '(first=\S+) (last=\S+)', '\2 \1')),
  ('a field twice', regexp_replace(v, '( n=\S+)', '\1\1')),
  ('unknown field', replace(v, ' n=3', ' n=3 x=1')),
  ('key misspelt', replace(v, 'neutral=', 'neutrals=')),
  ('no value', replace(v, ' n=3', ' n=')),
  ('two blanks', replace(v, ' n=3', '  n=3')),
  ('tab between fields', replace(v, ' n=3', E'\tn=3')),
  ('blank around =', replace(v, ' n=3', ' n = 3')),
  ('text after', v || ' x'),
  ('field after', v || ' woo=0'),
  ('backslash junk after', v || '\0'),
  ('two states', v || ' ' || v),
  -- counts
  ('count above 2^40', replace(v, ' n=3', ' n=1099511627777')),
  ('count with 14 digits', replace(v, ' n=3', ' n=00000000000003')),
  ('count far above', replace(v, ' n=3', ' n=99999999999999999999999')),
  ('negative count', replace(v, ' n=3', ' n=-3')),
  ('count with +', replace(v, ' n=3', ' n=+3')),
  ('count with fraction', replace(v, ' n=3', ' n=3.0')),
  ('count in hex', replace(v, ' n=3', ' n=0x3')),
  ('neutral > n', replace(v, 'neutral=1', 'neutral=4')),
  ('dated > n', replace(v, 'dated=3', 'dated=4')),
  ('negative neutral', replace(v, 'neutral=1', 'neutral=-1')),
  -- times
  ('first after last', replace(v, 'first=2026-01-01T00:00:00Z', 'first=2026-03-03T00:00:00Z')),
  ('first none with dated > 0', replace(v, 'first=2026-01-01T00:00:00Z', 'first=none')),
  ('both none with dated > 0', regexp_replace(v, 'first=\S+ last=\S+', 'first=none last=none')),
  ('month 13', replace(v, 'first=2026-01-01', 'first=2026-13-01')),
  ('month 0', replace(v, 'first=2026-01-01', 'first=2026-00-01')),
  ('day 0', replace(v, 'first=2026-01-01', 'first=2026-01-00')),
  ('Feb 30', replace(v, 'first=2026-01-01', 'first=2024-02-30')),
  ('Feb 29 of 2025', replace(v, 'first=2026-01-01', 'first=2025-02-29')),
  ('Feb 29 of 1900', replace(v, 'first=2026-01-01', 'first=1900-02-29')),
  ('Apr 31', replace(v, 'first=2026-01-01', 'first=2026-04-31')),
  ('hour 24', replace(v, 'first=2026-01-01T00', 'first=2026-01-01T24')),
  ('minute 60', replace(v, 'first=2026-01-01T00:00', 'first=2026-01-01T00:60')),
  ('second 60', replace(v, 'T00:00:00Z last', 'T00:00:60Z last')),
  ('seven fraction digits', replace(v, 'T00:00:00Z last', 'T00:00:00.0000001Z last')),
  ('empty fraction', replace(v, 'T00:00:00Z last', 'T00:00:00.Z last')),
  ('no Z', replace(v, 'T00:00:00Z last', 'T00:00:00 last')),
  ('offset instead of Z', replace(v, 'T00:00:00Z last', 'T00:00:00+00 last')),
  ('blank instead of T', replace(v, 'first=2026-01-01T', 'first=2026-01-01 ')),
  ('three-digit year', replace(v, 'first=2026-01-01', 'first=999-01-01')),
  ('seven-digit year', replace(v, 'first=2026-01-01', 'first=0002026-01-01')),
  ('one-digit month', replace(v, 'first=2026-01-01', 'first=2026-1-01')),
  ('before 4714-11-24 BC', replace(v, 'first=2026-01-01T00:00:00Z', 'first=-4713-11-23T23:59:59.999999Z')),
  ('after 294276', replace(v, 'last=2026-03-02T00:00:00Z', 'last=294277-01-01T00:00:00Z')),
  ('a PostgreSQL time', replace(v, 'first=2026-01-01T00:00:00Z', 'first=2026-01-01 00:00:00+00')),
  ('infinity', replace(v, 'last=2026-03-02T00:00:00Z', 'last=infinity')),
  -- sums
  ('sum with 80 digits', replace(v, ' w=12884901888', ' w=' || repeat('9', 80))),
  ('sum not a number', replace(v, ' w=12884901888', ' w=abc')),
  ('sum with fraction', replace(v, ' w=12884901888', ' w=12884901888.5')),
  ('sum with exponent', replace(v, ' w=12884901888', ' w=1.2e10')),
  ('sum above 2^127', replace(v, ' w=12884901888', ' w=170141183460469231731687303715884105728')),
  ('192-bit sum at 2^191', regexp_replace(v, ' woo=\S+', ' woo=3138550867693340381917894711603833208051177722232017256448')),
  ('negative weight sum', replace(v, ' w=12884901888', ' w=-12884901888')),
  ('w just above its bound', replace(v, ' w=12884901888', ' w=' || round(3 * 1000000 * 2 ^ 32::numeric + 1)::text)),
  ('w_pos > w', replace(v, 'w_pos=4294967296', 'w_pos=12884901889')),
  ('w_pos + w_neg > w', replace(v, 'w_pos=4294967296', 'w_pos=8589934593')),
  ('negative w_neg', replace(v, 'w_neg=4294967296', 'w_neg=-4294967296')),
  ('wo_pos > w_pos', replace(v, 'wo_pos=18446744073709551616', 'wo_pos=18446744073709551617')),
  ('negative wo_neg', replace(v, 'wo_neg=18446744073709551616', 'wo_neg=-1')),
  ('weight but all neutral', replace(v, 'neutral=1', 'neutral=3')),
  ('negative wxx', regexp_replace(v, ' wxx=\S+', ' wxx=-1')),
  ('wx out of range', regexp_replace(v, ' wx=\S+', ' wx=' || (12884901888 * 9558)::text)),
  ('woo out of range', regexp_replace(v, ' woo=\S+', ' woo=' || round(3 * 2 ^ 96::numeric + 1)::text))
) c(name, txt);
INSERT INTO bad_text VALUES
  ('time sums without dated rows', 'v1 n=1 neutral=0 dated=0 w=4294967296 w_pos=4294967296 w_neg=0 wo_pos=18446744073709551616 wo_neg=0 wx=1 wxx=0 wxo=0 woo=0 first=none last=none'),
  ('times without dated rows', 'v1 n=1 neutral=1 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=2026-01-01T00:00:00Z last=2026-01-01T00:00:00Z'),
  ('an empty state with weight', 'v1 n=0 neutral=0 dated=0 w=1 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none');
SELECT name, pg_temp.text_in(txt) AS sqlstate FROM bad_text ORDER BY sqlstate, name;
-- the text cut short anywhere: the times come last and end with a letter, so no proper
-- prefix of a state's text is a valid text
SELECT count(*) AS cuts, bool_and(pg_temp.text_in(left(v, k)) = '22P02') AS all_22P02
FROM base, generate_series(0, length(v) - 1) k;
-- and the same for a state without times and one with the longest years
SELECT count(*) AS cuts, bool_and(pg_temp.text_in(left(v, k)) = '22P02') AS all_22P02
FROM (SELECT s::text AS v FROM states WHERE name IN ('empty', 'whole range')) x,
     generate_series(0, length(v) - 1) k;

--
-- Valid hand-written states: boundaries accepted
--
SELECT name, pg_temp.text_in(txt) AS result FROM (VALUES
  ('empty', 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none'),
  ('2^40 neutral rows', 'v1 n=1099511627776 neutral=1099511627776 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none'),
  -- some rows dated and some not: a rollup of jss_agg and jss_outcome_accum states can give this
  ('dated < n', 'v1 n=2 neutral=1 dated=1 w=8589934592 w_pos=4294967296 w_neg=0 wo_pos=18446744073709551616 wo_neg=0 wx=40789304410112 wxx=387376023982833664 wxo=175188728468019611697152 woo=79228162514264337593543950336 first=2026-01-01T00:00:00Z last=2026-01-01T00:00:00Z'),
  ('count with leading zeros', 'v1 n=0000000000000 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none'),
  ('Feb 29 of 2024', 'v1 n=1 neutral=1 dated=1 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=2024-02-29T00:00:00Z last=2024-02-29T00:00:00Z'),
  ('Feb 29 of 2000', 'v1 n=1 neutral=1 dated=1 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=2000-02-29T00:00:00Z last=2000-02-29T00:00:00Z'),
  ('short fraction', 'v1 n=1 neutral=1 dated=1 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=2024-02-29T00:00:00.5Z last=2024-02-29T00:00:00.5Z'),
  ('first timestamp', 'v1 n=1 neutral=1 dated=1 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=-4713-11-24T00:00:00Z last=-4713-11-24T00:00:00Z'),
  ('last timestamp', 'v1 n=1 neutral=1 dated=1 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=294276-12-31T23:59:59.999999Z last=294276-12-31T23:59:59.999999Z')
) v(name, txt);
-- the 'dated < n' state above is what a rollup of a dated and an undated state gives
SELECT jss_rollup(s)::text = 'v1 n=2 neutral=1 dated=1 w=8589934592 w_pos=4294967296 w_neg=0 wo_pos=18446744073709551616 wo_neg=0 wx=40789304410112 wxx=387376023982833664 wxo=175188728468019611697152 woo=79228162514264337593543950336 first=2026-01-01T00:00:00Z last=2026-01-01T00:00:00Z'
       AS same, jss_trend_slope(jss_rollup(s)) IS NULL AS no_slope
FROM (SELECT jss_agg(1, '2026-01-01 00:00+00') UNION ALL SELECT jss_outcome_accum(NULL, 0)) x(s);
-- a short fraction means tenths of a second
SELECT jss_first_ended('v1 n=1 neutral=1 dated=1 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=2024-02-29T00:00:00.5Z last=2024-02-29T00:00:00.5Z') AS first;
-- the largest weight sum for one row is accepted, one unit more is not
SELECT pg_temp.text_in(format('v1 n=1 neutral=0 dated=0 w=%s w_pos=%s w_neg=0 wo_pos=%s wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
                              w, w, round(w * 2 ^ 32::numeric))) AS at_bound,
       pg_temp.text_in(format('v1 n=1 neutral=0 dated=0 w=%s w_pos=%s w_neg=0 wo_pos=%s wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
                              w + 1, w, round(w * 2 ^ 32::numeric))) AS above_bound
FROM (SELECT (1000000 * 2 ^ 32::numeric)::numeric(30, 0) AS w) x;

--
-- Hand-built states at the bounds that rows could produce, passed to every accessor and to
-- jss_rollup: they work or fail cleanly (22003 for too many contracts), never crash
--
CREATE TEMP TABLE hand (name text, s jss_state);
INSERT INTO hand
SELECT name, format('v1 n=%s neutral=%s dated=%s w=%s w_pos=%s w_neg=%s wo_pos=%s wo_neg=%s wx=%s wxx=%s wxo=%s woo=%s first=%s last=%s',
                    round(n), round(neutral), round(dated), round(w), round(w_pos), round(w_neg),
                    round(wo_pos), round(wo_neg), round(wx), round(wxx), round(wxo), round(woo), first, last)::jss_state
FROM (SELECT 2 ^ 40::numeric AS nmax, 1000000 * 2 ^ 72::numeric AS wmax,
             ('294276-12-31'::date - '2000-01-01'::date)::numeric AS xmax,
             ('4714-11-24 BC'::date - '2000-01-01'::date)::numeric AS xmin,
             2 ^ 32::numeric AS p32, 2 ^ 64::numeric AS p64, 2 ^ 96::numeric AS p96) b,
LATERAL (VALUES
  -- 2^40 rows of weight 1e6 and outcome 1, all on the last day
  ('largest state, last day', nmax, 0, nmax, '294276-12-31T23:59:59.999999Z', '294276-12-31T23:59:59.999999Z',
   wmax, wmax, 0, wmax * p32, 0, wmax * xmax, wmax * xmax ^ 2, wmax * xmax * p32, wmax * p64),
  -- the same on the first day
  ('largest state, first day', nmax, 0, nmax, '-4713-11-24T00:00:00Z', '-4713-11-24T00:00:00Z',
   wmax, 0, wmax, 0, wmax * p32, wmax * xmin, wmax * xmin ^ 2, -wmax * xmin * p32, wmax * p64),
  -- half the weight at each end, half the outcomes -1
  ('largest state, both ends', nmax, 0, nmax, '-4713-11-24T00:00:00Z', '294276-12-31T23:59:59.999999Z',
   wmax, wmax / 2, wmax / 2, wmax / 2 * p32, wmax / 2 * p32,
   wmax / 2 * (xmin + xmax), wmax / 2 * (xmin ^ 2 + xmax ^ 2),
   wmax / 2 * (-xmin + xmax) * p32, wmax * p64),
  -- some rows dated, some not (only a rollup of hand-made states could give this)
  ('half dated', 2, 0, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z',
   2 * p32, 2 * p32, 0, 2 * p64, 0, p32 * 9497, p32 * 9497 * 9497, p64 * 9497, p96),
  -- 2^40 rows of weight 0
  ('2^40 rows of weight 0', nmax, 0, nmax, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z',
   0, 0, 0, 0, 0, 0, 0, 0, 0)
) v(name, n, neutral, dated, first, last, w, w_pos, w_neg, wo_pos, wo_neg, wx, wxx, wxo, woo);
-- States within every bound that no rows could produce are refused too (22P02): every sum at
-- its largest magnitude at once (the x sums put every row on one day, the x*o sum says they are
-- not: Sxx*Syy < Sxy^2), and outcomes without an outcome moment (woo = 0 < sum of w*o^2).
SELECT name, pg_temp.text_in(format('v1 n=%s neutral=%s dated=%s w=%s w_pos=%s w_neg=%s wo_pos=%s wo_neg=%s wx=%s wxx=%s wxo=%s woo=%s first=%s last=%s',
                    round(n), round(neutral), round(dated), round(w), round(w_pos), round(w_neg),
                    round(wo_pos), round(wo_neg), round(wx), round(wxx), round(wxo), round(woo), first, last)) AS result
FROM (SELECT 2 ^ 40::numeric AS nmax, 1000000 * 2 ^ 72::numeric AS wmax,
             ('294276-12-31'::date - '2000-01-01'::date)::numeric AS xmax,
             ('4714-11-24 BC'::date - '2000-01-01'::date)::numeric AS xmin,
             2 ^ 32::numeric AS p32, 2 ^ 64::numeric AS p64, 2 ^ 96::numeric AS p96) b,
LATERAL (VALUES
  -- every sum at its largest allowed magnitude at once (in bounds, but no rows could give it)
  ('every sum at its bound', nmax, 0, nmax, '-4713-11-24T00:00:00Z', '294276-12-31T23:59:59.999999Z',
   wmax, wmax / 2, wmax / 2, wmax / 2 * p32, wmax / 2 * p32,
   -wmax * greatest(-xmin, xmax), wmax * greatest(-xmin, xmax) ^ 2,
   -wmax * greatest(-xmin, xmax) * p32, wmax * p64),
  -- inconsistent moments: outcomes but no outcome moment (woo = 0)
  ('woo = 0', 4, 0, 4, '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z',
   4 * p32, 2 * p32, 2 * p32, 2 * p64, 2 * p64, 4 * p32 * 9497, 4 * p32 * 9497 * 9497, 0, 0)
) v(name, n, neutral, dated, first, last, w, w_pos, w_neg, wo_pos, wo_neg, wx, wxx, wxo, woo)
ORDER BY name;
SELECT name, jss_contracts(s) AS n, round(jss_score(s)::numeric, 6) AS score,
       jss_satisfaction_ratio(s) AS ratio, jss_trend_slope(s) IS NOT NULL AS has_slope,
       jss_needs_review(s) AS review, jss_first_ended(s) AS first
FROM hand ORDER BY name;
-- every accessor with non-default arguments, the text and binary forms, a rollup with a small state
CREATE FUNCTION pg_temp.exercise(s jss_state) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  small jss_state := (SELECT jss_agg(1, '2026-01-01 00:00+00'));
  half jss_state := (SELECT jss_agg(0.5, '2026-01-01 00:00+00', 0.5));
BEGIN
  PERFORM jss_score(s), jss_score(s, 0), jss_score(s, 1e300, 0, 1), jss_satisfaction_ratio(s),
          jss_trend_slope(s), jss_contracts(s), jss_first_ended(s), jss_last_ended(s),
          jss_needs_review(s), jss_state_send(s), s::text::jss_state;
  PERFORM jss_rollup(x) FROM (VALUES (NULL), (s), (NULL)) v(x);
  BEGIN
    PERFORM jss_rollup(x) FROM (VALUES (s), (NULL), (half)) v(x);
    PERFORM jss_rollup(x) FROM (VALUES (small), (s)) v(x);
  EXCEPTION WHEN OTHERS THEN
    RETURN 'ok, rollup with one more row: ' || SQLSTATE;
  END;
  RETURN 'ok';
END $$;
SELECT name, pg_temp.exercise(s) AS result FROM hand ORDER BY name;
-- two largest states cannot be merged
SELECT jss_rollup(s) FROM hand WHERE name LIKE 'largest state%';  -- error
\echo :SQLSTATE
SELECT jss_state_combine(s, s) FROM hand WHERE name = 'largest state, last day';  -- error
\echo :SQLSTATE
-- the binary form of hand-built states round-trips too
CREATE TEMP TABLE hand_copy (name text, s jss_state);
DO $$
DECLARE
  path text := '/tmp/jss_state_io_' || pg_backend_pid() || '_' || md5(clock_timestamp()::text) || '.copy';
BEGIN
  EXECUTE format('COPY hand TO %L (FORMAT binary)', path);
  EXECUTE format('COPY hand_copy FROM %L (FORMAT binary)', path);
  EXECUTE format('COPY (SELECT) TO PROGRAM %L', 'cat > /dev/null; rm -f ' || path);
END $$;
SELECT count(*) AS states, bool_and(a.s::text = b.s::text) AS binary_round_trip
FROM hand a JOIN hand_copy b USING (name);

--
-- Malformed binary input: ERROR 22P03 (08P01 for a message cut short), never a crash
--
-- a binary COPY file holding one jss_state column with the given bytes as its value
CREATE TEMP TABLE recv (s jss_state);
CREATE FUNCTION pg_temp.copy_file(payload bytea) RETURNS bytea
LANGUAGE sql IMMUTABLE
AS $$ SELECT '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea || '\x0001'::bytea
             || int4send(length(payload)) || payload || '\xffff'::bytea $$;
-- load a COPY file; 'ok' and the state read, or the SQLSTATE
CREATE FUNCTION pg_temp.binary_in(file bytea) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM recv;
  EXECUTE format('COPY recv FROM PROGRAM %L (FORMAT binary)',
                 'echo ' || translate(encode(file, 'base64'), E'\n', '') || ' | base64 -d');
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END $$;
CREATE TEMP TABLE good AS
SELECT jss_state_send(jss_agg(o, t)) AS b
FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz),
             (0, '2026-01-31 00:00+00'), (1, '2026-03-02 00:00+00')) v(o, t);
-- the well-formed file loads and reads back the same state
SELECT pg_temp.binary_in(pg_temp.copy_file(b)) AS valid FROM good;
SELECT s::text = (SELECT jss_agg(o, t)::text
                  FROM (VALUES (-1::float8, '2026-01-01 00:00+00'::timestamptz),
                               (0, '2026-01-31 00:00+00'), (1, '2026-03-02 00:00+00')) v(o, t)) AS same
FROM recv;
-- an empty version-1 state written by hand
SELECT pg_temp.binary_in(pg_temp.copy_file('\x0001'::bytea || decode(repeat('00', 210), 'hex'))) AS empty_state;
SELECT s FROM recv;
-- a direct error message
DELETE FROM recv;
COPY recv FROM PROGRAM 'printf "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0\0\1\0\0\0\2\0\2\377\377"' (FORMAT binary);  -- error
\echo :SQLSTATE
-- field offsets (1-based): version 1, flags 3, n 5, neutral 13, dated 21, first 29, last 37,
-- w 45, w_pos 61, w_neg 77, wo_pos 93, wo_neg 109, wx 125, wxx 141, wxo 165, woo 189; length 212
CREATE TEMP TABLE bad_binary (name text, payload bytea);
INSERT INTO bad_binary SELECT name, p FROM good, LATERAL (VALUES
  ('no bytes', ''::bytea),
  ('one byte', '\x00'::bytea),
  ('version only', '\x0001'::bytea),
  ('one byte short', substr(b, 1, 211)),
  ('half', substr(b, 1, 106)),
  ('one byte too many', b || '\x00'::bytea),
  ('twice', b || b),
  ('version 0', overlay(b PLACING '\x0000'::bytea FROM 1)),
  ('version 2', overlay(b PLACING '\x0002'::bytea FROM 1)),
  ('version 256', overlay(b PLACING '\x0100'::bytea FROM 1)),
  ('version 65535', overlay(b PLACING '\xffff'::bytea FROM 1)),
  ('flags set', overlay(b PLACING '\x0001'::bytea FROM 3)),
  ('high flag set', overlay(b PLACING '\x8000'::bytea FROM 3)),
  ('negative count', overlay(b PLACING '\xffffffffffffffff'::bytea FROM 5)),
  ('count above 2^40', overlay(b PLACING '\x0000010000000001'::bytea FROM 5)),
  ('neutral > n', overlay(b PLACING '\x0000000000000004'::bytea FROM 13)),
  ('negative neutral', overlay(b PLACING '\x8000000000000000'::bytea FROM 13)),
  ('dated > n', overlay(b PLACING '\x0000000000000004'::bytea FROM 21)),
  ('dated 0 with times', overlay(b PLACING '\x0000000000000000'::bytea FROM 21)),
  ('first after last', overlay(b PLACING substr(b, 37, 8) || substr(b, 29, 8) FROM 29)),
  ('last = infinity', overlay(b PLACING '\x7fffffffffffffff'::bytea FROM 37)),
  ('first = -infinity', overlay(b PLACING '\x8000000000000000'::bytea FROM 29)),
  ('first before 4714 BC', overlay(b PLACING int8send(-211813488000000001) FROM 29)),
  ('last after 294276', overlay(b PLACING int8send(9223371331200000000) FROM 37)),
  ('negative w', overlay(b PLACING '\xffffffffffffffffffffffffffffffff'::bytea FROM 45)),
  ('w_pos > w', overlay(b PLACING '\x00000000000000000000000300000001'::bytea FROM 61)),
  ('w above its bound', overlay(b PLACING '\x7fffffffffffffffffffffffffffffff'::bytea FROM 45)),
  ('wo_neg > w_neg', overlay(b PLACING '\x00000000000000010000000000000001'::bytea FROM 109)),
  ('negative wxx', overlay(b PLACING '\xffffffffffffffffffffffffffffffffffffffffffffffff'::bytea FROM 141)),
  ('woo above its bound', overlay(b PLACING '\x000000000000000000000003000000000000000000000001'::bytea FROM 189)),
  ('all 0xff', decode(repeat('ff', 212), 'hex')),
  ('all zeros', decode(repeat('00', 212), 'hex')),
  ('all 0x01', decode(repeat('01', 212), 'hex'))
) c(name, p);
SELECT name, length(payload) AS bytes, pg_temp.binary_in(pg_temp.copy_file(payload)) AS sqlstate
FROM bad_binary ORDER BY sqlstate, name;
-- short messages raise 22P03 (or PostgreSQL's 08P01)
SELECT bool_and(pg_temp.binary_in(pg_temp.copy_file(substr(b, 1, k))) IN ('22P03', '08P01')) AS every_prefix_rejected,
       count(*) AS prefixes
FROM good, generate_series(0, 211) k;
-- every single byte flipped: rejected or a valid state, never a crash
SELECT count(*) AS flips,
       count(*) FILTER (WHERE r = 'ok') + count(*) FILTER (WHERE r = '22P03') = count(*) AS ok_or_22P03
FROM (SELECT pg_temp.binary_in(pg_temp.copy_file(
               overlay(b PLACING set_byte('\x00'::bytea, 0, get_byte(b, k) # 255) FROM k + 1))) AS r
      FROM good, generate_series(0, 211) k) x;
-- a COPY file cut inside the value is COPY's own error (22P04), not a crash
SELECT pg_temp.binary_in(substr(pg_temp.copy_file(b), 1, 100)) AS cut_file FROM good;
