/* src/jss--1.0--1.1.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION jss UPDATE TO '1.1'" to load this file. \quit

-- Version 1.1 only adds objects and changes C code behind existing ones;
-- every value stored by 1.0 (jss_state, jss_asof_state, jss_band) keeps its
-- format and its results.  Each section below matches the place in
-- jss--1.1.sql where a fresh install creates the same objects.

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

-- ALTER AGGREGATE cannot add a moving-aggregate mode, and DROP AGGREGATE
-- would fail (or, with CASCADE, drop them) when views use jss_rollup, as
-- the biweekly recipe's do.  CREATE OR REPLACE AGGREGATE keeps the
-- aggregate's OID, owner, privileges and comment, so every view and
-- function that uses it stays valid, and records its dependencies exactly
-- as CREATE AGGREGATE does: the catalog is then a fresh 1.1's.  OR REPLACE
-- is safe here, as PostgreSQL's rules for extension scripts allow in an
-- update script: the aggregate is known to be a member of this extension,
-- and PostgreSQL refuses to replace an object that is not.  Everything but
-- the new MSFUNC, MINVFUNC, MSTYPE and MFINALFUNC is as in 1.0.
CREATE OR REPLACE AGGREGATE @extschema@.jss_rollup(@extschema@.jss_state) (
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
