-- test/golden/states-1.0.sql: how test/golden/states-1.0.csv was written,
-- once, by jss 1.0.  Kept to show where each value comes from; the test
-- never runs it (the CSV is data that every later version must read and
-- give exactly the same values from).  It was run as
--
--   psql -X -q -v ON_ERROR_STOP=1 -f test/golden/states-1.0.sql
--
-- in a database holding the extension and the sample marketplace
-- (test/marketplace.sql, contracts=20000, seed=0.42) with the biweekly
-- recipe built (test/recipes/biweekly.sql), and its output appended to the
-- CSV's header comment.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = 'postgres';
SET extra_float_digits = 1;

CREATE TEMP TABLE golden_state (ord serial, label text, state jss_state);
CREATE TEMP TABLE golden_asof (ord serial, label text, state jss_asof_state);

-- s(o, t, w): the jss_agg state of a list of rows
CREATE FUNCTION pg_temp.s(o float8[], t timestamptz[], w float8[] DEFAULT NULL)
RETURNS jss_state LANGUAGE sql AS $$
    SELECT jss_agg(o, t, w) FROM unnest($1, $2, $3) AS r(o, t, w)
$$;

INSERT INTO golden_state (label, state) VALUES
('empty',
 (SELECT jss_agg(o, t) FROM (VALUES (1::float8, now())) AS v(o, t) WHERE false)),
('one row',
 pg_temp.s('{1}', '{2026-01-15 00:00+00}')),
('two rows',
 pg_temp.s('{1, -0.5}', '{2026-01-15 00:00+00, 2026-03-02 12:00+00}')),
('neutral only',
 pg_temp.s('{0, 0, 0}', '{2025-05-01 00:00+00, 2025-06-01 00:00+00, 2025-07-01 00:00+00}')),
('negative outcomes',
 pg_temp.s(ARRAY[-1, -0.25, -0.5, -1/3::float8, -5/6::float8],
           '{2025-01-10 08:00+00, 2025-02-10 08:00+00, 2025-03-10 08:00+00, 2025-04-10 08:00+00, 2025-05-10 08:00+00}')),
('clamped at 0',
 pg_temp.s('{-1, -1, -1, -1}', '{2026-01-01 00:00+00, 2026-01-02 00:00+00, 2026-01-03 00:00+00, 2026-01-04 00:00+00}')),
('all perfect',
 pg_temp.s('{1, 1, 1, 1, 1, 1}', '{2026-01-05 00:00+00, 2026-02-05 00:00+00, 2026-03-05 00:00+00, 2026-04-05 00:00+00, 2026-05-05 00:00+00, 2026-06-05 00:00+00}')),
('weights 0 and 1e6',
 pg_temp.s('{1, -1, 0.5, 0.25}', '{2026-02-01 00:00+00, 2026-02-15 00:00+00, 2026-03-01 00:00+00, 2026-04-01 00:00+00}',
           '{0, 1e6, 1e6, 1}')),
('weights below the resolution',
 pg_temp.s('{1, 1, -1}', '{2026-02-01 00:00+00, 2026-02-02 00:00+00, 2026-02-03 00:00+00}',
           '{1e-10, 3e-10, 1}')),
('float noise is neutral',
 pg_temp.s(ARRAY[jss_outcome(public_rating => 4.2, private_rating => 7, missed_deadlines => 3),
                 jss_outcome(public_rating => 5, disputed => true),
                 jss_outcome(private_rating => 8, completed => true, long_term => true)],
           '{2026-03-01 00:00+00, 2026-03-08 00:00+00, 2026-03-15 00:00+00}',
           ARRAY[jss_job_weight(1500, '200 days'), jss_job_weight(100), jss_job_weight(5000, '3 years')])),
('microsecond times',
 pg_temp.s('{0.5, -0.75, 1}', '{2026-03-04 05:06:07.123456+00, 2026-03-04 23:59:59.999999+00, 2026-03-05 00:00:00.000001+00}',
           '{1.25, 2.5, 0.1}')),
('all on one day',
 pg_temp.s('{1, -1, 0.5}', '{2026-05-05 00:00:00+00, 2026-05-05 12:00:00+00, 2026-05-05 23:59:59.999999+00}')),
('before 2000',
 pg_temp.s('{1, 0.5, -0.5, 1}', '{1987-03-04 12:34:56.789012+00, 1999-12-31 23:59:59.999999+00, 2000-01-01 00:00:00+00, 1970-01-01 00:00:00+00}')),
('BC dates',
 pg_temp.s('{1, -1, 0.75}', '{4714-11-24 00:00:00+00 BC, 0044-03-15 12:00:00+00 BC, 0001-01-01 00:00:00+00 BC}',
           '{2, 1, 3}')),
('far future',
 pg_temp.s('{0.25, 1, -0.125}', '{9999-12-31 23:59:59.999999+00, 100000-06-15 00:00:00+00, 294276-12-31 23:59:59.999999+00}')),
('whole range',
 pg_temp.s('{1, -1}', '{4714-11-24 00:00:00+00 BC, 294276-12-31 23:59:59.999999+00}', '{1e6, 1e6}')),
