-- test/demo.sql: the JSS report of `make demo`, over the marketplace that
-- test/marketplace.sql loaded and the biweekly views of
-- test/recipes/biweekly.sql, as of their refresh date (CALL jss_refresh).
\pset footer off
\pset null '-'

SELECT as_of FROM jss_refresh \gset
CREATE TEMP TABLE report AS SELECT * FROM jss_report;

\echo
\echo '== Job Success Scores as of' :as_of '=='
SELECT (SELECT count(*) FROM freelancers) AS freelancers,
       (SELECT count(*) FROM clients) AS clients,
       (SELECT count(*) FROM contracts) AS contracts,
       (SELECT count(*) FROM contracts WHERE ended_at IS NULL) AS ongoing,
       (SELECT count(*) FROM jss_biweekly) AS stored_states,
       (SELECT count(*) FROM report WHERE score IS NOT NULL) AS scored;

\echo
\echo 'Bands (freelancers with at least 2 contracts in a window)'
SELECT band, count(*) AS freelancers,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS percent,
       repeat('#', (50.0 * count(*) / max(count(*)) OVER ())::int) AS histogram
FROM report WHERE band IS NOT NULL
GROUP BY band ORDER BY band DESC;

\echo
\echo 'Top freelancers (satisfied: weighted share of good contracts; clients: share of'
\echo 'satisfied clients, each client counted once, over the last 24 months)'
WITH per_client AS (
    SELECT freelancer_id, client_id, avg(outcome) AS outcome
    FROM contract_outcomes
    WHERE ended_at <= :'as_of' AND ended_at >= :'as_of'::timestamptz - interval '24 months'
    GROUP BY freelancer_id, client_id
), clients AS (
    SELECT freelancer_id, count(*) AS clients, jss_satisfaction_ratio(outcome) AS ratio
    FROM per_client GROUP BY freelancer_id
)
SELECT r.freelancer_id AS freelancer, f.country, r.contracts, c.clients,
       round(r.score::numeric, 1) AS score,
       round(100 * r.satisfaction::numeric, 0) || '%' AS satisfied,
       round(100 * c.ratio::numeric, 0) || '%' AS "clients satisfied",
       to_char(r.trend, 'S990.0') AS "trend/quarter"
FROM report r JOIN freelancers f USING (freelancer_id) JOIN clients c USING (freelancer_id)
WHERE r.score IS NOT NULL
ORDER BY r.score DESC, r.contracts DESC, r.freelancer_id
LIMIT 8;

\echo
SELECT format('Flagged for review: %s of %s scored freelancers (%s for the score, %s for the trend)',
              count(*) FILTER (WHERE needs_review),
              count(*) FILTER (WHERE score IS NOT NULL),
              count(*) FILTER (WHERE 'score below 70' = ANY (reasons)),
              count(*) FILTER (WHERE 'negative trend' = ANY (reasons))) AS flagged FROM report \gset
\echo :flagged
\echo
\echo 'Falling trends (a good score, but significantly worse over the last 24 months)'
SELECT r.freelancer_id AS freelancer, f.profile, r.contracts,
       round(r.score::numeric, 1) AS score, r.band,
       to_char(r.trend, 'S990.0') AS "trend/quarter",
       array_to_string(r.reasons, ', ') AS reason,
       r.contracts_to_90 AS "perfect contracts to 90"
FROM report r JOIN freelancers f USING (freelancer_id)
WHERE 'negative trend' = ANY (r.reasons)
ORDER BY r.trend, r.freelancer_id
LIMIT 6;

\echo
\echo 'Their last year, from jss_history (the JSS at each biweekly date, oldest first;'
\echo 'one bar per date, 7 points a step: ▁ below 57, ▂ from 57, ... █ from 99; blank: no score)'
WITH flagged AS (
    (SELECT freelancer_id FROM report WHERE 'negative trend' = ANY (reasons)
     ORDER BY trend, freelancer_id LIMIT 3)
    UNION
    (SELECT freelancer_id FROM report WHERE 'score below 70' = ANY (reasons)
     ORDER BY score, contracts DESC, freelancer_id LIMIT 3)
)
SELECT h.freelancer_id AS freelancer,
       string_agg(CASE WHEN h.score IS NULL THEN ' '
                       ELSE substr('▁▂▃▄▅▆▇█', 1 + least(7, greatest(0, floor((h.score - 50) / 7)))::int, 1) END,
                  '' ORDER BY h.as_of) AS "last 26 biweekly dates",
       round((array_agg(h.score ORDER BY h.as_of))[1]::numeric, 1) AS "a year ago",
       round((array_agg(h.score ORDER BY h.as_of DESC))[1]::numeric, 1) AS now
