-- test/shard/biweekly.sql: the biweekly recipe (test/recipes/biweekly.sql)
-- on the coordinator of a sharded marketplace, built from the shards' states
-- (run after test/shard/coordinator.sql).  Refresh, every two weeks:
--
--   REFRESH MATERIALIZED VIEW CONCURRENTLY client_weights;
--   CALL ship_client_weights();
--   REFRESH MATERIALIZED VIEW CONCURRENTLY jss_biweekly;
--
-- What runs where
--   contract_outcomes   the recipe's view, over the partitioned contracts.
--   client_weights      A client's weight needs ALL its contracts, and a
--                       client hires freelancers on every shard, so no shard
--                       can compute it alone.  Pulling every contract's
--                       outcome to the coordinator would work (the recipe's
--                       definition runs unchanged here) but ships rows.
--                       Instead the two-step query: each shard returns one
--                       jss_agg(outcome, ended_at) state per (freelancer,
--                       client) (GROUP BY holds the partition key, so the
--                       aggregate is pushed down), the coordinator merges a
--                       client's states with jss_rollup and applies
--                       jss_client_weight_final, the final function of
--                       jss_client_weight: the state holds the positive and
--                       negative sums G and P it needs, exactly, so the weight
--                       has the same bits as jss_client_weight over the
--                       client's rows (test/shard/run checks it).
--   client_weights_N    each shard's copy of the weights (a small table, one
--                       row per client), written by ship_client_weights():
--                       the join of a contract with its client's weight then
--                       happens on the shard, next to the contracts.
--   weighted_outcomes   partitioned like contracts, each partition a foreign
--                       table over the shard's weighted_outcomes view
--                       (test/shard/shard.sql: the recipe's view over the
--                       shard's contracts and its copy of the weights).
--   jss_biweekly        the recipe's definition, word for word.  With
--                       enable_partitionwise_aggregate, GROUP BY
--                       (freelancer_id, period_start) holds the partition
--                       key: each shard computes its freelancers' states
--                       and returns them (Remote SQL: jss_agg ... GROUP BY);
--                       the coordinator only stores them.
--   freelancer_window_states(as_of), freelancer_scores(as_of)
--                       the recipe's functions, unchanged (test/shard/run
--                       takes them from test/recipes/biweekly.sql).  They read
--                       the stored states here and the contracts of the two
--                       periods a window's edges cut from the shards.

CREATE VIEW contract_outcomes AS
SELECT contract_id, freelancer_id, client_id, ended_at,
       jss_outcome(public_rating => public_rating, private_rating => private_rating,
                   completed => completed, disputed => disputed, refunded => refunded,
                   complaints => complaints, missed_deadlines => missed_deadlines,
                   response_hours => response_hours, long_term => long_term) AS outcome,
       jss_job_weight(earned, paid_length) AS job_weight
FROM contracts
WHERE ended_at IS NOT NULL;

CREATE MATERIALIZED VIEW client_weights AS
SELECT client_id, jss_client_weight_final(jss_rollup(state)) AS client_weight
FROM (SELECT freelancer_id, client_id, jss_agg(outcome, ended_at) AS state
      FROM contract_outcomes
      GROUP BY freelancer_id, client_id) AS pair_states
GROUP BY client_id
WITH NO DATA;

CREATE UNIQUE INDEX client_weights_key ON client_weights (client_id);

CREATE FOREIGN TABLE client_weights_1 (client_id int NOT NULL, client_weight float8 NOT NULL)
    SERVER shard_1 OPTIONS (table_name 'client_weights');
CREATE FOREIGN TABLE client_weights_2 (client_id int NOT NULL, client_weight float8 NOT NULL)
    SERVER shard_2 OPTIONS (table_name 'client_weights');

-- Replaces every shard's copy of the weights, in the caller's transaction
-- (postgres_fdw commits the shards' transactions when it commits).  float8
-- values cross as text with extra_float_digits = 3: exactly.
CREATE PROCEDURE ship_client_weights()
LANGUAGE plpgsql
AS $$
BEGIN
    TRUNCATE client_weights_1, client_weights_2;
    INSERT INTO client_weights_1 SELECT client_id, client_weight FROM client_weights;
    INSERT INTO client_weights_2 SELECT client_id, client_weight FROM client_weights;
END
$$;

CREATE TABLE weighted_outcomes (
    contract_id   bigint,
    freelancer_id int NOT NULL,
    client_id     int,
    ended_at      timestamptz,
    outcome       float8,
    weight        float8,
    period_start  timestamptz
) PARTITION BY HASH (freelancer_id);
CREATE FOREIGN TABLE weighted_outcomes_1 PARTITION OF weighted_outcomes
    FOR VALUES WITH (MODULUS 2, REMAINDER 0) SERVER shard_1 OPTIONS (table_name 'weighted_outcomes');
CREATE FOREIGN TABLE weighted_outcomes_2 PARTITION OF weighted_outcomes
    FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER shard_2 OPTIONS (table_name 'weighted_outcomes');

CREATE MATERIALIZED VIEW jss_biweekly AS
SELECT freelancer_id, period_start, jss_agg(outcome, ended_at, weight) AS state
FROM weighted_outcomes
GROUP BY freelancer_id, period_start
WITH NO DATA;

CREATE UNIQUE INDEX jss_biweekly_key ON jss_biweekly (freelancer_id, period_start);