('perfect falling line',
 pg_temp.s('{1, 0.875, 0.75, 0.625, 0.5}', '{2026-01-01 00:00+00, 2026-01-31 00:00+00, 2026-03-02 00:00+00, 2026-04-01 00:00+00, 2026-05-01 00:00+00}')),
('good score, significant fall',
 pg_temp.s('{1, 1, 1, 0.9, 1, 0.8, 0.6, 0.7, 0.4, 0.5}',
           '{2025-06-01 00:00+00, 2025-07-01 00:00+00, 2025-08-01 00:00+00, 2025-09-01 00:00+00, 2025-10-01 00:00+00, 2025-11-01 00:00+00, 2025-12-01 00:00+00, 2026-01-01 00:00+00, 2026-02-01 00:00+00, 2026-03-01 00:00+00}')),
('good score, steep fall, t above -2',
 pg_temp.s('{1, 1, 1, 0.5, 1, 0.25}',
           '{2026-01-01 00:00+00, 2026-02-01 00:00+00, 2026-03-01 00:00+00, 2026-04-01 00:00+00, 2026-05-01 00:00+00, 2026-06-01 00:00+00}')),
('good score, slight fall',
 pg_temp.s('{1, 0.2, 1, 1, 0.6}',
           '{2026-01-01 00:00+00, 2026-02-01 00:00+00, 2026-03-01 00:00+00, 2026-04-01 00:00+00, 2026-05-01 00:00+00}')),
('1000 rows at one instant',
 (SELECT jss_agg(0.75, timestamptz '2026-06-30 23:59:59.5+00', 8) FROM generate_series(1, 1000))),
('no ended_at (jss_outcome_accum)',
 jss_outcome_accum(NULL::jss_state, 0.5, 2)),
('no ended_at, three rows',
 jss_outcome_accum(jss_outcome_accum(jss_outcome_accum(NULL::jss_state, 0.5, 2), -1), 0)),
('partly dated (combined)',
 jss_state_combine(jss_outcome_accum(NULL::jss_state, -0.75, 1.5),
                   jss_agg_accum(jss_agg_accum(NULL::jss_state, 1, '2026-04-01 00:00+00', 2.5), 0.25, '2026-06-01 00:00+00'))),
('rollup of the sample marketplace',
 (SELECT jss_rollup(state) FROM jss_biweekly));

-- as-of states, built with the transition function as an aggregate would
CREATE AGGREGATE pg_temp.asof_state(float8, float8, timestamptz, timestamptz) (
    SFUNC = jss_asof_accum, STYPE = jss_asof_state);

INSERT INTO golden_asof (label, state)
SELECT label, (SELECT pg_temp.asof_state(o, w, t, as_of) FROM unnest(o, w, t) AS r(o, w, t))
FROM (VALUES
 ('three rows, all in 6 months', timestamptz '2026-07-01 00:00+00',
  '{1, 0.5, -1}'::float8[], '{1, 2, 1}'::float8[],
  '{2026-02-01 00:00+00, 2026-05-01 00:00+00, 2026-07-01 00:00+00}'::timestamptz[]),
 ('6 months beat 24', timestamptz '2026-11-16 00:00+00',
  '{-1, -1, -0.5, 1, 1, 0.75, 1}', '{1.5, 1, 1, 1, 2, 1, 1}',
  '{2024-11-16 00:00+00, 2025-03-01 00:00+00, 2025-12-01 00:00+00, 2026-05-16 00:00+00, 2026-06-01 00:00+00, 2026-09-01 00:00+00, 2026-11-16 00:00+00}'),
 ('month end, edges', timestamptz '2026-08-31 12:00+00',
  '{1, -1, -1, 0.5, 1}', '{1, 1, 1, 1, 1}',
  '{2026-02-28 12:00+00, 2026-02-28 11:59:59.999999+00, 2024-08-31 12:00+00, 2024-08-31 11:59:59.999999+00, 2026-08-31 12:00:00.000001+00}'),
 ('one row in the windows', timestamptz '2026-01-01 00:00+00',
  '{1, 1}', '{1, 1}',
  '{2025-12-31 00:00+00, 2023-12-31 23:59:59.999999+00}')
) AS v(label, as_of, o, w, t);

\echo 'kind,label,text,binary_hex,contracts,score,score_0_1_1,satisfaction_ratio,trend_slope,first_ended,last_ended,needs_review,asof_score'
COPY (
    SELECT 'jss_state', label, state::text, encode(jss_state_send(state), 'hex'),
           jss_contracts(state)::text, jss_score(state)::text, jss_score(state, 0, 1, 1)::text,
           jss_satisfaction_ratio(state)::text, jss_trend_slope(state)::text,
           jss_first_ended(state)::text, jss_last_ended(state)::text,
           jss_needs_review(state)::text, NULL
    FROM golden_state
    UNION ALL
    SELECT 'jss_asof_state', label, state::text, encode(jss_asof_state_send(state), 'hex'),
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, jss_asof_final(state)::text
    FROM golden_asof
) TO STDOUT WITH (FORMAT csv);
