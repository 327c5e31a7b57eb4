/*-------------------------------------------------------------------------
 *
 * jss_bench_floor.c
 *	  Transition functions that do less than any jss_score could: the
 *	  floor of the P1 benchmark (test/bench/run), never installed.
 *
 * jss_score(outcome, weight) GROUP BY freelancer spends its time on the
 * cache miss at the group's state, not on arithmetic (perf: the loads of
 * the state's first fields take most of the transition's samples).  The
 * floor aggregates measure that directly.  Their transition makes the
 * writes a row with a positive outcome makes to its state -- n += 1 and
 * the three 128-bit sums W, S and the positive part of N -- and nothing
 * else: like jss_score it skips a row whose outcome is NULL, but it reads,
 * checks and rounds no argument and forms no product.  Whatever jss_score
 * does, it does at least this, so a floor aggregate costs no more than
 * jss_score can over the same state.  Declared by floor.sql:
 *
 *	  floor_state_writes	  into a jss_state, the state every aggregate
 *						  keeps and shards ship (216 bytes)
 *	  floor_compact_writes	  into a bytea of 104 bytes holding only the
 *							  undated sums (n, W, S, N+, D, N-, neutral): the
 *							  least a smaller state for the undated
 *							  aggregates could cost
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

#include "state.h"

PG_MODULE_MAGIC;

/*
 * The undated part of a JssState alone, in the same places: a 104-byte
 * varlena.  So a positive row's writes are the same code for both states.
 */
typedef struct CompactState
{
	int32		vl_len_;
	uint16		version;
	uint16		flags;
	int64		contracts;
	JssInt128	sum_w;
	JssInt128	sum_w_pos;
	JssInt128	sum_wo_pos;
	JssInt128	sum_w_neg;
	JssInt128	sum_wo_neg;
	int64		neutral;
} CompactState;

StaticAssertDecl(sizeof(CompactState) == 104, "CompactState is 104 bytes");
StaticAssertDecl(offsetof(CompactState, neutral) == offsetof(JssState, neutral),
				 "CompactState is the start of JssState");

PG_FUNCTION_INFO_V1(floor_positive_writes);
PG_FUNCTION_INFO_V1(floor_compact_final);

/*
 * floor_positive_writes(state, float8, float8): a positive row's writes
 * into the state, in place (the aggregates start from an INITCOND).  The
 * transition of both floor aggregates: the state is a jss_state or a
 * compact bytea, whose first fields lie in the same places.
 */
Datum
floor_positive_writes(PG_FUNCTION_ARGS)
{
	CompactState *s = (CompactState *) PG_GETARG_POINTER(0);

	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(s);
	s->contracts += 1;
	s->sum_w += 1;
	s->sum_w_pos += 1;
	s->sum_wo_pos += 1;
	PG_RETURN_POINTER(s);
}

/* floor_compact_final(bytea): n, so that the result depends on every row. */
Datum
floor_compact_final(PG_FUNCTION_ARGS)
{
	CompactState *s = (CompactState *) PG_GETARG_POINTER(0);

	PG_RETURN_FLOAT8((double) s->contracts);
}
