-- test/recipes/biweekly.sql: the biweekly reporting recipe of the README,
-- over the marketplace schema of test/marketplace.sql (contracts, clients,
-- freelancers).  Used by `make demo` and by the workflow tests.
--
--   contract_outcomes   one outcome and job weight per finished contract
--   client_weights      each client's weight, from all its contracts (materialized)
--   weighted_outcomes   outcome, weight = job weight x client weight, 14-day period
--   jss_biweekly        one jss_state per freelancer and 14-day period (materialized)
--   freelancer_window_states(as_of [, freelancer_ids])  each freelancer's state
--                       of the 6, 12 and 24 months before as_of, exact
--   freelancer_scores(as_of [, freelancer_ids])  the report row of each
--                       freelancer as of a date (of those freelancers only, if given)
--   jss_refresh         the refresh date: the last biweekly date (one row)
--   jss_report          freelancer_scores as of the refresh date (materialized)
--   jss_history         each freelancer's JSS at the 26 biweekly dates of the
--                       year up to the refresh date (materialized)
--   jss_refresh(as_of)  the refresh: sets the date (default: the last
--                       biweekly date before now), refreshes every view
--
-- To adapt the recipe to another schema, edit contract_outcomes (and the
-- index below it) alone: everything after reads only it.
--
-- Refresh, every two weeks:
--   CALL jss_refresh();

CREATE VIEW contract_outcomes AS
SELECT contract_id, freelancer_id, client_id, ended_at,
       jss_outcome(public_rating => public_rating, private_rating => private_rating,
                   completed => completed, disputed => disputed, refunded => refunded,
                   complaints => complaints, missed_deadlines => missed_deadlines,
                   response_hours => response_hours, long_term => long_term) AS outcome,
       jss_job_weight(earned, paid_length) AS job_weight
FROM contracts
WHERE ended_at IS NOT NULL;

-- freelancer_scores reads the contracts of the periods cut by a window's
-- start through this index
CREATE INDEX IF NOT EXISTS contracts_ended_at_idx ON contracts (ended_at);

CREATE MATERIALIZED VIEW client_weights AS
SELECT client_id, jss_client_weight(outcome) AS client_weight
FROM contract_outcomes
GROUP BY client_id;

CREATE UNIQUE INDEX client_weights_key ON client_weights (client_id);

-- Periods are 14 days (336 hours: a fixed length, whatever the time zone)
-- from the anchor 2024-01-01 00:00 UTC.
CREATE VIEW weighted_outcomes AS
SELECT o.contract_id, o.freelancer_id, o.client_id, o.ended_at, o.outcome,
       o.job_weight * w.client_weight AS weight,
       date_bin('14 days', o.ended_at, timestamptz '2024-01-01 00:00+00') AS period_start
FROM contract_outcomes o
JOIN client_weights w USING (client_id);

CREATE MATERIALIZED VIEW jss_biweekly AS
SELECT freelancer_id, period_start, jss_agg(outcome, ended_at, weight) AS state
FROM weighted_outcomes
GROUP BY freelancer_id, period_start;

CREATE UNIQUE INDEX jss_biweekly_key ON jss_biweekly (freelancer_id, period_start);

-- The recipe's two functions are PL/pgSQL, not SQL: PostgreSQL never
-- inlines a PL/pgSQL function, so each query below is planned on its own,
-- as an ordinary query (on Citus, by Citus: an SQL function inlined over
-- the contracts would read the coordinator's empty local table instead,
-- and one that is not inlined is refused).  SET search_path FROM CURRENT
-- binds the names to the schemas of the CREATE, as an SQL function body
-- would; force_custom_plan plans each call with its arguments known.
-- PARALLEL RESTRICTED: the function runs in the leader, whose query may
-- use parallel workers itself.  freelancer_ids, when given, limits the
-- result to those freelancers and reads only their states and contracts.

-- The state of each freelancer's contracts in the 6, 12 and 24 months
-- before as_of (since = as_of - months on the UTC calendar, both bounds
-- included, as jss_score(outcome, weight, ended_at, as_of) counts them).
-- The stored states of the periods wholly inside a window are rolled up
-- with jss_agg over the contracts of the two periods its edges cut: the
-- sums are exact integers, so the result is the very state jss_agg would
-- build from the window's contracts.  The stored states are read once,
-- each rolled into every window that holds its period (FILTER); the cut
-- periods' contracts are found through an index on contracts (ended_at).
CREATE FUNCTION freelancer_window_states(as_of timestamptz, freelancer_ids int[] DEFAULT NULL)
RETURNS TABLE (freelancer_id int, months int, state jss_state)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path FROM CURRENT
SET plan_cache_mode = force_custom_plan
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
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
        WHERE freelancer_ids IS NULL OR b.freelancer_id = ANY (freelancer_ids)
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
        WHERE freelancer_ids IS NULL OR o.freelancer_id = ANY (freelancer_ids)
        GROUP BY o.freelancer_id, w.months
        UNION ALL
        -- the cut period that holds as_of, the same in every window
        SELECT r.freelancer_id, w.months, r.state
        FROM (SELECT o.freelancer_id, jss_agg(o.outcome, o.ended_at, o.weight) AS state
              FROM bounds AS d
              JOIN weighted_outcomes AS o ON o.ended_at >= d.whole_to AND o.ended_at <= as_of
              WHERE freelancer_ids IS NULL OR o.freelancer_id = ANY (freelancer_ids)
              GROUP BY o.freelancer_id) AS r
        CROSS JOIN windows AS w
    )
    SELECT freelancer_id, months, jss_rollup(state)
    FROM parts
    GROUP BY freelancer_id, months;
