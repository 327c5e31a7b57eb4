/*-------------------------------------------------------------------------
 *
 * accessors.c
 *	  Functions that read a jss_state: the score with its
 *	  prior, satisfaction ratio, trend slope, counts, first and last end
 *	  times, and the review flag.  All IMMUTABLE STRICT.
 *
 *-------------------------------------------------------------------------
 */
#include "jss.h"

#include "utils/float.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(jss_score);
PG_FUNCTION_INFO_V1(jss_satisfaction_ratio);
PG_FUNCTION_INFO_V1(jss_trend_slope);
PG_FUNCTION_INFO_V1(jss_contracts);
PG_FUNCTION_INFO_V1(jss_first_ended);
PG_FUNCTION_INFO_V1(jss_last_ended);
PG_FUNCTION_INFO_V1(jss_needs_review);

/* The checked jss_state argument 0. */
JssState *
JssStateArg(FunctionCallInfo fcinfo)
{
	JssState   *s = PG_GETARG_JSS_STATE_P(0);

	JssCheckStateArg(s, "state");
	return s;
}

/*
 * Check the accessors' prior: prior_weight K >= 0 and finite, prior_mean m
 * in [0, 1], min_contracts >= 1; 22023 otherwise.
 */
void
JssCheckPriorArgs(double prior_weight, double prior_mean, int32 min_contracts)
{
	if (!(prior_weight >= 0.0 && prior_weight < get_float8_infinity()))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("prior_weight must be a finite number greater than or equal to 0, got %s",
						JssFloat8Text(prior_weight))));
	if (!(prior_mean >= 0.0 && prior_mean <= 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("prior_mean must be between 0 and 1, got %s",
						JssFloat8Text(prior_mean))));
	if (min_contracts < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("min_contracts must be at least 1, got %d", min_contracts)));
}

/*
 * jss_score(state, prior_weight, prior_mean, min_contracts): the score with
 * K, m and the minimum history given; 22023 for K < 0, m outside [0, 1] or
 * a minimum below 1.
 */
Datum
jss_score(PG_FUNCTION_ARGS)
{
	JssState   *s = JssStateArg(fcinfo);
	float8		prior_weight = PG_GETARG_FLOAT8(1);
	float8		prior_mean = PG_GETARG_FLOAT8(2);
	int32		min_contracts = PG_GETARG_INT32(3);
	double		score;

	JssCheckPriorArgs(prior_weight, prior_mean, min_contracts);
	if (!StateScore(s, prior_weight, prior_mean, min_contracts, &score))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(score);
}

/* jss_satisfaction_ratio(state): S / (S + D); also the aggregate's final. */
Datum
jss_satisfaction_ratio(PG_FUNCTION_ARGS)
{
	double		ratio;

	if (!StateSatisfactionRatio(JssStateArg(fcinfo), &ratio))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(ratio);
}

/* jss_trend_slope(state): points per quarter; also the aggregate's final. */
Datum
jss_trend_slope(PG_FUNCTION_ARGS)
{
	double		slope;

	if (!StateTrendSlope(JssStateArg(fcinfo), &slope))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(slope);
}

/* jss_contracts(state): n, the number of rows counted. */
Datum
jss_contracts(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(JssStateArg(fcinfo)->contracts);
}

/* jss_first_ended(state): the earliest ended_at; NULL when none. */
Datum
jss_first_ended(PG_FUNCTION_ARGS)
{
	JssState   *s = JssStateArg(fcinfo);

	if (s->dated == 0)
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(s->first_ended);
}

/* jss_last_ended(state): the latest ended_at; NULL when none. */
Datum
jss_last_ended(PG_FUNCTION_ARGS)
{
	JssState   *s = JssStateArg(fcinfo);

	if (s->dated == 0)
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(s->last_ended);
}

/* jss_needs_review(state): score below 70, or a significant fall. */
Datum
jss_needs_review(PG_FUNCTION_ARGS)
{
	int			review = StateNeedsReview(JssStateArg(fcinfo));

	if (review < 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(review > 0);
}
