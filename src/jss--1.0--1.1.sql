/* src/jss--1.0--1.1.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION jss UPDATE TO '1.1'" to load this file. \quit

-- Version 1.1 only adds objects and changes C code behind existing ones;
-- every value stored by 1.0 (jss_state, jss_asof_state, jss_band) keeps its
-- format and its results.  Each section below matches the place in
-- jss--1.1.sql where a fresh install creates the same objects.

--------------------------------------------------------------------------
-- jss_outcome takes complaints and missed_deadlines as bigint, so that a
-- count(*) can be passed.  PostgreSQL cannot alter a function's argument
-- types, and dropping the function would fail for every view that calls it
-- (the biweekly recipe's do), so the two types are changed in its catalog
-- row, to what a fresh 1.1 declares (argument types and the defaults'
-- expressions, copied from a scratch declaration).  This is safe because
-- the C function reads each count at the width of the expression it is
-- passed: views stored under 1.0 keep passing integer, new calls bigint.
--------------------------------------------------------------------------

CREATE FUNCTION @extschema@.jss_outcome_1_1_signature(
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

-- (the update runs with the extension's schema first in search_path, so
-- current_schema() is that schema)
UPDATE pg_catalog.pg_proc AS p
SET proargtypes = s.proargtypes, proargdefaults = s.proargdefaults
FROM pg_catalog.pg_proc AS s
WHERE p.proname = 'jss_outcome' AND s.proname = 'jss_outcome_1_1_signature'
  AND p.pronamespace = s.pronamespace
  AND s.pronamespace = (SELECT n.oid FROM pg_catalog.pg_namespace AS n
                        WHERE n.nspname = pg_catalog.current_schema());

DROP FUNCTION @extschema@.jss_outcome_1_1_signature(float8, float8, boolean, boolean, boolean, bigint, bigint, float8, boolean);

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
-- Moving-aggregate support functions: jss_rollup's moving-aggregate mode
--------------------------------------------------------------------------

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
-- Aggregates: jss_rollup gains its moving-aggregate mode
--------------------------------------------------------------------------

-- ALTER AGGREGATE cannot add a moving-aggregate mode, DROP AGGREGATE would
-- fail (or, with CASCADE, drop them) when views use jss_rollup, as the
-- biweekly recipe's do, and an extension script must not replace objects.
-- So the mode is added to jss_rollup's pg_aggregate row, with the
-- dependencies on its support functions that CREATE AGGREGATE records:
-- the aggregate keeps its OID, and every view that uses it stays valid.
-- The result is the catalog of a fresh 1.1 (test/upgrade/run compares them).
-- The update runs with the extension's schema first in search_path, so
-- current_schema() is that schema.
CREATE TEMP TABLE jss_rollup_moving ON COMMIT DROP AS
SELECT a.oid AS aggfnoid, m.oid AS msfunc, i.oid AS minvfunc, f.oid AS mfinalfunc
FROM pg_catalog.pg_namespace AS n
JOIN pg_catalog.pg_proc AS a ON a.pronamespace = n.oid AND a.proname = 'jss_rollup'
JOIN pg_catalog.pg_proc AS m ON m.pronamespace = n.oid AND m.proname = 'jss_moving_rollup_accum'
JOIN pg_catalog.pg_proc AS i ON i.pronamespace = n.oid AND i.proname = 'jss_moving_rollup_inverse'
JOIN pg_catalog.pg_proc AS f ON f.pronamespace = n.oid AND f.proname = 'jss_moving_rollup_final'
WHERE n.nspname = pg_catalog.current_schema();

UPDATE pg_catalog.pg_aggregate AS g
SET aggmtransfn = r.msfunc, aggminvtransfn = r.minvfunc, aggmfinalfn = r.mfinalfunc,
    aggmtranstype = 'pg_catalog.internal'::pg_catalog.regtype
FROM jss_rollup_moving AS r
WHERE g.aggfnoid = r.aggfnoid;

INSERT INTO pg_catalog.pg_depend (classid, objid, objsubid, refclassid, refobjid, refobjsubid, deptype)
SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, r.aggfnoid, 0,
       'pg_catalog.pg_proc'::pg_catalog.regclass, f.fn, 0, 'n'
FROM jss_rollup_moving AS r
CROSS JOIN LATERAL (VALUES (r.msfunc), (r.minvfunc), (r.mfinalfunc)) AS f(fn);

DROP TABLE jss_rollup_moving;

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
