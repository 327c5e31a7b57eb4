-- test/bench/build.sql: materialize a benchmark input table from the
-- marketplace (test/marketplace.sql) found on the search_path.
--
--   psql -v target=bench -f test/bench/build.sql
--
-- public.<target>: one row per contract (ongoing ones included, as in the
-- contracts table), in contract_id order:
--   freelancer_id
--   outcome   jss_outcome over all 9 signals (NULL: no signal)
--   weight    jss_job_weight(earned, paid_length) x the client's weight,
--             jss_client_weight over the client's finished contracts (as in
--             test/recipes/biweekly.sql); 1 for a client without any
--   ended_at
-- then VACUUM ANALYZE, so that every comparison reads the same table.

DROP TABLE IF EXISTS public.:"target";

CREATE TABLE public.:"target" AS
WITH o AS (
    SELECT c.contract_id, c.freelancer_id, c.client_id, c.ended_at, c.earned, c.paid_length,
           jss_outcome(public_rating => c.public_rating, private_rating => c.private_rating,
                       completed => c.completed, disputed => c.disputed, refunded => c.refunded,
                       complaints => c.complaints, missed_deadlines => c.missed_deadlines,
                       response_hours => c.response_hours, long_term => c.long_term) AS outcome
    FROM contracts AS c
), cw AS (
    SELECT client_id, jss_client_weight(outcome) AS client_weight
    FROM o WHERE ended_at IS NOT NULL
    GROUP BY client_id
)
SELECT o.contract_id, o.freelancer_id, o.outcome,
       jss_job_weight(o.earned, o.paid_length) * coalesce(cw.client_weight, 1) AS weight,
       o.ended_at
FROM o LEFT JOIN cw USING (client_id)
ORDER BY o.contract_id;

VACUUM ANALYZE public.:"target";
