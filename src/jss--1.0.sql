/* src/jss--1.0.sql */

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
    complaints integer DEFAULT NULL,
    missed_deadlines integer DEFAULT NULL,
    response_hours float8 DEFAULT NULL,
    long_term boolean DEFAULT NULL)
RETURNS float8
AS 'MODULE_PATHNAME', 'jss_outcome'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10;

COMMENT ON FUNCTION @extschema@.jss_outcome(float8, float8, boolean, boolean, boolean, integer, integer, float8, boolean) IS
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
