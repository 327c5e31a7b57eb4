/*-------------------------------------------------------------------------
 *
 * state_compare.c
 *	  Comparison and hashing of jss_state: the =, <> and ordering operators
 *	  and the support functions of its btree and hash operator classes, so
 *	  that DISTINCT, GROUP BY, UNION, IN and count(DISTINCT ...) work on
 *	  states as they do on core types.
 *
 * Two states are equal when their bytes are, which is exactly when they
 * hold the same sums: every byte of a state is written (no padding), and a
 * state's fields are the sums and nothing else.
 *
 * The order is the byte order of the binary (network byte order) form.
 * It means nothing about scores; it exists so that sorting works, and it
 * is the same on every platform, so a sort of states gives the same rows
 * in the same order everywhere.  The hash is taken over the same bytes.
 *
 *-------------------------------------------------------------------------
 */
#include "jss.h"

#include "common/hashfn.h"

PG_FUNCTION_INFO_V1(jss_state_eq);
PG_FUNCTION_INFO_V1(jss_state_ne);
PG_FUNCTION_INFO_V1(jss_state_lt);
PG_FUNCTION_INFO_V1(jss_state_le);
PG_FUNCTION_INFO_V1(jss_state_gt);
PG_FUNCTION_INFO_V1(jss_state_ge);
PG_FUNCTION_INFO_V1(jss_state_cmp);
PG_FUNCTION_INFO_V1(jss_state_hash);
PG_FUNCTION_INFO_V1(jss_state_hash_extended);

/* The checked jss_state argument argno. */
static JssState *
StateOperand(FunctionCallInfo fcinfo, int argno)
{
	JssState   *s = PG_GETARG_JSS_STATE_P(argno);

	JssCheckStateArg(s, "jss_state");
	return s;
}

/* Whether arguments 0 and 1 hold the same sums. */
static bool
StatesEqual(FunctionCallInfo fcinfo)
{
	return memcmp(StateOperand(fcinfo, 0), StateOperand(fcinfo, 1), sizeof(JssState)) == 0;
}

/* <0, 0 or >0 as argument 0's binary form sorts before, with or after argument 1's. */
static int
StatesCompare(FunctionCallInfo fcinfo)
{
	unsigned char a[JSS_STATE_BINARY_LEN];
	unsigned char b[JSS_STATE_BINARY_LEN];

	StateEncodeBinary(StateOperand(fcinfo, 0), a);
	StateEncodeBinary(StateOperand(fcinfo, 1), b);
	return memcmp(a, b, JSS_STATE_BINARY_LEN);
}

/* jss_state = jss_state */
Datum
jss_state_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(StatesEqual(fcinfo));
}

/* jss_state <> jss_state */
Datum
jss_state_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!StatesEqual(fcinfo));
}

/* jss_state < jss_state */
Datum
jss_state_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(StatesCompare(fcinfo) < 0);
}

/* jss_state <= jss_state */
Datum
jss_state_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(StatesCompare(fcinfo) <= 0);
}

/* jss_state > jss_state */
Datum
jss_state_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(StatesCompare(fcinfo) > 0);
}

/* jss_state >= jss_state */
Datum
jss_state_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(StatesCompare(fcinfo) >= 0);
}

/* jss_state_cmp(a, b): -1, 0 or 1, the btree support function. */
Datum
jss_state_cmp(PG_FUNCTION_ARGS)
{
	int			c = StatesCompare(fcinfo);

	PG_RETURN_INT32(c < 0 ? -1 : c > 0 ? 1 : 0);
}

/* jss_state_hash(state): the hash of its binary form. */
Datum
jss_state_hash(PG_FUNCTION_ARGS)
{
	unsigned char bytes[JSS_STATE_BINARY_LEN];

	StateEncodeBinary(StateOperand(fcinfo, 0), bytes);
	return hash_any(bytes, JSS_STATE_BINARY_LEN);
}

/* jss_state_hash_extended(state, seed): the seeded 64-bit hash of its binary form. */
Datum
jss_state_hash_extended(PG_FUNCTION_ARGS)
{
	unsigned char bytes[JSS_STATE_BINARY_LEN];

	StateEncodeBinary(StateOperand(fcinfo, 0), bytes);
	return hash_any_extended(bytes, JSS_STATE_BINARY_LEN, PG_GETARG_INT64(1));
}
