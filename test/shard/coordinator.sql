-- test/shard/coordinator.sql: the coordinator of the sharded marketplace
-- (run by test/shard/run and test/bench/shard once both shards are up and
-- single.* holds the whole marketplace; psql variables port_1, port_2: the
-- shards' ports).
--
--   servers shard_1, shard_2      postgres_fdw, with extensions 'jss' (jss
--                                 calls may be shipped), fetch_size 10000,
--                                 async_capable (both shards run at once)
--   contracts                     PARTITION BY HASH (freelancer_id), one
--                                 foreign partition per shard
--   clients                       a local copy of single.clients (a small
--                                 dimension table stays on the coordinator)
--   scored                        outcome and job weight of every contract
--   scored_1, scored_2            the same over one shard's partition: an
--                                 aggregate over one foreign table is shipped
--                                 whatever its GROUP BY (one state per shard
--                                 and group comes back)
--   servers shard_1_plain, ...    the same shards WITHOUT extensions 'jss',
--   contracts_plain, scored_plain and the same table over them (the wrong
--                                 set-up: nothing of jss is shipped)
--
-- Every session gets enable_partitionwise_aggregate = on (ALTER DATABASE):
-- without it, the planner aggregates above the Append of the partitions
-- and postgres_fdw ships no aggregate at all.

CREATE EXTENSION postgres_fdw;
ALTER DATABASE postgres SET enable_partitionwise_aggregate = on;
SET enable_partitionwise_aggregate = on;

CREATE SERVER shard_1 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port :'port_1', dbname 'postgres',
             extensions 'jss', fetch_size '10000', async_capable 'true');
CREATE SERVER shard_2 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port :'port_2', dbname 'postgres',
             extensions 'jss', fetch_size '10000', async_capable 'true');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_2 OPTIONS (user 'postgres');

-- the columns of the marketplace's contracts (single.contracts, which the
-- shards' table in test/shard/shard.sql repeats)
CREATE TABLE contracts (LIKE single.contracts INCLUDING DEFAULTS) PARTITION BY HASH (freelancer_id);
CREATE FOREIGN TABLE contracts_1 PARTITION OF contracts
    FOR VALUES WITH (MODULUS 2, REMAINDER 0) SERVER shard_1 OPTIONS (table_name 'contracts');
CREATE FOREIGN TABLE contracts_2 PARTITION OF contracts
    FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER shard_2 OPTIONS (table_name 'contracts');

CREATE TABLE clients AS SELECT * FROM single.clients;
ALTER TABLE clients ADD PRIMARY KEY (client_id);

-- The same shards, without extensions 'jss'.
CREATE SERVER shard_1_plain FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port :'port_1', dbname 'postgres', fetch_size '10000');
CREATE SERVER shard_2_plain FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port :'port_2', dbname 'postgres', fetch_size '10000');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_1_plain OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_2_plain OPTIONS (user 'postgres');
CREATE TABLE contracts_plain (LIKE contracts) PARTITION BY HASH (freelancer_id);
CREATE FOREIGN TABLE contracts_plain_1 PARTITION OF contracts_plain
    FOR VALUES WITH (MODULUS 2, REMAINDER 0) SERVER shard_1_plain OPTIONS (table_name 'contracts');
CREATE FOREIGN TABLE contracts_plain_2 PARTITION OF contracts_plain
    FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER shard_2_plain OPTIONS (table_name 'contracts');

-- Every contract's outcome (all nine signals) and job weight; ongoing ones
-- too (their ended_at is NULL, and jss_agg skips them).  The same view over
-- single.contracts is single.scored, and over each partition scored_1,
-- scored_2 and scored_plain: one select list serves them all.
\set scored_columns 'contract_id, freelancer_id, client_id, ended_at, jss_outcome(public_rating => public_rating, private_rating => private_rating, completed => completed, disputed => disputed, refunded => refunded, complaints => complaints, missed_deadlines => missed_deadlines, response_hours => response_hours, long_term => long_term) AS outcome, jss_job_weight(earned, paid_length) AS weight'
CREATE VIEW scored AS
SELECT :scored_columns FROM contracts;
CREATE VIEW single.scored AS
SELECT :scored_columns FROM single.contracts;
CREATE VIEW scored_1 AS
SELECT :scored_columns FROM contracts_1;
CREATE VIEW scored_2 AS
SELECT :scored_columns FROM contracts_2;
CREATE VIEW scored_plain AS
SELECT :scored_columns FROM contracts_plain;
