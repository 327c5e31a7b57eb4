-- test/bench/checks.sql: that the compared queries compute the same thing.
--
--   psql -v as_of='2026-11-16 00:00+00' -f test/bench/checks.sql
--
-- Each check adds a row to bench_check; the run script counts them.

SET max_parallel_workers_per_gather = 0;
SET work_mem = '256MB';

-- P3: the CASE expression is jss_outcome's formula: both NULL together,
-- within 1e-12 where both are not NULL.
DO $$
DECLARE
    mismatched bigint;
    both_null bigint;
    valued bigint;
    max_diff float8;
BEGIN
    EXECUTE format('SELECT count(*) FILTER (WHERE (a IS NULL) <> (b IS NULL) OR abs(a - b) > 1e-12),
                           count(*) FILTER (WHERE a IS NULL AND b IS NULL), count(a),
                           coalesce(max(abs(a - b)), 0)
                    FROM (SELECT %s AS a, %s AS b FROM contracts) AS x',
                   (SELECT expr FROM bench_expr WHERE name = 'jss_outcome'),
                   (SELECT expr FROM bench_expr WHERE name = 'case_outcome'))
        INTO mismatched, both_null, valued, max_diff;
    INSERT INTO bench_check VALUES ('P3: CASE expression = jss_outcome', mismatched = 0,
        format('%s contracts with an outcome, %s without (both NULL); %s disagree; largest difference %s',
               valued, both_null, mismatched, max_diff));
END $$;

-- P5: the view's best-of-three score is the raw as-of score, bit for bit,
-- for every freelancer.
INSERT INTO bench_check
SELECT 'P5: freelancer_scores = jss_score as of, per freelancer', differ = 0,
       format('%s freelancers, %s with a score; %s differ', n, scored, differ)
FROM (SELECT count(*) AS n, count(r.score) AS scored,
             count(*) FILTER (WHERE v.score IS DISTINCT FROM r.score) AS differ
      FROM (SELECT freelancer_id, score FROM freelancer_scores(:'as_of')) AS v
      FULL JOIN (SELECT freelancer_id, jss_score(outcome, weight, ended_at, :'as_of') AS score
                 FROM weighted_outcomes GROUP BY freelancer_id) AS r USING (freelancer_id)) AS x;

-- P8: the recipe's functions and the SQL functions they were before
-- return the same rows, bit for bit (as text), for every freelancer and
-- for 200 of them.
INSERT INTO bench_check
SELECT 'P8: PL/pgSQL and SQL functions give the same rows', differ = 0,
       format('%s rows (all freelancers) and %s (200 of them); %s differ', n_all, n_some, differ)
FROM (SELECT (SELECT count(*) FROM freelancer_scores(:'as_of')) AS n_all,
             (SELECT count(*) FROM freelancer_scores(:'as_of', ARRAY(SELECT generate_series(1, 50000, 250)))) AS n_some,
             (SELECT count(*) FROM
                ((SELECT f::text FROM freelancer_scores(:'as_of') f
                  EXCEPT ALL SELECT f::text FROM recipe_sql.freelancer_scores(:'as_of') f)
                 UNION ALL
                 (SELECT f::text FROM recipe_sql.freelancer_scores(:'as_of') f
                  EXCEPT ALL SELECT f::text FROM freelancer_scores(:'as_of') f)
                 UNION ALL
                 (SELECT f::text FROM freelancer_scores(:'as_of', ARRAY(SELECT generate_series(1, 50000, 250))) f
                  EXCEPT ALL
                  SELECT f::text FROM recipe_sql.freelancer_scores(:'as_of') f
                  WHERE f.freelancer_id = ANY (ARRAY(SELECT generate_series(1, 50000, 250))))) d
             ) AS differ) AS x;

-- P7: both text forms round-trip, and both have 15 fields.
INSERT INTO bench_check
SELECT 'P7: jss_state text round-trips, 15 fields', bad = 0 AND fields = 15,
       format('%s states, %s do not round-trip; %s fields', n, bad, fields)
FROM (SELECT count(*) AS n,
             count(*) FILTER (WHERE s::text::jss_state::text IS DISTINCT FROM s::text) AS bad,
             max(cardinality(string_to_array(s::text, ' '))) AS fields
      FROM p7_states) AS x;
INSERT INTO bench_check
SELECT 'P7: float8[] text round-trips, 15 fields', bad = 0 AND fields = 15,
       format('%s arrays, %s do not round-trip; %s fields', n, bad, fields)
FROM (SELECT count(*) AS n,
             count(*) FILTER (WHERE a::text::float8[] IS DISTINCT FROM a) AS bad,
             max(cardinality(a)) AS fields
      FROM p7_arrays) AS x;
