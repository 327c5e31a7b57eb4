--
-- Comparing states: = and <> are true when two states hold the same sums (so every
-- accessor gives the same results), and jss_state has btree and hash operator
-- classes, so that DISTINCT, GROUP BY, UNION, IN and count(DISTINCT ...) work on
-- states as on core types.  The order of < and > is the byte order of the binary
-- form: it means nothing about scores, and it is the same on every platform.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
\set VERBOSITY terse
\set SHOW_CONTEXT never
SET TimeZone = 'UTC';

CREATE TABLE eq_rows (g int, o float8, t timestamptz);
INSERT INTO eq_rows
SELECT i % 10, ((i * 37) % 21 - 10) / 10.0, timestamptz '2026-01-01 00:00+00' + (i % 30) * interval '1 day'
FROM generate_series(1, 300) i;
-- groups 0..9, each stored twice: once aggregated, once rolled up from halves
CREATE TABLE eq_states AS
SELECT g, 'agg' AS how, jss_agg(o, t) AS s FROM eq_rows GROUP BY g
UNION ALL
SELECT g, 'rollup', jss_rollup(s) FROM (
  SELECT g, jss_agg(o, t) AS s FROM eq_rows GROUP BY g, o > 0) h GROUP BY g;

-- the same rows give equal states however they were formed; different rows do not
SELECT bool_and(a.s = b.s) AS equal, bool_and(NOT a.s <> b.s) AS not_unequal
FROM eq_states a JOIN eq_states b ON a.g = b.g AND a.how = 'agg' AND b.how = 'rollup';
SELECT count(*) AS pairs, count(*) FILTER (WHERE a.s = b.s) AS equal_pairs
FROM eq_states a JOIN eq_states b ON a.g < b.g AND a.how = 'agg' AND b.how = 'agg';

-- DISTINCT (sorted and hashed), GROUP BY, UNION, IN, count(DISTINCT ...)
SELECT count(DISTINCT s) AS count_distinct, count(*) AS stored FROM eq_states;
SET enable_hashagg = off;
SELECT count(*) AS sorted_distinct FROM (SELECT DISTINCT s FROM eq_states) d;
RESET enable_hashagg;
SET enable_sort = off;
SELECT count(*) AS hashed_distinct FROM (SELECT DISTINCT s FROM eq_states) d;
RESET enable_sort;
SELECT count(*) AS groups, min(n) AS least_per_group, max(n) AS most_per_group
FROM (SELECT s, count(*) AS n FROM eq_states GROUP BY s) x;
SELECT count(*) AS union_rows FROM (SELECT s FROM eq_states WHERE how = 'agg' UNION SELECT s FROM eq_states) u;
SELECT count(*) AS in_list FROM eq_states WHERE s IN (SELECT s FROM eq_states WHERE g < 3 AND how = 'rollup');
SELECT count(*) AS hash_join FROM eq_states a JOIN eq_states b USING (s);

-- the hash is taken over the binary form: equal states hash alike; the seeded
-- form differs with the seed
SELECT count(DISTINCT jss_state_hash(s)) AS distinct_hashes,
       bool_and(jss_state_hash_extended(s, 0) <> jss_state_hash_extended(s, 1)) AS seed_matters
FROM eq_states;

-- the order is total and agrees with the binary form's byte order
SELECT bool_and((a.s < b.s) = (jss_state_send(a.s) < jss_state_send(b.s))
                AND (a.s <= b.s) = (jss_state_send(a.s) <= jss_state_send(b.s))
                AND (a.s > b.s) = (jss_state_send(a.s) > jss_state_send(b.s))
                AND (a.s >= b.s) = (jss_state_send(a.s) >= jss_state_send(b.s))
                AND sign(jss_state_cmp(a.s, b.s)) =
                    CASE WHEN jss_state_send(a.s) < jss_state_send(b.s) THEN -1
                         WHEN jss_state_send(a.s) > jss_state_send(b.s) THEN 1 ELSE 0 END) AS order_is_binary_order
FROM eq_states a, eq_states b;

-- empty states are equal to each other, and NULL compares as NULL
SELECT jss_agg(o, t) = jss_rollup(NULL::jss_state) AS empty_equal,
       (NULL::jss_state = jss_agg(o, t)) IS NULL AS null_is_unknown
FROM eq_rows WHERE false;

-- the operator classes and operators are what the planner needs
SELECT amname, opcname, opcdefault FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
WHERE opcintype = 'jss_state'::regtype ORDER BY amname;
SELECT oprname, oprcanhash, oprcanmerge FROM pg_operator
WHERE oprleft = 'jss_state'::regtype AND oprright = 'jss_state'::regtype ORDER BY oprname;

-- a malformed state on either side is refused as everywhere
SELECT 'v1 n=1'::jss_state = 'v1 n=1'::jss_state;  -- error

DROP TABLE eq_states, eq_rows;
