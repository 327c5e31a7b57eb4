-- test/shard/bench.sql: the timing machinery of test/bench/shard, on the
-- coordinator (after test/shard/coordinator.sql).
--
--   sb_side        the measured queries: one row per side of a group; each
--                  returns one text value that identifies its result (the
--                  score and an md5 of the states' bytes), so that the sides
--                  of a group can be checked to agree
--   sb_measure(grp, runs)
--                  every side once as the warm-up (run 0: connections to
--                  the shards opened, caches warm), then `runs` rounds of all
--                  the sides in turn (A B C D E A B C D E ...), each timed with
--                  clock_timestamp() around a plain EXECUTE; times in sb_time
--   sb_remote(query)
--                  the Remote SQL postgres_fdw sends for a query, with the
--                  server it goes to (from EXPLAIN (VERBOSE, FORMAT JSON))

CREATE TABLE sb_side (
    grp      text NOT NULL,
    ord      int NOT NULL,
    side     text NOT NULL,
    settings text NOT NULL DEFAULT '',    -- 'name=value;...' over the baseline
    query    text NOT NULL,
    PRIMARY KEY (grp, side)
);

CREATE TABLE sb_time (
    grp    text NOT NULL,
    side   text NOT NULL,
    run    int NOT NULL,                  -- 0: the warm-up
    ms     float8 NOT NULL,
    result text
);

-- Every side starts from the same baseline (serial on the coordinator,
-- partitionwise aggregation on), then its own settings.
CREATE FUNCTION sb_apply(settings text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    kv text;
BEGIN
    PERFORM set_config('max_parallel_workers_per_gather', '0', false);
    PERFORM set_config('enable_partitionwise_aggregate', 'on', false);
    FOR kv IN SELECT unnest(string_to_array(settings, ';')) LOOP
        IF kv <> '' THEN
            PERFORM set_config(split_part(kv, '=', 1), split_part(kv, '=', 2), false);
        END IF;
    END LOOP;
END
$$;

CREATE FUNCTION sb_measure(group_name text, runs int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    s record;
    r int;
    t0 timestamptz;
    res text;
BEGIN
    FOR r IN 0..runs LOOP
        FOR s IN SELECT * FROM sb_side WHERE grp = group_name ORDER BY ord LOOP
            PERFORM sb_apply(s.settings);
            t0 := clock_timestamp();
            EXECUTE s.query INTO res;
            INSERT INTO sb_time
            VALUES (s.grp, s.side, r, extract(epoch FROM clock_timestamp() - t0) * 1000, res);
        END LOOP;
    END LOOP;
    PERFORM sb_apply('');
END
$$;

CREATE FUNCTION sb_remote(query text, OUT server text, OUT remote_sql text) RETURNS SETOF record
LANGUAGE plpgsql AS $$
DECLARE
    plan jsonb;
BEGIN
    EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF, FORMAT JSON) ' || query INTO plan;
    RETURN QUERY
    SELECT s.srvname::text, n->>'Remote SQL'
    FROM jsonb_path_query(plan, 'strict $.** ? (exists (@."Remote SQL"))') AS n
    JOIN pg_foreign_table ft
      ON ft.ftrelid = coalesce(n->>'Schema' || '.' || (n->>'Relation Name'),
                               substring(n->>'Relations' FROM '\(([^ )]+)'))::regclass
    JOIN pg_foreign_server s ON s.oid = ft.ftserver;
END
$$;

-- The measured queries.  "one node" reads single.scored (the whole
-- marketplace, in the coordinator's own tables).  The sharded sides read the
-- same contracts on the shards:
--   "a state per freelancer" (platform) / "a state per freelancer and client"
--       (country): the two-step query over the partitioned table; the
--       shards' GROUP BY holds the partition key, so postgres_fdw ships the
--       jss_agg (partitionwise aggregation), the coordinator runs jss_rollup
--   "a state per shard" (platform) / "a state per client and shard"
--       (country): the shards' step over each foreign partition (scored_1
--       UNION ALL scored_2): an aggregate over one foreign table is shipped
--       whatever its grouping, so each shard returns one state (per client)
--   "rows": the one-step query over the partitioned table, which
--       postgres_fdw cannot ship (to PostgreSQL 18 it ships no partial aggregate): every
--       contract's signals cross, the coordinator aggregates.
INSERT INTO sb_side (grp, ord, side, settings, query) VALUES
('platform', 1, 'one node', '', $q$
SELECT jss_score(s)::text || ' ' || md5(jss_state_send(s)::text)
FROM (SELECT jss_agg(outcome, ended_at, weight) AS s FROM single.scored) AS x$q$),
('platform', 2, 'one node, 2 workers', 'max_parallel_workers_per_gather=2', $q$
SELECT jss_score(s)::text || ' ' || md5(jss_state_send(s)::text)
FROM (SELECT jss_agg(outcome, ended_at, weight) AS s FROM single.scored) AS x$q$),
('platform', 3, 'two shards, a state per freelancer', '', $q$
SELECT jss_score(s)::text || ' ' || md5(jss_state_send(s)::text)
FROM (SELECT jss_rollup(state) AS s
      FROM (SELECT freelancer_id, jss_agg(outcome, ended_at, weight) AS state
            FROM scored GROUP BY freelancer_id) AS per_freelancer) AS x$q$),
('platform', 4, 'two shards, a state per shard', '', $q$
SELECT jss_score(s)::text || ' ' || md5(jss_state_send(s)::text)
FROM (SELECT jss_rollup(state) AS s
      FROM (SELECT jss_agg(outcome, ended_at, weight) AS state FROM scored_1
            UNION ALL
            SELECT jss_agg(outcome, ended_at, weight) FROM scored_2) AS per_shard) AS x$q$),
('platform', 5, 'two shards, rows', '', $q$
SELECT jss_score(s)::text || ' ' || md5(jss_state_send(s)::text)
FROM (SELECT jss_agg(outcome, ended_at, weight) AS s FROM scored) AS x$q$),
('country', 1, 'one node', '', $q$
SELECT count(*) || ' countries ' || md5(string_agg(country || jss_state_send(s)::text, ',' ORDER BY country))
FROM (SELECT country, jss_agg(outcome, ended_at, weight) AS s
      FROM single.scored JOIN single.clients USING (client_id) GROUP BY country) AS x$q$),
('country', 2, 'one node, 2 workers', 'max_parallel_workers_per_gather=2', $q$
SELECT count(*) || ' countries ' || md5(string_agg(country || jss_state_send(s)::text, ',' ORDER BY country))
FROM (SELECT country, jss_agg(outcome, ended_at, weight) AS s
      FROM single.scored JOIN single.clients USING (client_id) GROUP BY country) AS x$q$),
('country', 3, 'two shards, a state per freelancer and client', '', $q$
SELECT count(*) || ' countries ' || md5(string_agg(country || jss_state_send(s)::text, ',' ORDER BY country))
FROM (SELECT country, jss_rollup(state) AS s
      FROM (SELECT freelancer_id, client_id, jss_agg(outcome, ended_at, weight) AS state
            FROM scored GROUP BY freelancer_id, client_id) AS per_pair
      JOIN clients USING (client_id)
      GROUP BY country) AS x$q$),
('country', 4, 'two shards, a state per client and shard', '', $q$
SELECT count(*) || ' countries ' || md5(string_agg(country || jss_state_send(s)::text, ',' ORDER BY country))
FROM (SELECT country, jss_rollup(state) AS s
      FROM (SELECT client_id, jss_agg(outcome, ended_at, weight) AS state FROM scored_1 GROUP BY client_id
            UNION ALL
            SELECT client_id, jss_agg(outcome, ended_at, weight) FROM scored_2 GROUP BY client_id) AS per_shard
      JOIN clients USING (client_id)
      GROUP BY country) AS x$q$),
('country', 5, 'two shards, rows', '', $q$
SELECT count(*) || ' countries ' || md5(string_agg(country || jss_state_send(s)::text, ',' ORDER BY country))
FROM (SELECT country, jss_agg(outcome, ended_at, weight) AS s
      FROM scored JOIN clients USING (client_id) GROUP BY country) AS x$q$);
