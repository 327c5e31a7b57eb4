/*-------------------------------------------------------------------------
 *
 * aggregates.c
 *	  Transition, combine and final functions of the jss aggregates.
 *
 * Every aggregate's transition type is jss_state (Citus
 * pushes an aggregate down only when its state is a real type).  Inside an
 * aggregate the state lives in the aggregate context and is updated in
 * place; called directly from SQL, these functions work on a copy.
 *
 * A row is skipped (the state is returned unchanged) when its outcome is
 * NULL, or, for the functions that take one, its ended_at is NULL.
 *
 *-------------------------------------------------------------------------
 */
#include "jss.h"

PG_FUNCTION_INFO_V1(jss_outcome_accum);
PG_FUNCTION_INFO_V1(jss_agg_accum);
PG_FUNCTION_INFO_V1(jss_state_combine);
PG_FUNCTION_INFO_V1(jss_state_final);
PG_FUNCTION_INFO_V1(jss_score_final);
PG_FUNCTION_INFO_V1(jss_client_weight_final);

/*
 * The state argument 0 of a transition or combine function, ready to be
 * changed: in place inside an aggregate, a copy otherwise, a new empty state
 * when it is NULL.
 */
static JssState *
WritableState(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
	{
		JssState   *s;

		if (PG_ARGISNULL(0))
			return JssStateNew(CurrentMemoryContext);
		s = PG_GETARG_JSS_STATE_P(0);
		JssCheckStateArg(s, "jss_state");
		return JssStateCopy(CurrentMemoryContext, s);
	}
	if (PG_ARGISNULL(0))
		return JssStateNew(aggcontext);
	return (JssState *) PG_GETARG_POINTER(0);
}

/*
 * jss_outcome_accum(state, outcome [, weight]): transition of jss_score,
 * jss_satisfaction_ratio and jss_client_weight (rows without time).
 */
Datum
jss_outcome_accum(PG_FUNCTION_ARGS)
{
	JssState   *s;
	int64		o,
				w;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	o = JssOutcomeArg(fcinfo, 1);
	w = JssWeightArg(fcinfo, 2);
	s = WritableState(fcinfo);
	if (!StateAddRow(s, w, o))
		JssReportTooManyContracts();
	PG_RETURN_JSS_STATE_P(s);
}

/*
 * jss_agg_accum(state, outcome, ended_at [, weight]): transition of jss_agg
 * and jss_trend_slope.
 */
Datum
jss_agg_accum(PG_FUNCTION_ARGS)
{
	JssState   *s;
	int64		o,
				w;
	TimestampTz ended_at;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	o = JssOutcomeArg(fcinfo, 1);
	ended_at = JssTimeArg(fcinfo, 2, "ended_at");
	w = JssWeightArg(fcinfo, 3);
	s = WritableState(fcinfo);
	if (!StateAddDatedRow(s, w, o, ended_at))
		JssReportTooManyContracts();
	PG_RETURN_JSS_STATE_P(s);
}

/*
 * jss_state_combine(state, state): merge the second state into the first.
 * The combine function of every jss aggregate, and the transition of
 * jss_rollup (NULL states are skipped).
 */
Datum
jss_state_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	JssState   *src;
	JssState   *dst;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	src = PG_GETARG_JSS_STATE_P(1);
	JssCheckStateArg(src, "jss_state");

	if (PG_ARGISNULL(0))
	{
		if (!AggCheckCallContext(fcinfo, &aggcontext))
			aggcontext = CurrentMemoryContext;
		PG_RETURN_JSS_STATE_P(JssStateCopy(aggcontext, src));
	}
	dst = WritableState(fcinfo);
	if (!StateMerge(dst, src))
		JssReportTooManyContracts();
	PG_RETURN_JSS_STATE_P(dst);
}

/* jss_state_final(state): final of jss_agg and jss_rollup; empty, not NULL. */
Datum
jss_state_final(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_JSS_STATE_P(JssStateNew(CurrentMemoryContext));
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

/* jss_score_final(state): final of jss_score, the score with the default prior. */
Datum
jss_score_final(PG_FUNCTION_ARGS)
{
	JssState   *s = PG_GETARG_JSS_STATE_P(0);
	double		score;

	if (!StateScore(s, JSS_PRIOR_WEIGHT, JSS_PRIOR_MEAN, JSS_MIN_CONTRACTS, &score))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(score);
}

/* jss_client_weight_final(state): final of jss_client_weight; 1 when empty. */
Datum
jss_client_weight_final(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_FLOAT8(1.0);
	PG_RETURN_FLOAT8(StateClientWeight(PG_GETARG_JSS_STATE_P(0)));
}
