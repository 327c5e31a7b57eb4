-- test/demo.sql: a first jss report over a small built-in sample marketplace.
\pset footer off
\timing off
CREATE EXTENSION jss;
SELECT setseed(0.42) \gset

-- 12 freelancers, 40 clients, 1,200 contracts over two years.  Freelancer 3
-- declines over time, freelancer 7 is new, clients 1 to 4 are hard to please.
CREATE TABLE contracts AS
SELECT i AS contract_id,
       1 + i % 12 AS freelancer_id,
       1 + (i * 7) % 40 AS client_id,
       timestamptz '2024-11-01 00:00+00' + (i % 730) * interval '1 day' AS ended_at,
       round((50 + random() * 3000)::numeric, 2) AS earned,
       (random() * 200)::int * interval '1 day' AS paid_length,
       CASE WHEN random() < 0.15 THEN NULL
            ELSE least(5, greatest(1, round((
                 4.85 - (CASE WHEN 1 + i % 12 = 3 THEN (i % 730) / 250.0 ELSE 0 END)
                     - (CASE WHEN 1 + (i * 7) % 40 <= 4 THEN 1.5 ELSE 0 END)
                     + random() - 0.5)::numeric, 1)))
       END::float8 AS rating,
       random() < 0.03 AS disputed,
       (random() * random() * random() * 60)::int AS response_hours
FROM generate_series(1, 1200) AS i
WHERE 1 + i % 12 <> 7 OR i % 730 > 700;

CREATE TABLE outcomes AS
SELECT c.*,
       jss_outcome(public_rating => rating, disputed => disputed,
                   response_hours => response_hours) AS outcome
FROM contracts c;

CREATE TABLE client_weights AS
SELECT client_id, jss_client_weight(outcome) AS client_weight
FROM outcomes GROUP BY client_id;

\echo
\echo 'Job Success Scores per freelancer (weight = job weight x client weight)'
SELECT o.freelancer_id AS freelancer,
       count(o.outcome) AS contracts,
       round(jss_score(o.outcome, jss_job_weight(o.earned, o.paid_length) * w.client_weight)::numeric, 1) AS score,
       jss_band(jss_score(o.outcome, jss_job_weight(o.earned, o.paid_length) * w.client_weight)) AS band,
       round(jss_satisfaction_ratio(o.outcome, w.client_weight)::numeric, 2) AS satisfied,
       round(jss_trend_slope(o.outcome, o.ended_at)::numeric, 1) AS trend_per_quarter,
       jss_needs_review(jss_agg(o.outcome, o.ended_at, jss_job_weight(o.earned, o.paid_length) * w.client_weight)) AS review
FROM outcomes o JOIN client_weights w USING (client_id)
GROUP BY o.freelancer_id
ORDER BY score DESC NULLS LAST;

\echo 'The hardest clients weigh least:'
SELECT client_id AS client, round(client_weight::numeric, 3) AS client_weight
FROM client_weights ORDER BY client_weight LIMIT 5;
