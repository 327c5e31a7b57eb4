-- test/trusted/exercise.sql: call every function of jss at least once, as
-- the connected role, and store each result as text in public.jss_results.
--
--   psql -v s=SCHEMA -f test/trusted/exercise.sql
--
-- s is the schema jss is installed in.  The binary COPY round trip writes
-- jss_states.bin in the current directory (\copy: client side, so a
-- non-superuser can run it).
--
-- Every name is schema-qualified and no operator is used (the comparisons
-- happen later, in another session, against a clean database's results):
-- this file runs unchanged with an empty search_path and with a hostile
-- schema before pg_catalog in it, and then calls nothing but pg_catalog and
-- jss.  Casts are fine: they are looked up by type, not by name.
\set ON_ERROR_STOP 1
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';

CREATE TABLE public.jss_results (label pg_catalog.text, value pg_catalog.text);
CREATE TABLE public.jss_rows (g pg_catalog.int4, o pg_catalog.float8, w pg_catalog.float8,
                              t pg_catalog.timestamptz);
INSERT INTO public.jss_rows VALUES
  (1, 1, 1, '2025-01-15 00:00+00'), (1, 0.5, 2, '2025-03-02 00:00+00'),
  (1, -0.25, 1.5, '2025-06-20 12:00+00'), (1, 0, 1, '2025-09-01 00:00+00'),
  (1, 1, 8, '2026-01-10 00:00+00'), (1, NULL, 1, '2026-02-01 00:00+00'),
  (2, -1, 1, '2025-02-01 00:00+00'), (2, 1, NULL, '2025-12-31 23:59:59.999999+00'),
  (2, 0.75, 3, '2026-04-01 00:00+00'), (2, 1, 1, NULL),
  (3, 1, 1, '2026-05-01 00:00+00');

-- per-contract functions and the band
INSERT INTO public.jss_results VALUES
  ('jss_outcome', :s.jss_outcome(public_rating => 5, private_rating => 8, completed => true,
                                  disputed => true, refunded => false, complaints => 1,
                                  missed_deadlines => 2, response_hours => 36, long_term => true)::pg_catalog.text),
  ('jss_outcome null', :s.jss_outcome()::pg_catalog.text),
  ('jss_job_weight', :s.jss_job_weight(1500, '200 days')::pg_catalog.text),
  ('jss_job_weight default', :s.jss_job_weight(100)::pg_catalog.text),
  ('jss_band', :s.jss_band(89.999)::pg_catalog.text),
  ('jss_band 90', :s.jss_band(90)::pg_catalog.text);

-- the aggregates, in GROUP BY
INSERT INTO public.jss_results
SELECT pg_catalog.concat('group ', g, ' ', label), value
FROM (SELECT g,
             :s.jss_score(o)::pg_catalog.text AS score1,
             :s.jss_score(o, w)::pg_catalog.text AS score2,
             :s.jss_score(o, w, t, '2026-06-01 00:00+00')::pg_catalog.text AS score_asof,
             :s.jss_satisfaction_ratio(o)::pg_catalog.text AS ratio1,
             :s.jss_satisfaction_ratio(o, w)::pg_catalog.text AS ratio2,
             :s.jss_trend_slope(o, t)::pg_catalog.text AS slope2,
             :s.jss_trend_slope(o, t, w)::pg_catalog.text AS slope3,
             :s.jss_client_weight(o)::pg_catalog.text AS client_weight,
             :s.jss_agg(o, t)::pg_catalog.text AS agg2,
             :s.jss_agg(o, t, w)::pg_catalog.text AS agg3,
             :s.jss_score_history(o, w, t, '{2026-06-01 00:00+00,2025-06-01 00:00+00}'::pg_catalog.timestamptz[])::pg_catalog.text
                 AS history,
             :s.jss_score_history(o, w, t::pg_catalog.timestamp,
                                  '{2026-06-01 00:00,2025-06-01 00:00}'::pg_catalog.timestamp[])::pg_catalog.text AS history_ts
      FROM public.jss_rows GROUP BY g) x,
     LATERAL (VALUES ('score1', score1), ('score2', score2), ('score_asof', score_asof),
                     ('ratio1', ratio1), ('ratio2', ratio2), ('slope2', slope2), ('slope3', slope3),
                     ('client_weight', client_weight), ('agg2', agg2), ('agg3', agg3),
                     ('history', history), ('history_ts', history_ts)) v(label, value);

-- the aggregates as window functions: sliding frames (moving-aggregate mode,
-- forward and inverse transitions) and running frames
INSERT INTO public.jss_results
SELECT pg_catalog.concat('window ', pg_catalog.row_number() OVER ()), pg_catalog.concat_ws(' | ', VARIADIC a)
FROM (SELECT ARRAY[
        :s.jss_score(o) OVER w2::pg_catalog.text,
        :s.jss_score(o, w) OVER w2::pg_catalog.text,
        :s.jss_satisfaction_ratio(o) OVER w2::pg_catalog.text,
        :s.jss_satisfaction_ratio(o, w) OVER w2::pg_catalog.text,
        :s.jss_trend_slope(o, t) OVER w2::pg_catalog.text,
        :s.jss_trend_slope(o, t, w) OVER w2::pg_catalog.text,
        :s.jss_agg(o, t) OVER w2::pg_catalog.text,
        :s.jss_agg(o, t, w) OVER w2::pg_catalog.text,
        :s.jss_score(o, w) OVER months::pg_catalog.text,
        :s.jss_agg(o, t, w) OVER months::pg_catalog.text,
        :s.jss_client_weight(o) OVER running::pg_catalog.text,
        :s.jss_score(o, w, t, '2026-06-01 00:00+00') OVER running::pg_catalog.text] AS a
      FROM public.jss_rows
      WINDOW w2 AS (ORDER BY t, g, o ROWS BETWEEN 2 PRECEDING AND CURRENT ROW),
             months AS (PARTITION BY g ORDER BY t RANGE BETWEEN '6 months' PRECEDING AND CURRENT ROW),
             running AS (ORDER BY t, g, o)
      ORDER BY t, g, o) x;

-- states: jss_rollup (GROUP BY and window), the accessors, explain, contracts needed
CREATE TABLE public.jss_states (g pg_catalog.int4, s :s.jss_state, a :s.jss_asof_state);
INSERT INTO public.jss_states
SELECT g, :s.jss_agg(o, t, w),
       (SELECT :s.jss_asof_accum(NULL, 1, 2, '2026-01-01 00:00+00', '2026-06-01 00:00+00'))
FROM public.jss_rows GROUP BY g;
INSERT INTO public.jss_results
SELECT pg_catalog.concat('state ', g, ' ', label), value
FROM public.jss_states,
     LATERAL (VALUES
       ('jss_score', :s.jss_score(s)::pg_catalog.text),
       ('jss_score prior', :s.jss_score(s, 1, 0.5, 1)::pg_catalog.text),
       ('jss_score named', :s.jss_score(s, min_contracts => 1)::pg_catalog.text),
       ('jss_satisfaction_ratio', :s.jss_satisfaction_ratio(s)::pg_catalog.text),
       ('jss_trend_slope', :s.jss_trend_slope(s)::pg_catalog.text),
       ('jss_contracts', :s.jss_contracts(s)::pg_catalog.text),
       ('jss_first_ended', :s.jss_first_ended(s)::pg_catalog.text),
       ('jss_last_ended', :s.jss_last_ended(s)::pg_catalog.text),
       ('jss_needs_review', :s.jss_needs_review(s)::pg_catalog.text),
       ('jss_explain', :s.jss_explain(s)::pg_catalog.text),
       ('jss_explain prior', :s.jss_explain(s, 0, 1, 1)::pg_catalog.text),
       ('jss_contracts_needed', :s.jss_contracts_needed(s)::pg_catalog.text),
       ('jss_contracts_needed 80', :s.jss_contracts_needed(s, 80)::pg_catalog.text),
       ('text round trip', s::pg_catalog.text:::s.jss_state::pg_catalog.text),
       ('jss_state_send', :s.jss_state_send(s)::pg_catalog.text),
       ('jss_asof_state_send', :s.jss_asof_state_send(a)::pg_catalog.text),
       ('asof text round trip', a::pg_catalog.text:::s.jss_asof_state::pg_catalog.text)) v(label, value);
INSERT INTO public.jss_results
SELECT 'jss_rollup', :s.jss_rollup(s)::pg_catalog.text FROM public.jss_states;
INSERT INTO public.jss_results
SELECT pg_catalog.concat('jss_rollup window ', g), :s.jss_rollup(s) OVER (ORDER BY g)::pg_catalog.text
FROM public.jss_states;

-- the support functions, called directly
INSERT INTO public.jss_results
SELECT label, value
FROM (SELECT :s.jss_agg(o, t, w) AS s FROM public.jss_rows WHERE g OPERATOR(pg_catalog.=) 1) x,
     LATERAL (VALUES
       ('jss_outcome_accum 2', :s.jss_outcome_accum(s, 0.5)::pg_catalog.text),
       ('jss_outcome_accum 3', :s.jss_outcome_accum(s, -0.5, 2)::pg_catalog.text),
       ('jss_outcome_accum null', :s.jss_outcome_accum(NULL, 1)::pg_catalog.text),
       ('jss_agg_accum 3', :s.jss_agg_accum(s, 1, '2026-07-01 00:00+00')::pg_catalog.text),
       ('jss_agg_accum 4', :s.jss_agg_accum(s, 1, '2026-07-01 00:00+00', 3)::pg_catalog.text),
       ('jss_state_combine', :s.jss_state_combine(s, s)::pg_catalog.text),
       ('jss_state_combine null', :s.jss_state_combine(NULL, s)::pg_catalog.text),
       ('jss_state_final', :s.jss_state_final(s)::pg_catalog.text),
       ('jss_state_final null', :s.jss_state_final(NULL)::pg_catalog.text),
       ('jss_score_final', :s.jss_score_final(s)::pg_catalog.text),
       ('jss_client_weight_final', :s.jss_client_weight_final(s)::pg_catalog.text),
       ('jss_client_weight_final null', :s.jss_client_weight_final(NULL)::pg_catalog.text)) v(label, value);
INSERT INTO public.jss_results
SELECT label, value
FROM (SELECT a FROM public.jss_states WHERE g OPERATOR(pg_catalog.=) 1) x,
     LATERAL (VALUES
       ('jss_asof_accum', :s.jss_asof_accum(a, -1, 1, '2026-05-01 00:00+00', '2026-06-01 00:00+00')::pg_catalog.text),
       ('jss_asof_combine', :s.jss_asof_combine(a, a)::pg_catalog.text),
       ('jss_asof_final', :s.jss_asof_final(:s.jss_asof_combine(a, a))::pg_catalog.text),
       ('jss_asof_state_in', 'v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=none'::pg_catalog.text:::s.jss_asof_state::pg_catalog.text)) v(label, value);
INSERT INTO public.jss_results
SELECT label, value
FROM (SELECT :s.jss_history_accum(NULL, 1, 1, '2026-05-01 00:00+00'::pg_catalog.timestamptz,
                                  '{2026-06-01 00:00+00}'::pg_catalog.timestamptz[]) AS h,
             :s.jss_history_accum(NULL, 0.5, 2, '2026-05-02 00:00'::pg_catalog.timestamp,
                                  '{2026-06-01 00:00}'::pg_catalog.timestamp[]) AS h_ts) x,
     LATERAL (VALUES
       ('jss_history_accum', h::pg_catalog.text),
       ('jss_history_accum timestamp', h_ts::pg_catalog.text),
       ('jss_history_combine', :s.jss_history_combine(h, h_ts)::pg_catalog.text),
       ('jss_history_final', :s.jss_history_final(:s.jss_history_combine(h, h_ts))::pg_catalog.text)) v(label, value);

-- the receive functions: a binary COPY round trip (client side)
CREATE TABLE public.jss_states_copy (g pg_catalog.int4, s :s.jss_state, a :s.jss_asof_state);
\copy public.jss_states TO 'jss_states.bin' WITH (FORMAT binary)
\copy public.jss_states_copy FROM 'jss_states.bin' WITH (FORMAT binary)
INSERT INTO public.jss_results
SELECT pg_catalog.concat('binary round trip ', g), pg_catalog.concat(s, ' ', a)
FROM public.jss_states_copy;

-- version 1.1: the timestamp forms, comparing and hashing states, jss_band(text)
INSERT INTO public.jss_results
SELECT pg_catalog.concat('timestamp group ', g, ' ', label), value
FROM (SELECT g,
             :s.jss_agg(o, pg_catalog.timezone('UTC', t))::pg_catalog.text AS agg2,
             :s.jss_agg(o, pg_catalog.timezone('UTC', t), w)::pg_catalog.text AS agg3,
             :s.jss_trend_slope(o, pg_catalog.timezone('UTC', t))::pg_catalog.text AS slope2,
             :s.jss_score(o, w, pg_catalog.timezone('UTC', t),
                          '2026-06-01 00:00'::pg_catalog.timestamp)::pg_catalog.text AS score_asof
      FROM public.jss_rows GROUP BY g) x,
     LATERAL (VALUES ('agg2', agg2), ('agg3', agg3), ('slope2', slope2), ('score_asof', score_asof)) v(label, value);
INSERT INTO public.jss_results
SELECT 'timestamp window',
       pg_catalog.concat(:s.jss_agg(o, pg_catalog.timezone('UTC', t), w) OVER w2,
                         :s.jss_trend_slope(o, pg_catalog.timezone('UTC', t)) OVER w2)
FROM public.jss_rows WINDOW w2 AS (ORDER BY t, o ROWS BETWEEN 1 PRECEDING AND CURRENT ROW);
INSERT INTO public.jss_results
SELECT label, value
FROM (SELECT :s.jss_agg(o, t, w) AS s FROM public.jss_rows WHERE g OPERATOR(pg_catalog.=) 1) x,
     LATERAL (VALUES
       ('jss_agg_accum timestamp 3', :s.jss_agg_accum(s, 1, '2026-07-01 00:00'::pg_catalog.timestamp)::pg_catalog.text),
       ('jss_agg_accum timestamp 4', :s.jss_agg_accum(s, 1, '2026-07-01 00:00'::pg_catalog.timestamp, 3)::pg_catalog.text),
       ('jss_asof_accum timestamp', :s.jss_asof_accum(NULL, 1, 2, '2026-01-01 00:00'::pg_catalog.timestamp,
                                                      '2026-06-01 00:00'::pg_catalog.timestamp)::pg_catalog.text),
       ('=', (s OPERATOR(:s.=) s)::pg_catalog.text),
       ('<>', (s OPERATOR(:s.<>) s)::pg_catalog.text),
       ('<', (s OPERATOR(:s.<) s)::pg_catalog.text),
       ('<=', (s OPERATOR(:s.<=) s)::pg_catalog.text),
       ('>', (s OPERATOR(:s.>) s)::pg_catalog.text),
       ('>=', (s OPERATOR(:s.>=) s)::pg_catalog.text),
       ('jss_state_eq', :s.jss_state_eq(s, s)::pg_catalog.text),
       ('jss_state_ne', :s.jss_state_ne(s, s)::pg_catalog.text),
       ('jss_state_lt', :s.jss_state_lt(s, s)::pg_catalog.text),
       ('jss_state_le', :s.jss_state_le(s, s)::pg_catalog.text),
       ('jss_state_gt', :s.jss_state_gt(s, s)::pg_catalog.text),
       ('jss_state_ge', :s.jss_state_ge(s, s)::pg_catalog.text),
       ('jss_state_cmp', :s.jss_state_cmp(s, s)::pg_catalog.text),
       ('jss_state_hash', :s.jss_state_hash(s)::pg_catalog.text),
       ('jss_state_hash_extended', :s.jss_state_hash_extended(s, 7)::pg_catalog.text),
       ('jss_band text', :s.jss_band('74.5'::pg_catalog.text)::pg_catalog.text)) v(label, value);
INSERT INTO public.jss_results
SELECT 'count distinct states', pg_catalog.count(DISTINCT s)::pg_catalog.text FROM public.jss_states;
INSERT INTO public.jss_results
SELECT pg_catalog.concat('jss_rollup sliding ', g),
       :s.jss_rollup(s) OVER (ORDER BY g ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)::pg_catalog.text
FROM public.jss_states;

-- every aggregate of the extension was called above (in GROUP BY or a window), and every
-- one with a moving-aggregate mode in a sliding frame: a new aggregate fails this until
-- it is added here
INSERT INTO public.jss_results
SELECT 'aggregate not exercised', p.oid::pg_catalog.regprocedure::pg_catalog.text
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_depend d ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid OPERATOR(pg_catalog.=) p.oid
     AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype OPERATOR(pg_catalog.=) 'e'
JOIN pg_catalog.pg_extension e ON e.oid OPERATOR(pg_catalog.=) d.refobjid AND e.extname OPERATOR(pg_catalog.=) 'jss'
WHERE p.prokind OPERATOR(pg_catalog.=) 'a'
  AND pg_catalog.concat(p.proname, '/', p.pronargs) OPERATOR(pg_catalog.<>) ALL (ARRAY[
        'jss_score/1', 'jss_score/2', 'jss_score/4', 'jss_satisfaction_ratio/1',
        'jss_satisfaction_ratio/2', 'jss_trend_slope/2', 'jss_trend_slope/3',
        'jss_client_weight/1', 'jss_agg/2', 'jss_agg/3', 'jss_rollup/1', 'jss_score_history/4']);
