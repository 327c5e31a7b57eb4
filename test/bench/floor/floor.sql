-- test/bench/floor/floor.sql: the P1 floor aggregates (see jss_bench_floor.c),
-- over the module built by test/bench/run and loaded by path.
--
--   psql -v floor_so=/path/to/jss_bench_floor.so -f test/bench/floor/floor.sql
--
-- Both take (outcome, weight) like jss_score and start from an INITCOND,
-- as jss_score does, so that the executor's work is the same as for it.

CREATE FUNCTION public.floor_state_writes(public.jss_state, float8, float8)
RETURNS public.jss_state LANGUAGE c PARALLEL SAFE
AS :'floor_so', 'floor_positive_writes';

CREATE FUNCTION public.floor_compact_writes(bytea, float8, float8)
RETURNS bytea LANGUAGE c PARALLEL SAFE
AS :'floor_so', 'floor_positive_writes';

CREATE FUNCTION public.floor_compact_final(bytea)
RETURNS float8 LANGUAGE c STRICT PARALLEL SAFE
AS :'floor_so', 'floor_compact_final';

-- a positive row's writes into a jss_state; final: jss_score's own
CREATE AGGREGATE public.floor_state_writes(outcome float8, weight float8) (
    SFUNC = public.floor_state_writes,
    STYPE = public.jss_state,
    INITCOND = 'v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none',
    FINALFUNC = public.jss_score_final
);

-- the same writes into a 104-byte state of the undated sums alone
SELECT format($$CREATE AGGREGATE public.floor_compact_writes(outcome float8, weight float8) (
    SFUNC = public.floor_compact_writes,
    STYPE = bytea,
    INITCOND = %L,
    FINALFUNC = public.floor_compact_final
)$$, '\x' || repeat('00', 100)) \gexec