FROM jss_history h JOIN flagged USING (freelancer_id)
GROUP BY h.freelancer_id ORDER BY now, h.freelancer_id;

\echo
\echo 'Lowest scores'
SELECT r.freelancer_id AS freelancer, f.profile, r.contracts,
       round(r.score::numeric, 1) AS score, r.band,
       to_char(r.trend, 'S990.0') AS "trend/quarter",
       array_to_string(r.reasons, ', ') AS reason,
       r.contracts_to_90 AS "perfect contracts to 90"
FROM report r JOIN freelancers f USING (freelancer_id)
WHERE 'score below 70' = ANY (r.reasons)
ORDER BY r.score, r.contracts DESC, r.freelancer_id
LIMIT 6;

\echo
\echo 'Why? jss_explain of the 24 months of the freelancer with the steepest fall'
SELECT jsonb_pretty(jss_explain(w.state24) - 'prior') AS explain
FROM freelancer_window_states(:'as_of', ARRAY(SELECT freelancer_id FROM report
                                             WHERE 'negative trend' = ANY (reasons)
                                             ORDER BY trend, freelancer_id LIMIT 1)) w;

\echo
\echo 'Harsh clients: their weight, and what weighting by it changed'
SELECT c.profile, count(*) AS clients,
       round(avg(w.client_weight)::numeric, 3) AS avg_weight,
       round(min(w.client_weight)::numeric, 3) AS min_weight
FROM clients c JOIN client_weights w USING (client_id)
GROUP BY c.profile ORDER BY avg_weight;

-- each freelancer's as-of score with job weights only, against the report's
WITH unweighted AS (
    SELECT o.freelancer_id,
           jss_score(o.outcome, o.job_weight, o.ended_at, :'as_of') AS score
    FROM contract_outcomes o GROUP BY o.freelancer_id
), harsh AS (
    SELECT o.freelancer_id, count(*) AS harsh_contracts
    FROM contract_outcomes o JOIN clients c USING (client_id)
    WHERE c.profile = 'harsh' AND o.ended_at > (:'as_of'::timestamptz - interval '24 months')
    GROUP BY o.freelancer_id
)
SELECT r.freelancer_id AS freelancer, h.harsh_contracts, r.contracts,
       round(u.score::numeric, 1) AS "score, job weight only",
       round(r.score::numeric, 1) AS "score, x client weight",
       jss_band(u.score) AS "band before", r.band AS "band after"
FROM report r JOIN unweighted u USING (freelancer_id) JOIN harsh h USING (freelancer_id)
WHERE r.score IS NOT NULL
ORDER BY r.score - u.score DESC, r.freelancer_id
LIMIT 5;

\echo
\echo 'Where each number comes from, for the first flagged freelancer:'
\echo '  report   jss_report, materialized by CALL jss_refresh: freelancer_scores(as_of), the best of'
\echo '           the 6, 12 and 24 month states rolled up from jss_biweekly'
\echo '  history  jss_history at the refresh date: jss_score_history over weighted_outcomes'
\echo '  query    the README''s first query (test/recipes/jss.sql): jss_score(outcome,'
\echo '           job weight x client weight, ended_at, as_of) over the raw contracts'
SELECT freelancer_id FROM report WHERE needs_review ORDER BY score, freelancer_id LIMIT 1 \gset
-- the query of test/recipes/jss.sql, as a view (psql expands its :'as_of')
\set jss_query `cat test/recipes/jss.sql`
CREATE TEMP VIEW readme_query AS :jss_query
SELECT :freelancer_id AS freelancer, :'as_of' AS as_of,
       (SELECT score FROM report WHERE freelancer_id = :freelancer_id) AS report,
       (SELECT score FROM jss_history WHERE freelancer_id = :freelancer_id AND as_of = :'as_of') AS history,
       (SELECT jss FROM readme_query WHERE freelancer_id = :freelancer_id) AS query;