END;
$$;

-- One report row per freelancer as of a date: the score is the best of the
-- 6, 12 and 24 month windows (what jss_score(outcome, weight, ended_at,
-- as_of) gives from the raw contracts); contracts, satisfaction, trend and
-- the review flag are over the 24 months.  A freelancer is flagged when the
-- score is below 70 or the 24-month trend falls significantly.
-- contracts_to_90 is how many more perfect contracts would bring the score
-- to 90: new contracts count in every window, so the least over the windows.
CREATE FUNCTION freelancer_scores(as_of timestamptz, freelancer_ids int[] DEFAULT NULL)
RETURNS TABLE (freelancer_id int, contracts bigint, score float8, band jss_band,
               satisfaction float8, trend float8, needs_review boolean, reasons text[],
               contracts_to_90 int)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path FROM CURRENT
SET plan_cache_mode = force_custom_plan
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH windows AS (
        SELECT freelancer_id,
               jss_rollup(state) FILTER (WHERE months = 6) AS s6,
               jss_rollup(state) FILTER (WHERE months = 12) AS s12,
               jss_rollup(state) FILTER (WHERE months = 24) AS s24
        FROM freelancer_window_states(as_of, freelancer_ids)
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
$$;

-- The refresh date: the biweekly date (a period start) that the report
-- and the history are as of.  jss_refresh() sets it.
CREATE TABLE jss_refresh (
    as_of timestamptz NOT NULL,
    refreshed_at timestamptz
);
INSERT INTO jss_refresh VALUES (date_bin('14 days', now(), timestamptz '2024-01-01 00:00+00'), NULL);
CREATE UNIQUE INDEX jss_refresh_one_row ON jss_refresh ((true));

-- The report as of the refresh date: what the dashboards read, one row
-- per freelancer with a finished contract in the last 24 months.
CREATE MATERIALIZED VIEW jss_report AS
SELECT r.as_of, s.*
FROM jss_refresh AS r
CROSS JOIN LATERAL freelancer_scores(r.as_of) AS s;

CREATE UNIQUE INDEX jss_report_key ON jss_report (freelancer_id);

-- The score history: each freelancer's JSS at the 26 biweekly dates of
-- the year up to the refresh date, exactly what jss_score(outcome,
-- weight, ended_at, as_of) gives at each, in one pass over the contracts
-- of the 24 months before the first date (jss_score_history).  NULL where
-- no window has a score.
CREATE MATERIALIZED VIEW jss_history AS
WITH dates AS MATERIALIZED (
    SELECT r.as_of AS last_date,
           ((r.as_of - make_interval(hours => 336 * 25)) AT TIME ZONE 'UTC' - interval '24 months') AT TIME ZONE 'UTC' AS since,
           ARRAY(SELECT r.as_of - make_interval(hours => 336 * k) FROM generate_series(25, 0, -1) AS k) AS dates
    FROM jss_refresh AS r
), histories AS (
    SELECT o.freelancer_id,
           jss_score_history(o.outcome, o.weight, o.ended_at, (SELECT d.dates FROM dates AS d)) AS scores
    FROM weighted_outcomes AS o
    WHERE o.ended_at >= (SELECT d.since FROM dates AS d)
      AND o.ended_at <= (SELECT d.last_date FROM dates AS d)
    GROUP BY o.freelancer_id
)
SELECT h.freelancer_id, u.as_of, u.score
FROM histories AS h
CROSS JOIN dates AS d
CROSS JOIN LATERAL unnest(d.dates, h.scores) AS u(as_of, score);

CREATE UNIQUE INDEX jss_history_key ON jss_history (freelancer_id, as_of);

-- The biweekly refresh: sets the refresh date (the given one, or the last
-- biweekly date before now) and refreshes every view, the client weights
-- first.  CONCURRENTLY: readers keep the previous rows meanwhile, and rows
-- that did not change are not rewritten.  Called more often (pg_cron runs
-- it weekly), it does nothing until a new biweekly date has come.
CREATE PROCEDURE jss_refresh(as_of timestamptz DEFAULT NULL)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $$
DECLARE
    target timestamptz := coalesce(as_of, date_bin('14 days', now(), timestamptz '2024-01-01 00:00+00'));
BEGIN
    IF EXISTS (SELECT FROM jss_refresh AS r WHERE r.as_of = target AND r.refreshed_at IS NOT NULL) THEN
        RETURN;
    END IF;
    UPDATE jss_refresh SET as_of = target, refreshed_at = NULL;
    REFRESH MATERIALIZED VIEW CONCURRENTLY client_weights;
    REFRESH MATERIALIZED VIEW CONCURRENTLY jss_biweekly;
    REFRESH MATERIALIZED VIEW CONCURRENTLY jss_report;
    REFRESH MATERIALIZED VIEW CONCURRENTLY jss_history;
    UPDATE jss_refresh SET refreshed_at = now();
END;
$$;
