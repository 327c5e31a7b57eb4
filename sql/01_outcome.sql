--
-- jss_outcome: the net performance of one contract
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never

-- declared IMMUTABLE, PARALLEL SAFE and not STRICT (a NULL argument is "no signal")
SELECT provolatile = 'i' AS immutable, proparallel = 's' AS parallel_safe,
       NOT proisstrict AS not_strict, pronargdefaults = 9 AS all_optional,
       prorettype = 'float8'::regtype AS returns_float8, proargnames
FROM pg_proc WHERE proname = 'jss_outcome';

--
-- The worked examples
--
SELECT jss_outcome(public_rating => 5) = 1 AS "r5 = 1",
       jss_outcome(public_rating => 4) = 0.5 AS "r4 = 0.5";
SELECT round(jss_outcome(public_rating => 5, disputed => true)::numeric, 10) AS "(1 - 2)/3";
SELECT round(jss_outcome(private_rating => 8, completed => true, long_term => true)::numeric, 10)
       AS "(0.6 + 1 + 1)/3";
SELECT round(jss_outcome(complaints => 1, response_hours => 36)::numeric, 10)
       AS "(-1/3 - 0.5)/2";
SELECT jss_outcome(disputed => false, complaints => 0) IS NULL AS "no signal is NULL";

--
-- Each parameter alone: as a signal, and as no signal
--
-- public_rating: (r - 3) / 2, a signal whenever not NULL (3 is a neutral signal, not NULL)
SELECT r, jss_outcome(public_rating => r)
FROM (VALUES (1::float8), (2), (2.5), (3), (4), (4.5), (5), (NULL)) v(r);
-- private_rating: (p - 5) / 5
SELECT p, jss_outcome(private_rating => p)
FROM (VALUES (0::float8), (2.5), (5), (8), (10), (NULL)) v(p);
-- completed: true +1, false -1, NULL no signal
SELECT c, jss_outcome(completed => c) FROM (VALUES (true), (false), (NULL)) v(c);
-- disputed, refunded, long_term: only true is a signal
SELECT b, jss_outcome(disputed => b) AS disputed, jss_outcome(refunded => b) AS refunded,
       jss_outcome(long_term => b) AS long_term
FROM (VALUES (true), (false), (NULL)) v(b);
-- complaints and missed_deadlines: -min(k, 3) / 3 when k > 0; 0 and NULL are no signal
SELECT k, round(jss_outcome(complaints => k)::numeric, 10) AS complaints,
       round(jss_outcome(missed_deadlines => k)::numeric, 10) AS missed_deadlines,
       jss_outcome(complaints => k) = jss_outcome(missed_deadlines => k) AS same
FROM (VALUES (0), (1), (2), (3), (4), (2147483647), (NULL)) v(k);
SELECT jss_outcome(complaints => 3) = -1 AS "3 complaints = -1",
       jss_outcome(complaints => 1) = -1.0 / 3 AS "1 complaint = -1/3",
       jss_outcome(missed_deadlines => 2) = -2.0 / 3 AS "2 missed = -2/3";
-- response_hours: -min((h - 24) / 24, 1) when h > 24; 0 to 24 hours is no signal
SELECT h, jss_outcome(response_hours => h)
FROM (VALUES (0::float8), (12), (24), (30), (36), (48), (72), (1e300), (NULL)) v(h);
SELECT jss_outcome(response_hours => 24.000001) < 0 AS "just above 24 h is a signal",
       jss_outcome(response_hours => 24.000001) > -1e-6 AS "and a tiny one";
-- no argument at all, or every argument NULL / false / 0 / <= 24 hours: NULL
SELECT jss_outcome() IS NULL AS no_args,
       jss_outcome(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL) IS NULL AS all_null,
       jss_outcome(disputed => false, refunded => false, complaints => 0,
                   missed_deadlines => 0, response_hours => 24, long_term => false) IS NULL
           AS all_absent;

--
-- Combinations: sum(a * v) / sum(a), disputed counts twice
--
SELECT jss_outcome(long_term => true, disputed => true) = -1.0 / 3 AS "(1 - 2)/3",
       jss_outcome(completed => true, refunded => true) = 0 AS "(1 - 1)/2",
       jss_outcome(public_rating => 5, completed => true, long_term => true) = 1 AS "all good",
       jss_outcome(disputed => true, refunded => true) = -1 AS "all bad";
