-- test/bench/prep.sql: the derived inputs, once the marketplace, bench,
-- scale_* and the recipe exist (and cases.sql has run).
--
--   psql -v p7_n=1000000 -f test/bench/prep.sql
--
--   bench_q     every 4th contract of bench (same freelancers, a quarter of
--               their rows): the small side of the memory measurements
--   fixed_1..3  1/8, 1/4, 1/2 of scale_4's contracts (P1 scaling, fixed
--               freelancers)
--   p7_states   :p7_n jss_state values: jss_agg per freelancer and week
--               over bench, repeated if there are fewer
--   p7_arrays   the same states as float8[] of their 15 text fields (format
--               version, 3 counts, 9 sums, first and last as epoch seconds)
--   bench_fact  sizes of everything, for the report

SET max_parallel_workers_per_gather = 0;
SET work_mem = '256MB';
SET client_min_messages = warning;

DROP TABLE IF EXISTS bench_q, fixed_1, fixed_2, fixed_3, p7_src, p7_states, p7_arrays;

CREATE TABLE bench_q AS SELECT * FROM bench WHERE contract_id % 4 = 0 ORDER BY contract_id;
VACUUM ANALYZE bench_q;

-- the fixed-freelancers scaling series: nested subsets of scale_4
CREATE TABLE fixed_1 AS SELECT * FROM scale_4 WHERE contract_id % 8 = 0 ORDER BY contract_id;
CREATE TABLE fixed_2 AS SELECT * FROM scale_4 WHERE contract_id % 4 = 0 ORDER BY contract_id;
CREATE TABLE fixed_3 AS SELECT * FROM scale_4 WHERE contract_id % 2 = 0 ORDER BY contract_id;
VACUUM ANALYZE fixed_1, fixed_2, fixed_3;

CREATE TABLE p7_src AS
SELECT freelancer_id, date_trunc('week', ended_at) AS week, jss_agg(outcome, ended_at, weight) AS s
FROM bench WHERE ended_at IS NOT NULL
GROUP BY 1, 2;
SELECT count(*) AS p7_src_n FROM p7_src \gset

CREATE TABLE p7_states AS
SELECT id, s
FROM (SELECT row_number() OVER (ORDER BY rep, freelancer_id, week) AS id, s
      FROM p7_src, generate_series(1, ceil(:p7_n::numeric / :p7_src_n)::int) AS rep) AS x
WHERE id <= :p7_n;

CREATE TABLE p7_arrays AS
SELECT id,
       ARRAY[substr(t[1], 2)::float8,
             split_part(t[2], '=', 2)::float8, split_part(t[3], '=', 2)::float8,
             split_part(t[4], '=', 2)::float8, split_part(t[5], '=', 2)::float8,
             split_part(t[6], '=', 2)::float8, split_part(t[7], '=', 2)::float8,
             split_part(t[8], '=', 2)::float8, split_part(t[9], '=', 2)::float8,
             split_part(t[10], '=', 2)::float8, split_part(t[11], '=', 2)::float8,
             split_part(t[12], '=', 2)::float8, split_part(t[13], '=', 2)::float8,
             extract(epoch FROM nullif(split_part(t[14], '=', 2), 'none')::timestamptz)::float8,
             extract(epoch FROM nullif(split_part(t[15], '=', 2), 'none')::timestamptz)::float8] AS a
FROM (SELECT id, string_to_array(s::text, ' ') AS t FROM p7_states OFFSET 0) AS x
ORDER BY id;

DROP TABLE p7_src;
VACUUM ANALYZE p7_states, p7_arrays;

-- facts
INSERT INTO bench_fact (name, value)
SELECT 'contracts', count(*)::text FROM contracts UNION ALL
SELECT 'freelancers', count(*)::text FROM freelancers UNION ALL
SELECT 'clients', count(*)::text FROM clients;

DO $$
DECLARE
    t text;
    n bigint;
    f bigint;
BEGIN
    FOREACH t IN ARRAY ARRAY['bench', 'bench_q']
                       || ARRAY(SELECT tbl FROM bench_scale WHERE tbl <> 'bench' GROUP BY tbl
                                ORDER BY min(series) DESC, min(k)) LOOP
        EXECUTE format('SELECT count(*), count(DISTINCT freelancer_id) FROM %I', t) INTO n, f;
        INSERT INTO bench_fact (name, value) VALUES (t || ' rows', n), (t || ' freelancers', f);
    END LOOP;
END $$;

INSERT INTO bench_fact (name, value)
SELECT 'bench rows with an outcome', count(outcome)::text FROM bench UNION ALL
SELECT 'bench rows with ended_at', count(ended_at)::text FROM bench UNION ALL
SELECT 'P4: mean / max rows in a 24-month frame', round(avg(c), 1) || ' / ' || max(c)
FROM (SELECT count(*) OVER (PARTITION BY freelancer_id ORDER BY ended_at
                            RANGE BETWEEN '24 months' PRECEDING AND CURRENT ROW) AS c FROM bench) AS x
UNION ALL
SELECT 'jss_biweekly states (freelancer × 14-day period)', count(*)::text FROM jss_biweekly UNION ALL
SELECT 'jss_biweekly contracts per state (mean)', round(avg(jss_contracts(state)), 2)::text FROM jss_biweekly UNION ALL
SELECT 'P7 jss_state values (distinct)', count(*) || ' (' || :p7_src_n || ')' FROM p7_states UNION ALL
SELECT 'P7 mean text length: jss_state / float8[]',
       (SELECT round(avg(length(s::text)), 1) FROM p7_states) || ' / ' ||
       (SELECT round(avg(length(a::text)), 1) FROM p7_arrays);

INSERT INTO bench_fact (name, value)
SELECT 'size of ' || c.relname, pg_size_pretty(pg_total_relation_size(c.oid))
FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'm')
  AND (c.relname NOT LIKE 'bench\_%' OR c.relname = 'bench_q')
ORDER BY pg_total_relation_size(c.oid) DESC;
