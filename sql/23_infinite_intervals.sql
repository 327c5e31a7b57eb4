--
-- Infinite paid lengths.  PostgreSQL 17 added the intervals 'infinity' and
-- '-infinity'.  A contract cannot have been paid for ever: jss_job_weight refuses
-- both with 22008, as it refuses an infinite ended_at, rather than reading the
-- sentinel fields as a length.  Before PostgreSQL 17 the literal itself is not an
-- interval (22007), so this file has an expected output for each.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never

SELECT jss_job_weight(500, 'infinity');  -- error
\echo :SQLSTATE
SELECT jss_job_weight(500, '-infinity');  -- error
\echo :SQLSTATE
SELECT jss_job_weight(NULL, 'infinity'::interval);  -- error
\echo :SQLSTATE

-- the finite extremes: the longest interval counts 8, a negative time part is
-- read exactly against the days before it
SELECT jss_job_weight(0, '178000000 years 2147483647 days 2562047788:00:54.775807') AS longest,
       jss_job_weight(0, '2562047788:00:54.775807') AS longest_time,
       jss_job_weight(0, '90 days -00:00:00.000001') AS just_under_90_days,
       jss_job_weight(0, '91 days -24:00:00') AS exactly_90_days,
       jss_job_weight(0, '-1 day 24:00:00.000001') AS one_microsecond;
SELECT jss_job_weight(0, '1 day -24:00:00.000001');  -- error
\echo :SQLSTATE
SELECT jss_job_weight(0, '-178000000 years');  -- error
\echo :SQLSTATE
SELECT jss_job_weight(0, '-2562047788:00:54.775807');  -- error
\echo :SQLSTATE
