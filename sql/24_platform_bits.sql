-- The same rows give the same bits on every platform: 32- and 64-bit, with
-- or without a native 128-bit integer, on every supported PostgreSQL.
-- The contracts below are made with integer arithmetic only (no random(),
-- no libm), so that every machine feeds jss exactly the same values; the
-- results are shown as the big-endian bytes of each float8 (float8send),
-- which no output setting rounds, and the states as text.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS jss;
RESET client_min_messages;
SET extra_float_digits = 0;

CREATE TEMP TABLE bits_contracts AS
SELECT g AS contract_id,
       1 + g % 12 AS freelancer_id,
       1 + (g * 7) % 9 AS client_id,
       CASE WHEN g % 11 = 0 THEN NULL ELSE 1 + ((g * 31) % 9) / 2.0 END::float8 AS public_rating,
       CASE WHEN g % 13 = 0 THEN NULL ELSE (g * 17) % 11 END::float8 AS private_rating,
       CASE WHEN g % 29 = 0 THEN NULL ELSE g % 19 <> 0 END AS completed,
       g % 41 = 0 AS disputed,
       g % 82 = 0 AS refunded,
       (g % 37 = 0)::int AS complaints,
       (g % 23 = 0)::int AS missed_deadlines,
       CASE WHEN g % 10 = 0 THEN NULL ELSE ((g * 13) % 97) / 4.0 END::float8 AS response_hours,
       g % 3 = 0 AS long_term,
       ((g * 9973) % 250000) / 100.0 + 5 AS earned,
       CASE WHEN g % 2 = 0 THEN NULL ELSE make_interval(days => (g * 7) % 400) END AS paid_length,
       timestamptz '2024-01-01 00:00+00' + g * interval '3 hours 17 minutes 13.5 seconds' AS ended_at
FROM generate_series(1, 6000) AS g;

CREATE TEMP TABLE bits_scored AS
SELECT c.*,
       jss_outcome(public_rating, private_rating, completed, disputed, refunded,
                   complaints, missed_deadlines, response_hours, long_term) AS outcome,
       jss_job_weight(earned, paid_length) AS job_weight
FROM bits_contracts c;

-- every contract's outcome and job weight, summed into one checksum each
-- (their float8 bytes, in contract order)
SELECT count(*) AS contracts,
       md5(string_agg(coalesce(float8send(outcome)::text, 'null'), ',' ORDER BY contract_id)) AS outcome_bits,
       md5(string_agg(float8send(job_weight)::text, ',' ORDER BY contract_id)) AS job_weight_bits
FROM bits_scored;

-- one client weight per client
SELECT client_id, float8send(jss_client_weight(outcome)) AS client_weight
FROM bits_scored GROUP BY client_id ORDER BY client_id;

-- every one-step aggregate per freelancer, weighted by job x client weight
CREATE TEMP TABLE bits_weighted AS
SELECT s.*, s.job_weight * w.client_weight AS weight
FROM bits_scored s
JOIN (SELECT client_id, jss_client_weight(outcome) AS client_weight
      FROM bits_scored GROUP BY client_id) w USING (client_id);

SELECT freelancer_id,
       float8send(jss_score(outcome)) AS score,
       float8send(jss_score(outcome, weight)) AS weighted_score,
       float8send(jss_score(outcome, weight, ended_at, '2025-06-01 00:00+00')) AS asof_score,
       float8send(jss_satisfaction_ratio(outcome, weight)) AS satisfaction,
       float8send(jss_trend_slope(outcome, ended_at, weight)) AS trend
FROM bits_weighted GROUP BY freelancer_id ORDER BY freelancer_id;

-- the two-step states, their text and the accessors over them
SELECT freelancer_id, jss_agg(outcome, ended_at, weight) AS state
FROM bits_weighted GROUP BY freelancer_id ORDER BY freelancer_id;

SELECT float8send(jss_score(jss_rollup(state))) AS rollup_score,
       float8send(jss_trend_slope(jss_rollup(state))) AS rollup_trend,
       jss_contracts_needed(jss_rollup(state), 95) AS contracts_needed
FROM (SELECT jss_agg(outcome, ended_at, weight) AS state
      FROM bits_weighted GROUP BY freelancer_id) s;

-- a moving window, frame by frame, summed into one checksum
SELECT md5(string_agg(coalesce(float8send(s)::text, 'null'), ',' ORDER BY contract_id))
       AS moving_score_bits
FROM (SELECT contract_id,
             jss_score(outcome, weight) OVER (PARTITION BY freelancer_id ORDER BY ended_at
                                              ROWS BETWEEN 40 PRECEDING AND CURRENT ROW) AS s
      FROM bits_weighted) w;
