-- test/recipes/biweekly.sql: the biweekly reporting recipe of the README,
-- over the marketplace schema of test/marketplace.sql (contracts, clients,
-- freelancers).  Used by `make demo` and by the workflow tests.
--
--   contract_outcomes   one outcome and job weight per finished contract
--   client_weights      each client's weight, from all its contracts (materialized)
--   weighted_outcomes   outcome, weight = job weight x client weight, 14-day period
--   jss_biweekly        one jss_state per freelancer and 14-day period (materialized)
--   freelancer_window_states(as_of [, freelancer_ids])  each freelancer's states
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

-- Each freelancer's states of the 6, 12 and 24 months before as_of (since
-- = as_of - months on the UTC calendar, both bounds included, as
-- jss_score(outcome, weight, ended_at, as_of) counts them): one row per
-- freelancer with a contract in the 24 months, a window without any of
-- the freelancer's contracts holding the empty state, as jss_agg over no
-- rows gives it.  Each window is cut into pieces, which are merged exactly
-- (the sums are integers, so the result is the very state jss_agg would
-- build from the window's contracts):
--
--   state6  = recent + latest + start6
--   state12 = recent + latest + middle + start12
--   state24 = recent + latest + middle + early + start24
--
--   recent, middle, early  the stored states of the whole periods from the
--                          6-month window's first one on, from the 12-month
--                          window's up to that, and from the 24-month
--                          window's up to that: each stored state is read
--                          once and rolled up into one piece
--   latest                 the contracts of the period that holds as_of,
--                          up to as_of: the same in every window
--   start6, start12, start24  the contracts of the period cut by each
--                          window's start, from since on
--
-- The windows' edges are computed first, so that the query is planned
-- with them known: the cut periods' contracts are found through the index
-- on ended_at, and those of the given freelancers through theirs.
-- work_mem: the stored states are rolled up in a hash table of three
-- states per freelancer, about 1 kB; 64MB holds 50,000 freelancers, where
-- the default 4MB sorts their stored states on disk instead.  Raise it
-- with the number of freelancers.
CREATE FUNCTION freelancer_window_states(as_of timestamptz, freelancer_ids int[] DEFAULT NULL)
RETURNS TABLE (freelancer_id int, state6 jss_state, state12 jss_state, state24 jss_state)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path FROM CURRENT
SET plan_cache_mode = force_custom_plan
SET work_mem = '64MB'
AS $$
#variable_conflict use_column
DECLARE
    anchor constant timestamptz := timestamptz '2024-01-01 00:00+00';
    -- each window's start: as_of - months on the UTC calendar
    since6 constant timestamptz := (as_of AT TIME ZONE 'UTC' - interval '6 months') AT TIME ZONE 'UTC';
    since12 constant timestamptz := (as_of AT TIME ZONE 'UTC' - interval '12 months') AT TIME ZONE 'UTC';
    since24 constant timestamptz := (as_of AT TIME ZONE 'UTC' - interval '24 months') AT TIME ZONE 'UTC';
    -- the period that holds as_of, cut by it
    whole_to constant timestamptz := date_bin('14 days', as_of, anchor);
    -- the first period that starts inside each window: the one that
    -- holds since, unless since is not its start
    from6 timestamptz := date_bin('14 days', since6, anchor);
    from12 timestamptz := date_bin('14 days', since12, anchor);
    from24 timestamptz := date_bin('14 days', since24, anchor);
BEGIN
    IF from6 < since6 THEN from6 := from6 + interval '336 hours'; END IF;
    IF from12 < since12 THEN from12 := from12 + interval '336 hours'; END IF;
    IF from24 < since24 THEN from24 := from24 + interval '336 hours'; END IF;

    RETURN QUERY
    WITH stored AS (
        SELECT b.freelancer_id,
               jss_rollup(b.state) FILTER (WHERE b.period_start >= from6) AS recent,
               jss_rollup(b.state) FILTER (WHERE b.period_start >= from12 AND b.period_start < from6) AS middle,
               jss_rollup(b.state) FILTER (WHERE b.period_start < from12) AS early
        FROM jss_biweekly AS b
        WHERE b.period_start >= from24 AND b.period_start < whole_to
          AND (freelancer_ids IS NULL OR b.freelancer_id = ANY (freelancer_ids))
        GROUP BY b.freelancer_id
    ), cut AS (
        SELECT o.freelancer_id,
               jss_agg(o.outcome, o.ended_at, o.weight) FILTER (WHERE o.ended_at >= whole_to) AS latest,
               jss_agg(o.outcome, o.ended_at, o.weight) FILTER (WHERE o.ended_at >= since6 AND o.ended_at < from6) AS start6,
               jss_agg(o.outcome, o.ended_at, o.weight) FILTER (WHERE o.ended_at >= since12 AND o.ended_at < from12) AS start12,
               jss_agg(o.outcome, o.ended_at, o.weight) FILTER (WHERE o.ended_at < from24) AS start24
        FROM weighted_outcomes AS o
        WHERE ((o.ended_at >= whole_to AND o.ended_at <= as_of)
               OR (o.ended_at >= since6 AND o.ended_at < from6)
               OR (o.ended_at >= since12 AND o.ended_at < from12)
               OR (o.ended_at >= since24 AND o.ended_at < from24))
          AND (freelancer_ids IS NULL OR o.freelancer_id = ANY (freelancer_ids))
        GROUP BY o.freelancer_id
    ), pieces AS (
        -- a freelancer may have stored states and no cut contracts, or the
        -- reverse: jss_state_combine skips the missing (NULL) side
        SELECT freelancer_id, jss_state_combine(s.recent, c.latest) AS everywhere,
               s.middle, s.early, c.start6, c.start12, c.start24
        FROM stored AS s
        FULL JOIN cut AS c USING (freelancer_id)
    ), whole12 AS (
        -- the 12-month window without its cut start, also in the 24 months
        SELECT pieces.*, jss_state_combine(everywhere, middle) AS within12
        FROM pieces
    )
    SELECT freelancer_id,
           jss_state_combine(everywhere, start6),
           jss_state_combine(within12, start12),
           jss_state_combine(jss_state_combine(within12, early), start24)
    FROM whole12;
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
    WITH scored AS (
        SELECT freelancer_id, state24,
               greatest(jss_score(state6), jss_score(state12), jss_score(state24)) AS score,
               least(jss_contracts_needed(state6), jss_contracts_needed(state12),
                     jss_contracts_needed(state24)) AS contracts_to_90
        FROM freelancer_window_states(as_of, freelancer_ids)
    ), flags AS (
        SELECT scored.*,
               score < 70 AS low,
               coalesce(jss_needs_review(state24) AND jss_score(state24) >= 70, false) AS falling
        FROM scored
    )
    SELECT freelancer_id, jss_contracts(state24), score, jss_band(score),
           jss_satisfaction_ratio(state24), jss_trend_slope(state24),
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
