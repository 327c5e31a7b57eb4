--
-- jss_job_weight: how many "jobs" a contract counts as
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = 'postgres';
SET TimeZone = 'UTC';

SELECT provolatile = 'i' AS immutable, proparallel = 's' AS parallel_safe,
       NOT proisstrict AS not_strict, pronargdefaults = 1 AS paid_length_optional,
       prorettype = 'float8'::regtype AS returns_float8,
       pg_get_function_identity_arguments(oid) AS arguments
FROM pg_proc WHERE proname = 'jss_job_weight';

--
-- The worked examples
--
SELECT jss_job_weight(1500, '200 days') AS "1.5 + 2",
       jss_job_weight(100) AS "1",
       jss_job_weight(5000, '3 years') AS "capped at 8";
-- named arguments
SELECT jss_job_weight(earned => 1500, paid_length => '200 days') AS named,
       jss_job_weight(paid_length => '200 days', earned => 1500) AS any_order,
       jss_job_weight(earned => 100) AS default_length;

--
-- Base by earnings: 1 up to 250, 1.25 up to 1000, 1.5 above (exact numeric comparison)
--
SELECT earned, jss_job_weight(earned)
FROM (VALUES (0::numeric), (0.01), (249.99), (250), (250.000001), (250.0000000000000000001),
             (999.99), (1000), (1000.000001), (1000000), (1e30)) v(earned);
-- NULL earned counts as 0
SELECT jss_job_weight(NULL) AS null_earned,
       jss_job_weight(NULL, '90 days') AS null_earned_90_days,
       jss_job_weight(NULL, NULL) AS both_null;
-- other numeric types convert
SELECT jss_job_weight(251) AS int_251, jss_job_weight(1001::bigint) AS bigint_1001;

--
-- Paid length: +1 per full 90 days, days = extract(epoch from paid_length) / 86400
--
SELECT paid_length, trunc(extract(epoch FROM paid_length) / 86400, 6) AS days,
       jss_job_weight(0, paid_length) AS weight
FROM (VALUES ('0'::interval), ('1 day'), ('89 days'), ('89 days 23:59:59.999999'),
             ('90 days'), ('179 days'), ('180 days'), ('269 days 23:59:59'), ('270 days'),
             ('2160 hours'), ('2159:59:59'), ('7776000 seconds'), (NULL)) v(paid_length);
-- months count 30 days and years 365.25 days, as extract(epoch) counts them
SELECT paid_length, trunc(extract(epoch FROM paid_length) / 86400, 6) AS days,
       jss_job_weight(0, paid_length) AS weight
FROM (VALUES ('3 mons'::interval), ('2 mons 29 days'), ('2 mons 29 days 23:59:59.999999'),
             ('6 mons'), ('1 year'), ('1 year -5 days'), ('1 year -6 days'),
             ('1 year 1 mon'), ('1 mon 60 days'), ('1 mon -1 day'),
             ('1 day -24:00:00'), ('3 mons -1 day 24:00:00')) v(paid_length);
-- a year is 365.25 days: 4 full periods (360 days) and 5.25 days
SELECT jss_job_weight(0, '359 days 23:59:59') AS "3 periods",
       jss_job_weight(0, '360 days') AS "4 periods",
       jss_job_weight(0, '1 year') AS "1 year = 365.25 days: 4 periods";
-- combined with the earnings base
SELECT jss_job_weight(250, '90 days') AS "1 + 1", jss_job_weight(250.01, '90 days') AS "1.25 + 1",
       jss_job_weight(1000.01, '180 days') AS "1.5 + 2";

--
-- Capped at 8
--
SELECT paid_length, jss_job_weight(0, paid_length) AS base_1,
       jss_job_weight(500, paid_length) AS base_1_25,
       jss_job_weight(5000, paid_length) AS base_1_5
FROM (VALUES ('539 days'::interval), ('540 days'), ('629 days'), ('630 days'), ('720 days'),
             ('10 years'), ('178000000 years')) v(paid_length);

--
-- Errors: negative earned, NaN and infinite earned, negative paid_length (22003)
--
SELECT jss_job_weight(-0.01);  -- error
\echo :SQLSTATE
SELECT jss_job_weight(-1, '90 days');  -- error
\echo :SQLSTATE
SELECT jss_job_weight('NaN');  -- error
\echo :SQLSTATE
SELECT jss_job_weight('Infinity');  -- error
\echo :SQLSTATE
SELECT jss_job_weight('-Infinity');  -- error
\echo :SQLSTATE
SELECT jss_job_weight(100, '-1 day');  -- error
\echo :SQLSTATE
SELECT jss_job_weight(100, '-00:00:00.000001');  -- error
\echo :SQLSTATE
SELECT jss_job_weight(100, '1 mon -31 days');  -- error
\echo :SQLSTATE
SELECT jss_job_weight(NULL, '-1 year');  -- error
\echo :SQLSTATE
-- zero is not negative
SELECT jss_job_weight(0, '0 days') AS zero, jss_job_weight(-0.0) AS minus_zero;