-- every parameter a signal: (1 + 1 + 1 - 2 - 1 - 1 - 1 - 1 + 1) / 10 = -0.2
SELECT jss_outcome(public_rating => 5, private_rating => 10, completed => true,
                   disputed => true, refunded => true, complaints => 3,
                   missed_deadlines => 3, response_hours => 48, long_term => true) = -0.2
       AS "all nine";
-- no-signal parameters do not dilute the others
SELECT jss_outcome(public_rating => 4, disputed => false, refunded => false,
                   complaints => 0, missed_deadlines => 0, response_hours => 2,
                   long_term => false) = 0.5 AS "absent signals ignored";
-- the result always lies in [-1, 1]
SELECT min(o) AS lowest, max(o) AS highest, count(*) AS combinations, count(o) AS with_signal
FROM (SELECT jss_outcome(public_rating => r, completed => c, disputed => d,
                         complaints => k, response_hours => h, long_term => l) AS o
      FROM (VALUES (NULL::float8), (1), (3), (5)) r(r),
           (VALUES (NULL::boolean), (true), (false)) c(c),
           (VALUES (NULL::boolean), (true), (false)) d(d),
           (VALUES (NULL::int), (0), (1), (5)) k(k),
           (VALUES (NULL::float8), (0), (36), (100)) h(h),
           (VALUES (NULL::boolean), (true), (false)) l(l)) s;

--
-- Positional and named calls
--
SELECT jss_outcome(4, 8) = 0.55 AS positional,
       jss_outcome(private_rating => 8, public_rating => 4) = jss_outcome(4, 8) AS named_any_order,
       jss_outcome(4, long_term => true) = 0.75 AS mixed,
       jss_outcome(NULL, NULL, true) = 1 AS third_is_completed,
       jss_outcome(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, true) = 1 AS ninth_is_long_term;
-- an integer literal is accepted for the float8 ratings
SELECT jss_outcome(public_rating => 2, private_rating => 0) = -0.75 AS int_literals;

--
-- Range boundaries are accepted
--
SELECT jss_outcome(public_rating => 1) = -1 AS r1, jss_outcome(public_rating => 5) = 1 AS r5,
       jss_outcome(private_rating => 0) = -1 AS p0, jss_outcome(private_rating => 10) = 1 AS p10,
       jss_outcome(response_hours => 0) IS NULL AS h0;

--
-- Out of range, NaN and infinities: ERROR 22003 naming the parameter and the range
--
SELECT jss_outcome(public_rating => 7);  -- error
\echo :SQLSTATE
SELECT jss_outcome(public_rating => 0.9999);  -- error
\echo :SQLSTATE
SELECT jss_outcome(public_rating => 5.0001);  -- error
\echo :SQLSTATE
SELECT jss_outcome(public_rating => 'NaN');  -- error
\echo :SQLSTATE
SELECT jss_outcome(public_rating => 'Infinity');  -- error
\echo :SQLSTATE
SELECT jss_outcome(public_rating => '-Infinity');  -- error
\echo :SQLSTATE
SELECT jss_outcome(private_rating => -0.5);  -- error
\echo :SQLSTATE
SELECT jss_outcome(private_rating => 10.5);  -- error
\echo :SQLSTATE
SELECT jss_outcome(private_rating => 'NaN');  -- error
\echo :SQLSTATE
SELECT jss_outcome(private_rating => 'Infinity');  -- error
\echo :SQLSTATE
SELECT jss_outcome(private_rating => '-Infinity');  -- error
\echo :SQLSTATE
SELECT jss_outcome(complaints => -1);  -- error
\echo :SQLSTATE
SELECT jss_outcome(complaints => -2147483648);  -- error
\echo :SQLSTATE
SELECT jss_outcome(missed_deadlines => -1);  -- error
\echo :SQLSTATE
SELECT jss_outcome(response_hours => -0.001);  -- error
\echo :SQLSTATE
SELECT jss_outcome(response_hours => 'NaN');  -- error
\echo :SQLSTATE
SELECT jss_outcome(response_hours => 'Infinity');  -- error
\echo :SQLSTATE
SELECT jss_outcome(response_hours => '-Infinity');  -- error
\echo :SQLSTATE
-- an error in one parameter is an error even when the others are fine
SELECT jss_outcome(public_rating => 5, private_rating => 11, long_term => true);  -- error
\echo :SQLSTATE
-- and an invalid count is an error even though 0 would be "no signal"
SELECT jss_outcome(disputed => true, missed_deadlines => -3);  -- error
\echo :SQLSTATE
