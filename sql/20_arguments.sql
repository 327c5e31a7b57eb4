--
-- Argument types users have: counts as bigint (count(*)) in jss_outcome, the band
-- of a score held as text (jsonb's ->>), and the one call that stays ambiguous.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never

-- complaints and missed_deadlines accept bigint, such as a count(*), with the
-- same rules as integer
SELECT jss_outcome(complaints => count(*)) AS three_complaints
FROM generate_series(1, 3);
SELECT jss_outcome(public_rating => 5, complaints => 2::bigint, missed_deadlines => 1::bigint)
       = jss_outcome(public_rating => 5, complaints => 2, missed_deadlines => 1) AS same_as_integer;
SELECT jss_outcome(complaints => 9223372036854775807) AS huge_count_caps_at_three;
SELECT jss_outcome(complaints => 0::bigint) IS NULL AS zero_is_no_signal;
SELECT jss_outcome(complaints => -1::bigint);  -- error
\echo :SQLSTATE
SELECT jss_outcome(missed_deadlines => -9223372036854775808);  -- error
\echo :SQLSTATE
-- smallint and integer columns still resolve
SELECT jss_outcome(complaints => 1::smallint, missed_deadlines => 1::int) AS small_and_int;
SELECT pg_get_function_identity_arguments('jss_outcome'::regproc) AS declared;

-- the band of a score written as text, as jss_explain(s) ->> 'score' gives it
SELECT jss_band(jss_explain(jss_agg(o, t)) ->> 'score') AS from_explain
FROM (VALUES (1::float8, timestamptz '2026-01-01 00:00+00'), (-0.5, '2026-02-01 00:00+00')) v(o, t);
SELECT jss_band('74.92'::text) AS fair, jss_band(' 90 '::text) AS excellent, jss_band('1e1'::text) AS at_risk,
       jss_band(NULL::text) IS NULL AS null_text;
SELECT jss_band('good'::text);  -- error
\echo :SQLSTATE
SELECT jss_band('101'::text);  -- error
\echo :SQLSTATE
SELECT jss_band('NaN'::text);  -- error
\echo :SQLSTATE
-- an untyped literal is PostgreSQL's function-style cast to the type of that name:
-- jss_band('good') is the label, as 'good'::jss_band is
SELECT jss_band('good') AS literal_is_a_cast, jss_band(NULL) IS NULL AS null_literal;
-- a label is read as a label with a cast
SELECT 'good'::jss_band AS label, jss_band(85.5::numeric) AS from_numeric, jss_band(95) AS from_integer;

-- jss_score of an untyped literal is ambiguous between the aggregate over outcomes
-- and the accessor of a state: PostgreSQL cannot choose, so the literal needs its
-- type, as the documentation says
SELECT jss_score('v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none');  -- error
\echo :SQLSTATE
SELECT jss_score('v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none'::jss_state) IS NULL AS typed_state,
       jss_score(NULL::jss_state) IS NULL AS typed_null,
       (SELECT jss_score(NULL::float8)) IS NULL AS typed_outcome;
