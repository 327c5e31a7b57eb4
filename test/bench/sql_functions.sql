-- test/bench/sql_functions.sql: the "before" side of P8.  The biweekly
-- recipe's two functions as they were before they became PL/pgSQL for
-- Citus: SQL functions with a standard body (BEGIN ATOMIC), which
-- PostgreSQL inlines into the calling query, over the same views and
-- materialized views.  Kept here as they were, word for word, in the
-- schema recipe_sql, so that P8 compares the recipe as shipped with the
-- recipe as it was.  They had no freelancer_ids argument: a report on
-- some freelancers filtered the call (WHERE freelancer_id = ANY (...)),
-- which PostgreSQL pushes into the inlined query.
--
--   psql -f test/bench/sql_functions.sql    (after test/recipes/biweekly.sql)

DROP SCHEMA IF EXISTS recipe_sql CASCADE;
CREATE SCHEMA recipe_sql;

-- The names in a standard body are bound when it is created: the inner
-- freelancer_window_states call to recipe_sql's, the tables to public's.
SET search_path = recipe_sql, public;

-- The state of each freelancer's contracts in the 6, 12 and 24 months
-- before as_of (since = as_of - months on the UTC calendar, both bounds
-- included, as jss_score(outcome, weight, ended_at, as_of) counts them).
-- The stored states of the periods wholly inside a window are rolled up
-- with jss_agg over the contracts of the two periods its edges cut: the
-- sums are exact integers, so the result is the very state jss_agg would
-- build from the window's contracts.  The stored states are read once,
-- each rolled into every window that holds its period (FILTER); the cut
-- periods' contracts are found through an index on contracts (ended_at).
CREATE FUNCTION freelancer_window_states(as_of timestamptz)
RETURNS TABLE (freelancer_id int, months int, state jss_state)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    WITH windows AS (
        SELECT months, since,
               -- the first period that starts inside the window
               CASE WHEN date_bin('14 days', since, timestamptz '2024-01-01 00:00+00') = since
                    THEN since
                    ELSE date_bin('14 days', since, timestamptz '2024-01-01 00:00+00') + interval '336 hours'
               END AS whole_from,
               -- the period that holds as_of is cut by it
               date_bin('14 days', as_of, timestamptz '2024-01-01 00:00+00') AS whole_to
        FROM (SELECT m AS months,
                     (as_of AT TIME ZONE 'UTC' - make_interval(months => m)) AT TIME ZONE 'UTC' AS since
              FROM unnest(ARRAY[6, 12, 24]) AS m) AS w
    ), bounds AS (
        SELECT min(whole_from) FILTER (WHERE months = 6) AS from6,
               min(whole_from) FILTER (WHERE months = 12) AS from12,
               min(whole_from) FILTER (WHERE months = 24) AS from24,
               min(whole_to) AS whole_to
        FROM windows
    ), stored AS (
        SELECT b.freelancer_id,
               count(*) FILTER (WHERE b.period_start >= d.from6) AS periods6,
               jss_rollup(b.state) FILTER (WHERE b.period_start >= d.from6) AS s6,
               count(*) FILTER (WHERE b.period_start >= d.from12) AS periods12,
               jss_rollup(b.state) FILTER (WHERE b.period_start >= d.from12) AS s12,
               jss_rollup(b.state) AS s24
        FROM bounds AS d
        JOIN jss_biweekly AS b ON b.period_start >= d.from24 AND b.period_start < d.whole_to
        GROUP BY b.freelancer_id
    ), parts AS (
        SELECT s.freelancer_id, m.months, m.state
        FROM stored AS s
        CROSS JOIN LATERAL (VALUES (6, s.periods6, s.s6), (12, s.periods12, s.s12), (24, 1, s.s24))
                        AS m(months, periods, state)
        WHERE m.periods > 0
        UNION ALL
        -- the cut period at each window's start
        SELECT o.freelancer_id, w.months, jss_agg(o.outcome, o.ended_at, o.weight)
        FROM windows AS w
        JOIN weighted_outcomes AS o ON o.ended_at >= w.since AND o.ended_at < w.whole_from
        GROUP BY o.freelancer_id, w.months
        UNION ALL
        -- the cut period that holds as_of, the same in every window
        SELECT r.freelancer_id, w.months, r.state
        FROM (SELECT o.freelancer_id, jss_agg(o.outcome, o.ended_at, o.weight) AS state
              FROM bounds AS d
              JOIN weighted_outcomes AS o ON o.ended_at >= d.whole_to AND o.ended_at <= as_of
              GROUP BY o.freelancer_id) AS r
        CROSS JOIN windows AS w
    )
    SELECT freelancer_id, months, jss_rollup(state)
    FROM parts
    GROUP BY freelancer_id, months;
END;

-- One report row per freelancer as of a date: the score is the best of the
-- 6, 12 and 24 month windows (what jss_score(outcome, weight, ended_at,
-- as_of) gives from the raw contracts); contracts, satisfaction, trend and
-- the review flag are over the 24 months.  A freelancer is flagged when the
-- score is below 70 or the 24-month trend falls significantly.
-- contracts_to_90 is how many more perfect contracts would bring the score
-- to 90: new contracts count in every window, so the least over the windows.
CREATE FUNCTION freelancer_scores(as_of timestamptz)
RETURNS TABLE (freelancer_id int, contracts bigint, score float8, band jss_band,
               satisfaction float8, trend float8, needs_review boolean, reasons text[],
               contracts_to_90 int)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    WITH windows AS (
        SELECT freelancer_id,
               jss_rollup(state) FILTER (WHERE months = 6) AS s6,
               jss_rollup(state) FILTER (WHERE months = 12) AS s12,
               jss_rollup(state) FILTER (WHERE months = 24) AS s24
        FROM freelancer_window_states(as_of)
        GROUP BY freelancer_id
    ), scored AS (
        SELECT freelancer_id, s24,
               greatest(jss_score(s6), jss_score(s12), jss_score(s24)) AS score,
               least(jss_contracts_needed(s6), jss_contracts_needed(s12),
                     jss_contracts_needed(s24)) AS contracts_to_90
        FROM windows
    ), flags AS (
        SELECT scored.*,
               score < 70 AS low,
               coalesce(jss_needs_review(s24) AND jss_score(s24) >= 70, false) AS falling
        FROM scored
    )
    SELECT freelancer_id, jss_contracts(s24), score, jss_band(score),
           jss_satisfaction_ratio(s24), jss_trend_slope(s24),
           low OR falling,
           array_remove(ARRAY[CASE WHEN low THEN 'score below 70' END,
                              CASE WHEN falling THEN 'negative trend' END], NULL),
           contracts_to_90
    FROM flags;
END;

RESET search_path;
