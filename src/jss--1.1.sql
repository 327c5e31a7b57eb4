/* src/jss--1.1.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION jss" to load this file. \quit

-- Every name below is qualified with @extschema@ or is in pg_catalog, so
-- that nothing in the installing user's search_path can be called instead.

--------------------------------------------------------------------------
-- Per-contract functions
--------------------------------------------------------------------------

-- not STRICT: a NULL argument is "no signal".  COST 10: a call, with its
-- nine arguments, costs about ten simple operators (measured: ~30 ns), so
-- over a large scan the planner JIT-compiles the argument fetching and the
-- tuple deforming, as it does for the same formula written in SQL.
CREATE FUNCTION @extschema@.jss_outcome(
    public_rating float8 DEFAULT NULL,
    private_rating float8 DEFAULT NULL,
    completed boolean DEFAULT NULL,
    disputed boolean DEFAULT NULL,
    refunded boolean DEFAULT NULL,
    complaints bigint DEFAULT NULL,
    missed_deadlines bigint DEFAULT NULL,
    response_hours float8 DEFAULT NULL,
    long_term boolean DEFAULT NULL)
RETURNS float8
AS 'MODULE_PATHNAME', 'jss_outcome'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.jss_outcome(float8, float8, boolean, boolean, boolean, bigint, bigint, float8, boolean) IS
'net performance of one contract in [-1, 1]: good signals minus poor signals; NULL when no argument is a signal';

-- not STRICT: NULL earned counts as 0, NULL paid_length adds nothing
CREATE FUNCTION @extschema@.jss_job_weight(earned numeric, paid_length interval DEFAULT NULL)
RETURNS float8
AS 'MODULE_PATHNAME', 'jss_job_weight'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_job_weight(numeric, interval) IS
'how many jobs a contract counts as: 1, 1.25 or 1.5 by earnings, plus 1 per full 90 days paid, at most 8';

--------------------------------------------------------------------------
-- The state type
--------------------------------------------------------------------------

CREATE TYPE @extschema@.jss_state;

CREATE FUNCTION @extschema@.jss_state_in(cstring)
RETURNS @extschema@.jss_state
AS 'MODULE_PATHNAME', 'jss_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.jss_state_out(@extschema@.jss_state)
RETURNS cstring
AS 'MODULE_PATHNAME', 'jss_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.jss_state_recv(internal)
RETURNS @extschema@.jss_state
AS 'MODULE_PATHNAME', 'jss_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.jss_state_send(@extschema@.jss_state)
RETURNS bytea
AS 'MODULE_PATHNAME', 'jss_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- fixed size, never compressed or toasted: STORAGE plain keeps every value
-- aligned in place, so reading one never copies it
CREATE TYPE @extschema@.jss_state (
    INPUT = @extschema@.jss_state_in,
    OUTPUT = @extschema@.jss_state_out,
    RECEIVE = @extschema@.jss_state_recv,
    SEND = @extschema@.jss_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);

COMMENT ON TYPE @extschema@.jss_state IS
'exact partial state of the jss aggregates: counts, first and last end times and fixed-point sums, versioned';

--------------------------------------------------------------------------
-- Accessors
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.jss_score(state @extschema@.jss_state,
    prior_weight float8 DEFAULT 3, prior_mean float8 DEFAULT 1,
    min_contracts integer DEFAULT 2)
RETURNS float8
AS 'MODULE_PATHNAME', 'jss_score'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_score(@extschema@.jss_state, float8, float8, integer) IS
'Job Success Score of a state, 100 * clamp((N + K*m) / (W + K), 0, 1); NULL below min_contracts';

CREATE FUNCTION @extschema@.jss_satisfaction_ratio(state @extschema@.jss_state)
RETURNS float8
AS 'MODULE_PATHNAME', 'jss_satisfaction_ratio'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_satisfaction_ratio(@extschema@.jss_state) IS
'weighted share of satisfied outcomes of a state, S / (S + D); NULL when no outcome is positive or negative';

CREATE FUNCTION @extschema@.jss_trend_slope(state @extschema@.jss_state)
RETURNS float8
AS 'MODULE_PATHNAME', 'jss_trend_slope'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_trend_slope(@extschema@.jss_state) IS
'weighted least-squares slope of 100*outcome against the UTC day of ended_at, in score points per quarter';

CREATE FUNCTION @extschema@.jss_contracts(state @extschema@.jss_state)
RETURNS bigint
AS 'MODULE_PATHNAME', 'jss_contracts'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_contracts(@extschema@.jss_state) IS
'number of contracts counted in a state';

CREATE FUNCTION @extschema@.jss_first_ended(state @extschema@.jss_state)
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'jss_first_ended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_first_ended(@extschema@.jss_state) IS
'earliest ended_at in a state; NULL when empty';

CREATE FUNCTION @extschema@.jss_last_ended(state @extschema@.jss_state)
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'jss_last_ended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_last_ended(@extschema@.jss_state) IS
'latest ended_at in a state; NULL when empty';

CREATE FUNCTION @extschema@.jss_needs_review(state @extschema@.jss_state)
RETURNS boolean
AS 'MODULE_PATHNAME', 'jss_needs_review'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_needs_review(@extschema@.jss_state) IS
'true when the score is below 70 or the trend falls significantly (n >= 5, slope <= -5, t <= -2)';

--------------------------------------------------------------------------
-- Explaining and improving a score
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.jss_explain(state @extschema@.jss_state,
    prior_weight float8 DEFAULT 3, prior_mean float8 DEFAULT 1,
    min_contracts integer DEFAULT 2)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'jss_explain'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_explain(@extschema@.jss_state, float8, float8, integer) IS
'every number behind the score of a state, as jsonb: sums, prior, score, band, ratio, trend, review and its reasons';

CREATE FUNCTION @extschema@.jss_contracts_needed(state @extschema@.jss_state, target float8 DEFAULT 90)
RETURNS integer
AS 'MODULE_PATHNAME', 'jss_contracts_needed'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_contracts_needed(@extschema@.jss_state, float8) IS
'least number of additional contracts of outcome 1 and weight 1 that bring the default score to target; NULL when none can';

--------------------------------------------------------------------------
-- Aggregate support functions
--------------------------------------------------------------------------

-- not STRICT: a NULL state starts a new one, a NULL outcome skips the row
CREATE FUNCTION @extschema@.jss_outcome_accum(@extschema@.jss_state, float8)
RETURNS @extschema@.jss_state
AS 'MODULE_PATHNAME', 'jss_outcome_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_outcome_accum(@extschema@.jss_state, float8) IS
'transition function of jss_score(outcome), jss_satisfaction_ratio(outcome) and jss_client_weight';

-- not STRICT: as above, and a NULL weight counts as 1
CREATE FUNCTION @extschema@.jss_outcome_accum(@extschema@.jss_state, float8, float8)
RETURNS @extschema@.jss_state
AS 'MODULE_PATHNAME', 'jss_outcome_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_outcome_accum(@extschema@.jss_state, float8, float8) IS
'transition function of jss_score(outcome, weight) and jss_satisfaction_ratio(outcome, weight)';

-- not STRICT: a NULL state starts a new one, a NULL outcome or ended_at skips the row
CREATE FUNCTION @extschema@.jss_agg_accum(@extschema@.jss_state, float8, timestamptz)
RETURNS @extschema@.jss_state
AS 'MODULE_PATHNAME', 'jss_agg_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_agg_accum(@extschema@.jss_state, float8, timestamptz) IS
'transition function of jss_agg(outcome, ended_at) and jss_trend_slope(outcome, ended_at)';

-- not STRICT: as above, and a NULL weight counts as 1
CREATE FUNCTION @extschema@.jss_agg_accum(@extschema@.jss_state, float8, timestamptz, float8)
RETURNS @extschema@.jss_state
AS 'MODULE_PATHNAME', 'jss_agg_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_agg_accum(@extschema@.jss_state, float8, timestamptz, float8) IS
'transition function of jss_agg(outcome, ended_at, weight) and jss_trend_slope(outcome, ended_at, weight)';

-- not STRICT: NULL states are skipped
CREATE FUNCTION @extschema@.jss_state_combine(@extschema@.jss_state, @extschema@.jss_state)
RETURNS @extschema@.jss_state
AS 'MODULE_PATHNAME', 'jss_state_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_state_combine(@extschema@.jss_state, @extschema@.jss_state) IS
'merges two states exactly: combine function of every jss aggregate and transition function of jss_rollup';

-- not STRICT: no rows gives an empty state, not NULL
CREATE FUNCTION @extschema@.jss_state_final(@extschema@.jss_state)
RETURNS @extschema@.jss_state
AS 'MODULE_PATHNAME', 'jss_state_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_state_final(@extschema@.jss_state) IS
'final function of jss_agg and jss_rollup: the state, or an empty state when no row counted';

CREATE FUNCTION @extschema@.jss_score_final(@extschema@.jss_state)
RETURNS float8
AS 'MODULE_PATHNAME', 'jss_score_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_score_final(@extschema@.jss_state) IS
'final function of jss_score: the score with the default prior (K = 3, m = 1, at least 2 contracts)';

-- not STRICT: a client without any outcome weighs 1
CREATE FUNCTION @extschema@.jss_client_weight_final(@extschema@.jss_state)
RETURNS float8
AS 'MODULE_PATHNAME', 'jss_client_weight_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_client_weight_final(@extschema@.jss_state) IS
'final function of jss_client_weight: (G + 5) / (G + P + 5)';

--------------------------------------------------------------------------
-- Moving-aggregate support functions: the window frame's
-- state is internal (it never leaves the backend); the inverse is exact
--------------------------------------------------------------------------

-- not STRICT: a NULL outcome skips the row; never returns NULL
CREATE FUNCTION @extschema@.jss_moving_outcome_accum(internal, float8)
RETURNS internal
AS 'MODULE_PATHNAME', 'jss_moving_outcome_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_outcome_accum(internal, float8) IS
'moving-aggregate forward transition of jss_score(outcome) and jss_satisfaction_ratio(outcome)';

-- not STRICT: as above, and a NULL weight counts as 1
CREATE FUNCTION @extschema@.jss_moving_outcome_accum(internal, float8, float8)
RETURNS internal
AS 'MODULE_PATHNAME', 'jss_moving_outcome_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_outcome_accum(internal, float8, float8) IS
'moving-aggregate forward transition of jss_score(outcome, weight) and jss_satisfaction_ratio(outcome, weight)';

-- not STRICT: must match the forward transition
CREATE FUNCTION @extschema@.jss_moving_outcome_inverse(internal, float8)
RETURNS internal
AS 'MODULE_PATHNAME', 'jss_moving_outcome_inverse'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_outcome_inverse(internal, float8) IS
'moving-aggregate inverse transition of jss_score(outcome) and jss_satisfaction_ratio(outcome): exact';

-- not STRICT: must match the forward transition
CREATE FUNCTION @extschema@.jss_moving_outcome_inverse(internal, float8, float8)
RETURNS internal
AS 'MODULE_PATHNAME', 'jss_moving_outcome_inverse'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_outcome_inverse(internal, float8, float8) IS
'moving-aggregate inverse transition of jss_score(outcome, weight) and jss_satisfaction_ratio(outcome, weight): exact';

-- not STRICT: a NULL outcome or ended_at skips the row; never returns NULL
CREATE FUNCTION @extschema@.jss_moving_agg_accum(internal, float8, timestamptz)
RETURNS internal
AS 'MODULE_PATHNAME', 'jss_moving_agg_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_agg_accum(internal, float8, timestamptz) IS
'moving-aggregate forward transition of jss_agg(outcome, ended_at) and jss_trend_slope(outcome, ended_at)';

-- not STRICT: as above, and a NULL weight counts as 1
CREATE FUNCTION @extschema@.jss_moving_agg_accum(internal, float8, timestamptz, float8)
RETURNS internal
AS 'MODULE_PATHNAME', 'jss_moving_agg_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_agg_accum(internal, float8, timestamptz, float8) IS
'moving-aggregate forward transition of jss_agg(outcome, ended_at, weight) and jss_trend_slope(outcome, ended_at, weight)';

-- not STRICT: must match the forward transition
CREATE FUNCTION @extschema@.jss_moving_agg_inverse(internal, float8, timestamptz)
RETURNS internal
AS 'MODULE_PATHNAME', 'jss_moving_agg_inverse'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_agg_inverse(internal, float8, timestamptz) IS
'moving-aggregate inverse transition of jss_agg(outcome, ended_at) and jss_trend_slope(outcome, ended_at): exact';

-- not STRICT: must match the forward transition
CREATE FUNCTION @extschema@.jss_moving_agg_inverse(internal, float8, timestamptz, float8)
RETURNS internal
AS 'MODULE_PATHNAME', 'jss_moving_agg_inverse'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_agg_inverse(internal, float8, timestamptz, float8) IS
'moving-aggregate inverse transition of jss_agg(outcome, ended_at, weight) and jss_trend_slope(outcome, ended_at, weight): exact';

CREATE FUNCTION @extschema@.jss_moving_score_final(internal)
RETURNS float8
AS 'MODULE_PATHNAME', 'jss_moving_score_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_score_final(internal) IS
'moving-aggregate final function of jss_score: the score of the frame';

CREATE FUNCTION @extschema@.jss_moving_satisfaction_ratio_final(internal)
RETURNS float8
AS 'MODULE_PATHNAME', 'jss_moving_satisfaction_ratio_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_satisfaction_ratio_final(internal) IS
'moving-aggregate final function of jss_satisfaction_ratio: the ratio of the frame';

CREATE FUNCTION @extschema@.jss_moving_trend_slope_final(internal)
RETURNS float8
AS 'MODULE_PATHNAME', 'jss_moving_trend_slope_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_trend_slope_final(internal) IS
'moving-aggregate final function of jss_trend_slope: the slope of the frame';

-- not STRICT: an empty frame gives an empty state, not NULL
CREATE FUNCTION @extschema@.jss_moving_state_final(internal)
RETURNS @extschema@.jss_state
AS 'MODULE_PATHNAME', 'jss_moving_state_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_state_final(internal) IS
'moving-aggregate final function of jss_agg: the state of the frame, the same bytes jss_agg builds';

-- jss_rollup's moving-aggregate mode (new in 1.1): the frame's state is
-- internal, with the counts of the states' first and last ended_at

-- not STRICT: a NULL state is skipped; never returns NULL
CREATE FUNCTION @extschema@.jss_moving_rollup_accum(internal, @extschema@.jss_state)
RETURNS internal
AS 'MODULE_PATHNAME', 'jss_moving_rollup_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_rollup_accum(internal, @extschema@.jss_state) IS
'moving-aggregate forward transition of jss_rollup: merges a state into the frame';

-- not STRICT: must match the forward transition
CREATE FUNCTION @extschema@.jss_moving_rollup_inverse(internal, @extschema@.jss_state)
RETURNS internal
AS 'MODULE_PATHNAME', 'jss_moving_rollup_inverse'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_rollup_inverse(internal, @extschema@.jss_state) IS
'moving-aggregate inverse transition of jss_rollup: takes a state out of the frame, exactly';

-- not STRICT: an empty frame gives an empty state, not NULL
CREATE FUNCTION @extschema@.jss_moving_rollup_final(internal)
RETURNS @extschema@.jss_state
AS 'MODULE_PATHNAME', 'jss_moving_rollup_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_rollup_final(internal) IS
'moving-aggregate final function of jss_rollup: the state of the frame, the same bytes jss_rollup builds';

--------------------------------------------------------------------------
-- The as-of score's state type
--------------------------------------------------------------------------

CREATE TYPE @extschema@.jss_asof_state;

CREATE FUNCTION @extschema@.jss_asof_state_in(cstring)
RETURNS @extschema@.jss_asof_state
AS 'MODULE_PATHNAME', 'jss_asof_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.jss_asof_state_out(@extschema@.jss_asof_state)
RETURNS cstring
AS 'MODULE_PATHNAME', 'jss_asof_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.jss_asof_state_recv(internal)
RETURNS @extschema@.jss_asof_state
AS 'MODULE_PATHNAME', 'jss_asof_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.jss_asof_state_send(@extschema@.jss_asof_state)
RETURNS bytea
AS 'MODULE_PATHNAME', 'jss_asof_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- fixed size, never compressed or toasted, like jss_state
CREATE TYPE @extschema@.jss_asof_state (
    INPUT = @extschema@.jss_asof_state_in,
    OUTPUT = @extschema@.jss_asof_state_out,
    RECEIVE = @extschema@.jss_asof_state_recv,
    SEND = @extschema@.jss_asof_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);

COMMENT ON TYPE @extschema@.jss_asof_state IS
'partial state of the as-of score: as_of and the exact sums of its 6, 12 and 24 month windows, versioned';

-- not STRICT: a NULL state starts a new one; a NULL outcome, ended_at or as_of skips the row
CREATE FUNCTION @extschema@.jss_asof_accum(@extschema@.jss_asof_state, float8, float8, timestamptz, timestamptz)
RETURNS @extschema@.jss_asof_state
AS 'MODULE_PATHNAME', 'jss_asof_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_asof_accum(@extschema@.jss_asof_state, float8, float8, timestamptz, timestamptz) IS
'transition function of jss_score(outcome, weight, ended_at, as_of)';

-- not STRICT: NULL states are skipped
CREATE FUNCTION @extschema@.jss_asof_combine(@extschema@.jss_asof_state, @extschema@.jss_asof_state)
RETURNS @extschema@.jss_asof_state
AS 'MODULE_PATHNAME', 'jss_asof_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_asof_combine(@extschema@.jss_asof_state, @extschema@.jss_asof_state) IS
'combine function of jss_score(outcome, weight, ended_at, as_of); as_of must agree';

CREATE FUNCTION @extschema@.jss_asof_final(@extschema@.jss_asof_state)
RETURNS float8
AS 'MODULE_PATHNAME', 'jss_asof_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_asof_final(@extschema@.jss_asof_state) IS
'final function of jss_score(outcome, weight, ended_at, as_of): the best of the 6, 12 and 24 month window scores';

--------------------------------------------------------------------------
-- Aggregates
--
-- Every aggregate starts from its state type's empty value (INITCOND), as
-- core's float8 aggregates start from '{0,0,0}': nodeAgg copies that value
-- into the group's memory once and the transition function then updates it
-- in place.  Starting from NULL would make nodeAgg copy the first state the
-- transition function returns, one more allocation per group, and keep both.
--------------------------------------------------------------------------

CREATE AGGREGATE @extschema@.jss_client_weight(outcome float8) (
    SFUNC = @extschema@.jss_outcome_accum,
    STYPE = @extschema@.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = @extschema@.jss_client_weight_final,
    COMBINEFUNC = @extschema@.jss_state_combine,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_client_weight(float8) IS
'weight of a client from the outcomes of all its contracts, (G + 5) / (G + P + 5), in (0, 1]';

CREATE AGGREGATE @extschema@.jss_score(outcome float8) (
    SFUNC = @extschema@.jss_outcome_accum,
    STYPE = @extschema@.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = @extschema@.jss_score_final,
    COMBINEFUNC = @extschema@.jss_state_combine,
    MSFUNC = @extschema@.jss_moving_outcome_accum,
    MINVFUNC = @extschema@.jss_moving_outcome_inverse,
    MSTYPE = internal,
    MFINALFUNC = @extschema@.jss_moving_score_final,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_score(float8) IS
'Job Success Score in [0, 100] of the outcomes, each of weight 1; NULL for fewer than 2';

CREATE AGGREGATE @extschema@.jss_score(outcome float8, weight float8) (
    SFUNC = @extschema@.jss_outcome_accum,
    STYPE = @extschema@.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = @extschema@.jss_score_final,
    COMBINEFUNC = @extschema@.jss_state_combine,
    MSFUNC = @extschema@.jss_moving_outcome_accum,
    MINVFUNC = @extschema@.jss_moving_outcome_inverse,
    MSTYPE = internal,
    MFINALFUNC = @extschema@.jss_moving_score_final,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_score(float8, float8) IS
'Job Success Score in [0, 100] of weighted outcomes; NULL for fewer than 2';

CREATE AGGREGATE @extschema@.jss_score(outcome float8, weight float8, ended_at timestamptz, as_of timestamptz) (
    SFUNC = @extschema@.jss_asof_accum,
    STYPE = @extschema@.jss_asof_state,
    INITCOND = 'v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=none',
    FINALFUNC = @extschema@.jss_asof_final,
    COMBINEFUNC = @extschema@.jss_asof_combine,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_score(float8, float8, timestamptz, timestamptz) IS
'Job Success Score as of a date: the best of the 6, 12 and 24 month windows before as_of (UTC months, bounds included)';

CREATE AGGREGATE @extschema@.jss_satisfaction_ratio(outcome float8) (
    SFUNC = @extschema@.jss_outcome_accum,
    STYPE = @extschema@.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = @extschema@.jss_satisfaction_ratio,
    COMBINEFUNC = @extschema@.jss_state_combine,
    MSFUNC = @extschema@.jss_moving_outcome_accum,
    MINVFUNC = @extschema@.jss_moving_outcome_inverse,
    MSTYPE = internal,
    MFINALFUNC = @extschema@.jss_moving_satisfaction_ratio_final,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_satisfaction_ratio(float8) IS
'share of satisfied (positive) outcomes among positive and negative ones, in [0, 1]';

CREATE AGGREGATE @extschema@.jss_satisfaction_ratio(outcome float8, weight float8) (
    SFUNC = @extschema@.jss_outcome_accum,
    STYPE = @extschema@.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = @extschema@.jss_satisfaction_ratio,
    COMBINEFUNC = @extschema@.jss_state_combine,
    MSFUNC = @extschema@.jss_moving_outcome_accum,
    MINVFUNC = @extschema@.jss_moving_outcome_inverse,
    MSTYPE = internal,
    MFINALFUNC = @extschema@.jss_moving_satisfaction_ratio_final,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_satisfaction_ratio(float8, float8) IS
'weighted share of satisfied outcomes, S / (S + D), in [0, 1]';

CREATE AGGREGATE @extschema@.jss_trend_slope(outcome float8, ended_at timestamptz) (
    SFUNC = @extschema@.jss_agg_accum,
    STYPE = @extschema@.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = @extschema@.jss_trend_slope,
    COMBINEFUNC = @extschema@.jss_state_combine,
    MSFUNC = @extschema@.jss_moving_agg_accum,
    MINVFUNC = @extschema@.jss_moving_agg_inverse,
    MSTYPE = internal,
    MFINALFUNC = @extschema@.jss_moving_trend_slope_final,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_trend_slope(float8, timestamptz) IS
'least-squares slope of 100*outcome against the UTC day of ended_at, in points per quarter';

CREATE AGGREGATE @extschema@.jss_trend_slope(outcome float8, ended_at timestamptz, weight float8) (
    SFUNC = @extschema@.jss_agg_accum,
    STYPE = @extschema@.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = @extschema@.jss_trend_slope,
    COMBINEFUNC = @extschema@.jss_state_combine,
    MSFUNC = @extschema@.jss_moving_agg_accum,
    MINVFUNC = @extschema@.jss_moving_agg_inverse,
    MSTYPE = internal,
    MFINALFUNC = @extschema@.jss_moving_trend_slope_final,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_trend_slope(float8, timestamptz, float8) IS
'weighted least-squares slope of 100*outcome against the UTC day of ended_at, in points per quarter';

CREATE AGGREGATE @extschema@.jss_agg(outcome float8, ended_at timestamptz) (
    SFUNC = @extschema@.jss_agg_accum,
    STYPE = @extschema@.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = @extschema@.jss_state_final,
    COMBINEFUNC = @extschema@.jss_state_combine,
    MSFUNC = @extschema@.jss_moving_agg_accum,
    MINVFUNC = @extschema@.jss_moving_agg_inverse,
    MSTYPE = internal,
    MFINALFUNC = @extschema@.jss_moving_state_final,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_agg(float8, timestamptz) IS
'partial state of the outcomes, for jss_rollup and the accessors; empty (not NULL) when no row counts';

CREATE AGGREGATE @extschema@.jss_agg(outcome float8, ended_at timestamptz, weight float8) (
    SFUNC = @extschema@.jss_agg_accum,
    STYPE = @extschema@.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = @extschema@.jss_state_final,
    COMBINEFUNC = @extschema@.jss_state_combine,
    MSFUNC = @extschema@.jss_moving_agg_accum,
    MINVFUNC = @extschema@.jss_moving_agg_inverse,
    MSTYPE = internal,
    MFINALFUNC = @extschema@.jss_moving_state_final,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_agg(float8, timestamptz, float8) IS
'partial state of the weighted outcomes, for jss_rollup and the accessors; empty (not NULL) when no row counts';

CREATE AGGREGATE @extschema@.jss_rollup(@extschema@.jss_state) (
    SFUNC = @extschema@.jss_state_combine,
    STYPE = @extschema@.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = @extschema@.jss_state_final,
    COMBINEFUNC = @extschema@.jss_state_combine,
    MSFUNC = @extschema@.jss_moving_rollup_accum,
    MINVFUNC = @extschema@.jss_moving_rollup_inverse,
    MSTYPE = internal,
    MFINALFUNC = @extschema@.jss_moving_rollup_final,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_rollup(@extschema@.jss_state) IS
'merges states into the state of the union of their rows, byte for byte; NULL states are skipped';

--------------------------------------------------------------------------
-- Bands
--------------------------------------------------------------------------

CREATE TYPE @extschema@.jss_band AS ENUM ('at risk', 'fair', 'good', 'excellent');

COMMENT ON TYPE @extschema@.jss_band IS
'band of a Job Success Score: at risk < fair < good < excellent';

CREATE FUNCTION @extschema@.jss_band(score float8)
RETURNS @extschema@.jss_band
AS 'MODULE_PATHNAME', 'jss_band'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_band(float8) IS
'band of a score: >= 90 excellent, >= 80 good, >= 70 fair, else at risk';

--------------------------------------------------------------------------
-- Timestamps without time zone.  Every function and aggregate that takes
-- ended_at or as_of also takes timestamp, read as UTC wall-clock time: a
-- timestamp and a timestamptz hold the same microsecond count, and these
-- declarations hand it to the same C functions, so the result never goes
-- through the session's TimeZone (the implicit cast to timestamptz would).
-- A date argument resolves to the timestamptz forms, timestamptz being
-- PostgreSQL's preferred date/time type.
--------------------------------------------------------------------------

-- not STRICT: a NULL state starts a new one, a NULL outcome or ended_at skips the row
CREATE FUNCTION @extschema@.jss_agg_accum(@extschema@.jss_state, float8, timestamp)
RETURNS @extschema@.jss_state
AS 'MODULE_PATHNAME', 'jss_agg_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_agg_accum(@extschema@.jss_state, float8, timestamp) IS
'transition function of jss_agg(outcome, ended_at) and jss_trend_slope(outcome, ended_at) for a timestamp read as UTC';

-- not STRICT: as above, and a NULL weight counts as 1
CREATE FUNCTION @extschema@.jss_agg_accum(@extschema@.jss_state, float8, timestamp, float8)
RETURNS @extschema@.jss_state
AS 'MODULE_PATHNAME', 'jss_agg_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_agg_accum(@extschema@.jss_state, float8, timestamp, float8) IS
'transition function of jss_agg(outcome, ended_at, weight) and jss_trend_slope(outcome, ended_at, weight) for a timestamp read as UTC';

-- not STRICT: a NULL outcome or ended_at skips the row; never returns NULL
CREATE FUNCTION @extschema@.jss_moving_agg_accum(internal, float8, timestamp)
RETURNS internal
AS 'MODULE_PATHNAME', 'jss_moving_agg_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_agg_accum(internal, float8, timestamp) IS
'moving-aggregate forward transition of jss_agg(outcome, ended_at) and jss_trend_slope(outcome, ended_at) for a timestamp read as UTC';

-- not STRICT: as above, and a NULL weight counts as 1
CREATE FUNCTION @extschema@.jss_moving_agg_accum(internal, float8, timestamp, float8)
RETURNS internal
AS 'MODULE_PATHNAME', 'jss_moving_agg_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_agg_accum(internal, float8, timestamp, float8) IS
'moving-aggregate forward transition of jss_agg(outcome, ended_at, weight) and jss_trend_slope(outcome, ended_at, weight) for a timestamp read as UTC';

-- not STRICT: must match the forward transition
CREATE FUNCTION @extschema@.jss_moving_agg_inverse(internal, float8, timestamp)
RETURNS internal
AS 'MODULE_PATHNAME', 'jss_moving_agg_inverse'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_agg_inverse(internal, float8, timestamp) IS
'moving-aggregate inverse transition of jss_agg(outcome, ended_at) and jss_trend_slope(outcome, ended_at) for a timestamp read as UTC: exact';

-- not STRICT: must match the forward transition
CREATE FUNCTION @extschema@.jss_moving_agg_inverse(internal, float8, timestamp, float8)
RETURNS internal
AS 'MODULE_PATHNAME', 'jss_moving_agg_inverse'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_moving_agg_inverse(internal, float8, timestamp, float8) IS
'moving-aggregate inverse transition of jss_agg(outcome, ended_at, weight) and jss_trend_slope(outcome, ended_at, weight) for a timestamp read as UTC: exact';

-- not STRICT: a NULL state starts a new one; a NULL outcome, ended_at or as_of skips the row
CREATE FUNCTION @extschema@.jss_asof_accum(@extschema@.jss_asof_state, float8, float8, timestamp, timestamp)
RETURNS @extschema@.jss_asof_state
AS 'MODULE_PATHNAME', 'jss_asof_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_asof_accum(@extschema@.jss_asof_state, float8, float8, timestamp, timestamp) IS
'transition function of jss_score(outcome, weight, ended_at, as_of) for timestamps read as UTC';

CREATE AGGREGATE @extschema@.jss_score(outcome float8, weight float8, ended_at timestamp, as_of timestamp) (
    SFUNC = @extschema@.jss_asof_accum,
    STYPE = @extschema@.jss_asof_state,
    INITCOND = 'v1 n6=0 w6=0 wo6=0 n12=0 w12=0 wo12=0 n24=0 w24=0 wo24=0 as_of=none',
    FINALFUNC = @extschema@.jss_asof_final,
    COMBINEFUNC = @extschema@.jss_asof_combine,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_score(float8, float8, timestamp, timestamp) IS
'Job Success Score as of a date, timestamps read as UTC: the best of the 6, 12 and 24 month windows before as_of (bounds included)';

CREATE AGGREGATE @extschema@.jss_trend_slope(outcome float8, ended_at timestamp) (
    SFUNC = @extschema@.jss_agg_accum,
    STYPE = @extschema@.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = @extschema@.jss_trend_slope,
    COMBINEFUNC = @extschema@.jss_state_combine,
    MSFUNC = @extschema@.jss_moving_agg_accum,
    MINVFUNC = @extschema@.jss_moving_agg_inverse,
    MSTYPE = internal,
    MFINALFUNC = @extschema@.jss_moving_trend_slope_final,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_trend_slope(float8, timestamp) IS
'least-squares slope of 100*outcome against the day of ended_at (read as UTC), in points per quarter';

CREATE AGGREGATE @extschema@.jss_trend_slope(outcome float8, ended_at timestamp, weight float8) (
    SFUNC = @extschema@.jss_agg_accum,
    STYPE = @extschema@.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = @extschema@.jss_trend_slope,
    COMBINEFUNC = @extschema@.jss_state_combine,
    MSFUNC = @extschema@.jss_moving_agg_accum,
    MINVFUNC = @extschema@.jss_moving_agg_inverse,
    MSTYPE = internal,
    MFINALFUNC = @extschema@.jss_moving_trend_slope_final,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_trend_slope(float8, timestamp, float8) IS
'weighted least-squares slope of 100*outcome against the day of ended_at (read as UTC), in points per quarter';

CREATE AGGREGATE @extschema@.jss_agg(outcome float8, ended_at timestamp) (
    SFUNC = @extschema@.jss_agg_accum,
    STYPE = @extschema@.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = @extschema@.jss_state_final,
    COMBINEFUNC = @extschema@.jss_state_combine,
    MSFUNC = @extschema@.jss_moving_agg_accum,
    MINVFUNC = @extschema@.jss_moving_agg_inverse,
    MSTYPE = internal,
    MFINALFUNC = @extschema@.jss_moving_state_final,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_agg(float8, timestamp) IS
'partial state of the outcomes, ended_at read as UTC, for jss_rollup and the accessors; empty (not NULL) when no row counts';

CREATE AGGREGATE @extschema@.jss_agg(outcome float8, ended_at timestamp, weight float8) (
    SFUNC = @extschema@.jss_agg_accum,
    STYPE = @extschema@.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = @extschema@.jss_state_final,
    COMBINEFUNC = @extschema@.jss_state_combine,
    MSFUNC = @extschema@.jss_moving_agg_accum,
    MINVFUNC = @extschema@.jss_moving_agg_inverse,
    MSTYPE = internal,
    MFINALFUNC = @extschema@.jss_moving_state_final,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_agg(float8, timestamp, float8) IS
'partial state of the weighted outcomes, ended_at read as UTC, for jss_rollup and the accessors; empty (not NULL) when no row counts';

--------------------------------------------------------------------------
-- Comparing states: = and <> (equal exactly when the sums are), an
-- ordering that means nothing about scores but is the same on every
-- platform, and btree and hash operator classes, so that DISTINCT,
-- GROUP BY, UNION, IN and count(DISTINCT ...) work on states
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.jss_state_eq(@extschema@.jss_state, @extschema@.jss_state)
RETURNS boolean
AS 'MODULE_PATHNAME', 'jss_state_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_state_eq(@extschema@.jss_state, @extschema@.jss_state) IS
'implementation of = for jss_state: the same sums';

CREATE FUNCTION @extschema@.jss_state_ne(@extschema@.jss_state, @extschema@.jss_state)
RETURNS boolean
AS 'MODULE_PATHNAME', 'jss_state_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_state_ne(@extschema@.jss_state, @extschema@.jss_state) IS
'implementation of <> for jss_state';

CREATE FUNCTION @extschema@.jss_state_lt(@extschema@.jss_state, @extschema@.jss_state)
RETURNS boolean
AS 'MODULE_PATHNAME', 'jss_state_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_state_lt(@extschema@.jss_state, @extschema@.jss_state) IS
'implementation of < for jss_state (the byte order of the binary form)';

CREATE FUNCTION @extschema@.jss_state_le(@extschema@.jss_state, @extschema@.jss_state)
RETURNS boolean
AS 'MODULE_PATHNAME', 'jss_state_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_state_le(@extschema@.jss_state, @extschema@.jss_state) IS
'implementation of <= for jss_state (the byte order of the binary form)';

CREATE FUNCTION @extschema@.jss_state_gt(@extschema@.jss_state, @extschema@.jss_state)
RETURNS boolean
AS 'MODULE_PATHNAME', 'jss_state_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_state_gt(@extschema@.jss_state, @extschema@.jss_state) IS
'implementation of > for jss_state (the byte order of the binary form)';

CREATE FUNCTION @extschema@.jss_state_ge(@extschema@.jss_state, @extschema@.jss_state)
RETURNS boolean
AS 'MODULE_PATHNAME', 'jss_state_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_state_ge(@extschema@.jss_state, @extschema@.jss_state) IS
'implementation of >= for jss_state (the byte order of the binary form)';

CREATE FUNCTION @extschema@.jss_state_cmp(@extschema@.jss_state, @extschema@.jss_state)
RETURNS integer
AS 'MODULE_PATHNAME', 'jss_state_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_state_cmp(@extschema@.jss_state, @extschema@.jss_state) IS
'btree support function of jss_state: -1, 0 or 1';

CREATE FUNCTION @extschema@.jss_state_hash(@extschema@.jss_state)
RETURNS integer
AS 'MODULE_PATHNAME', 'jss_state_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_state_hash(@extschema@.jss_state) IS
'hash support function of jss_state, over its binary form';

CREATE FUNCTION @extschema@.jss_state_hash_extended(@extschema@.jss_state, bigint)
RETURNS bigint
AS 'MODULE_PATHNAME', 'jss_state_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_state_hash_extended(@extschema@.jss_state, bigint) IS
'seeded 64-bit hash support function of jss_state, over its binary form';

CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.jss_state,
    RIGHTARG = @extschema@.jss_state,
    FUNCTION = @extschema@.jss_state_eq,
    COMMUTATOR = OPERATOR(@extschema@.=),
    NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel,
    JOIN = pg_catalog.eqjoinsel,
    HASHES,
    MERGES
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.jss_state, @extschema@.jss_state) IS
'equal: the same sums, so the same results from every accessor';

CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.jss_state,
    RIGHTARG = @extschema@.jss_state,
    FUNCTION = @extschema@.jss_state_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>),
    NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel,
    JOIN = pg_catalog.neqjoinsel
);

COMMENT ON OPERATOR @extschema@.<> (@extschema@.jss_state, @extschema@.jss_state) IS
'not equal';

CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.jss_state,
    RIGHTARG = @extschema@.jss_state,
    FUNCTION = @extschema@.jss_state_lt,
    COMMUTATOR = OPERATOR(@extschema@.>),
    NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel,
    JOIN = pg_catalog.scalarltjoinsel
);

COMMENT ON OPERATOR @extschema@.< (@extschema@.jss_state, @extschema@.jss_state) IS
'sorts before, in the byte order of the binary form (an order for sorting, not of scores)';

CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.jss_state,
    RIGHTARG = @extschema@.jss_state,
    FUNCTION = @extschema@.jss_state_le,
    COMMUTATOR = OPERATOR(@extschema@.>=),
    NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel,
    JOIN = pg_catalog.scalarlejoinsel
);

COMMENT ON OPERATOR @extschema@.<= (@extschema@.jss_state, @extschema@.jss_state) IS
'sorts before or equal, in the byte order of the binary form';

CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.jss_state,
    RIGHTARG = @extschema@.jss_state,
    FUNCTION = @extschema@.jss_state_gt,
    COMMUTATOR = OPERATOR(@extschema@.<),
    NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel,
    JOIN = pg_catalog.scalargtjoinsel
);

COMMENT ON OPERATOR @extschema@.> (@extschema@.jss_state, @extschema@.jss_state) IS
'sorts after, in the byte order of the binary form';

CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.jss_state,
    RIGHTARG = @extschema@.jss_state,
    FUNCTION = @extschema@.jss_state_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=),
    NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel,
    JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.>= (@extschema@.jss_state, @extschema@.jss_state) IS
'sorts after or equal, in the byte order of the binary form';

CREATE OPERATOR CLASS @extschema@.jss_state_ops
DEFAULT FOR TYPE @extschema@.jss_state USING btree AS
    OPERATOR 1 @extschema@.< ,
    OPERATOR 2 @extschema@.<= ,
    OPERATOR 3 @extschema@.= ,
    OPERATOR 4 @extschema@.>= ,
    OPERATOR 5 @extschema@.> ,
    FUNCTION 1 @extschema@.jss_state_cmp(@extschema@.jss_state, @extschema@.jss_state);

COMMENT ON OPERATOR CLASS @extschema@.jss_state_ops USING btree IS
'sorting of jss_state, in the byte order of the binary form';

CREATE OPERATOR CLASS @extschema@.jss_state_ops
DEFAULT FOR TYPE @extschema@.jss_state USING hash AS
    OPERATOR 1 @extschema@.= ,
    FUNCTION 1 @extschema@.jss_state_hash(@extschema@.jss_state),
    FUNCTION 2 @extschema@.jss_state_hash_extended(@extschema@.jss_state, bigint);

COMMENT ON OPERATOR CLASS @extschema@.jss_state_ops USING hash IS
'hashing of jss_state, over its binary form';

--------------------------------------------------------------------------
-- jss_band of a score written as text, as jsonb's ->> gives it
--------------------------------------------------------------------------

-- without it, jss_band(text) would be read as a cast of the text to the
-- enum, and a number such as '74.92' as an enum label
CREATE FUNCTION @extschema@.jss_band(score text)
RETURNS @extschema@.jss_band
AS 'MODULE_PATHNAME', 'jss_band_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_band(text) IS
'band of a score written as a number in text (jss_explain(s) ->> ''score''); cast a label with ''good''::jss_band';

--------------------------------------------------------------------------
-- The score history: jss_score(outcome, weight, ended_at, as_of) at each
-- date of an array, in one pass.  Its state is an array of the as-of
-- score's state, one element per date: a real type, so that it runs in
-- parallel and as a partial aggregate.  No INITCOND: the first row's
-- as_of gives the number of elements.  SSPACE: a year of biweekly dates
-- (26) takes 4.2 kB per group, allocated as 8 kB; without it the planner
-- takes a group's state for a few bytes and picks a hash aggregate that
-- spills hundreds of batches to disk.
--------------------------------------------------------------------------

-- not STRICT: a NULL state starts a new one; a NULL as_of array skips the
-- row, a NULL outcome or ended_at adds nothing
CREATE FUNCTION @extschema@.jss_history_accum(@extschema@.jss_asof_state[], float8, float8, timestamptz, timestamptz[])
RETURNS @extschema@.jss_asof_state[]
AS 'MODULE_PATHNAME', 'jss_history_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_history_accum(@extschema@.jss_asof_state[], float8, float8, timestamptz, timestamptz[]) IS
'transition function of jss_score_history(outcome, weight, ended_at, as_of[]): adds the row at every date whose 24 months hold it';

CREATE FUNCTION @extschema@.jss_history_accum(@extschema@.jss_asof_state[], float8, float8, timestamp, timestamp[])
RETURNS @extschema@.jss_asof_state[]
AS 'MODULE_PATHNAME', 'jss_history_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_history_accum(@extschema@.jss_asof_state[], float8, float8, timestamp, timestamp[]) IS
'transition function of jss_score_history(outcome, weight, ended_at, as_of[]) for timestamps read as UTC';

-- not STRICT: a NULL side is an empty one
CREATE FUNCTION @extschema@.jss_history_combine(@extschema@.jss_asof_state[], @extschema@.jss_asof_state[])
RETURNS @extschema@.jss_asof_state[]
AS 'MODULE_PATHNAME', 'jss_history_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_history_combine(@extschema@.jss_asof_state[], @extschema@.jss_asof_state[]) IS
'combine function of jss_score_history: merges the two states date by date (they must be for the same dates)';

CREATE FUNCTION @extschema@.jss_history_final(@extschema@.jss_asof_state[])
RETURNS float8[]
AS 'MODULE_PATHNAME', 'jss_history_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.jss_history_final(@extschema@.jss_asof_state[]) IS
'final function of jss_score_history: the as-of score at each date, NULL where there is none';

CREATE AGGREGATE @extschema@.jss_score_history(outcome float8, weight float8, ended_at timestamptz, as_of timestamptz[]) (
    SFUNC = @extschema@.jss_history_accum,
    STYPE = @extschema@.jss_asof_state[],
    FINALFUNC = @extschema@.jss_history_final,
    COMBINEFUNC = @extschema@.jss_history_combine,
    SSPACE = 8192,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_score_history(float8, float8, timestamptz, timestamptz[]) IS
'Job Success Score as of each date of as_of, in its order: what jss_score(outcome, weight, ended_at, as_of) gives at that date';

CREATE AGGREGATE @extschema@.jss_score_history(outcome float8, weight float8, ended_at timestamp, as_of timestamp[]) (
    SFUNC = @extschema@.jss_history_accum,
    STYPE = @extschema@.jss_asof_state[],
    FINALFUNC = @extschema@.jss_history_final,
    COMBINEFUNC = @extschema@.jss_history_combine,
    SSPACE = 8192,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.jss_score_history(float8, float8, timestamp, timestamp[]) IS
'Job Success Score as of each date of as_of, timestamps read as UTC: what jss_score(outcome, weight, ended_at, as_of) gives at that date';
