-- test/shard/shard.sql: one shard of the sharded marketplace (run on each
-- shard by test/shard/run and test/bench/shard, before the rows are loaded).
--
--   contracts           this shard's contracts: the columns of
--                       test/marketplace.sql's table, filled by COPY with the
--                       rows of the freelancers that hash to this shard
--   contract_outcomes   as in test/recipes/biweekly.sql
--   client_weights      a copy of the coordinator's client weights (every
--                       client, all shards' contracts), written by the
--                       coordinator through postgres_fdw
--   weighted_outcomes   as in test/recipes/biweekly.sql, over this shard's
--                       contracts and the copy of the weights
--
-- The coordinator reaches contracts and weighted_outcomes as foreign
-- partitions, and ships every jss call to them (server option
-- extensions 'jss'): so jss must be installed here, at the same version.

CREATE EXTENSION jss;

CREATE TABLE contracts (
    contract_id      bigint NOT NULL,
    freelancer_id    int NOT NULL,
    client_id        int NOT NULL,
    started_at       timestamptz NOT NULL,
    ended_at         timestamptz,
    earned           numeric(12,2) NOT NULL,
    paid_length      interval,
    public_rating    float8,
    private_rating   float8,
    completed        boolean,
    disputed         boolean NOT NULL DEFAULT false,
    refunded         boolean NOT NULL DEFAULT false,
    complaints       int NOT NULL DEFAULT 0,
    missed_deadlines int NOT NULL DEFAULT 0,
    response_hours   float8,
    long_term        boolean NOT NULL DEFAULT false
);

CREATE VIEW contract_outcomes AS
SELECT contract_id, freelancer_id, client_id, ended_at,
       jss_outcome(public_rating => public_rating, private_rating => private_rating,
                   completed => completed, disputed => disputed, refunded => refunded,
                   complaints => complaints, missed_deadlines => missed_deadlines,
                   response_hours => response_hours, long_term => long_term) AS outcome,
       jss_job_weight(earned, paid_length) AS job_weight
FROM contracts
WHERE ended_at IS NOT NULL;

CREATE TABLE client_weights (
    client_id     int PRIMARY KEY,
    client_weight float8 NOT NULL
);

CREATE VIEW weighted_outcomes AS
SELECT o.contract_id, o.freelancer_id, o.client_id, o.ended_at, o.outcome,
       o.job_weight * w.client_weight AS weight,
       date_bin('14 days', o.ended_at, timestamptz '2024-01-01 00:00+00') AS period_start
FROM contract_outcomes o
JOIN client_weights w USING (client_id);
