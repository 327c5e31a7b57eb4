-- test/recipes/jss.sql: the Job Success Score of every freelancer as of a
-- date, in one query over the contract table, as the README gives it first
-- (there with a literal date for :'as_of').  Every other recipe, the demo
-- and the biweekly report give the same number for the same freelancer and
-- date: job weight x client weight, over ended contracts, the best of the
-- 6-, 12- and 24-month windows that end at as_of.

WITH outcomes AS (
    SELECT freelancer_id, client_id, ended_at,
           jss_outcome(public_rating => public_rating, private_rating => private_rating,
                       completed => completed, disputed => disputed, refunded => refunded,
                       complaints => complaints, missed_deadlines => missed_deadlines,
                       response_hours => response_hours, long_term => long_term) AS outcome,
           jss_job_weight(earned, paid_length) AS job_weight
    FROM contracts
    WHERE ended_at IS NOT NULL
), client_weights AS (
    SELECT client_id, jss_client_weight(outcome) AS client_weight
    FROM outcomes
    GROUP BY client_id
)
SELECT freelancer_id,
       jss_score(outcome, job_weight * client_weight, ended_at, :'as_of') AS jss
FROM outcomes
JOIN client_weights USING (client_id)
GROUP BY freelancer_id
ORDER BY freelancer_id;
