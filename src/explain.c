/*-------------------------------------------------------------------------
 *
 * explain.c
 *	  Explaining and improving a score: jss_explain, every number
 *	  behind a state's score as jsonb, and jss_contracts_needed, how many
 *	  perfect contracts would bring the score to a target.
 *
 *-------------------------------------------------------------------------
 */
#include "jss.h"

#include <math.h>

#include "catalog/pg_type_d.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/float.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(jss_explain);
PG_FUNCTION_INFO_V1(jss_contracts_needed);

/* Band labels, as jss_band(score) gives them. */
static const char *
BandLabel(double score)
{
	if (score >= 90)
		return "excellent";
	if (score >= 80)
		return "good";
	if (score >= 70)
		return "fair";
	return "at risk";
}

/* Append "key": and a separating comma when the object has fields already. */
static void
AppendKey(StringInfo buf, const char *key)
{
	if (buf->data[buf->len - 1] != '{')
		appendStringInfoString(buf, ", ");
	escape_json(buf, key);
	appendStringInfoString(buf, ": ");
}

/*
 * A float8 as to_jsonb writes it: the shortest decimal that reads back as
 * the same float8 (so the number has the accessor's value, bit for bit),
 * a string for Infinity and NaN, null when absent.
 */
static void
AppendFloat(StringInfo buf, const char *key, bool present, double v)
{
	AppendKey(buf, key);
	if (!present)
		appendStringInfoString(buf, "null");
	else if (isfinite(v))
		appendStringInfoString(buf, JssFloat8Text(v));
	else
		escape_json(buf, JssFloat8Text(v));
}

static void
AppendInt(StringInfo buf, const char *key, int64 v)
{
	AppendKey(buf, key);
	appendStringInfo(buf, INT64_FORMAT, v);
}

/* A time as to_jsonb writes a timestamptz, in UTC; null when absent. */
static void
AppendTime(StringInfo buf, const char *key, bool present, TimestampTz ts)
{
	char		text[MAXDATELEN + 1];
	const int	utc = 0;

	AppendKey(buf, key);
	if (!present)
	{
		appendStringInfoString(buf, "null");
		return;
	}
	JsonEncodeDateTime(text, TimestampTzGetDatum(ts), TIMESTAMPTZOID, &utc);
	escape_json(buf, text);
}

/*
 * jss_explain(state, prior_weight, prior_mean, min_contracts): every number
 * behind the score, as jsonb.  score, band, satisfaction_ratio, trend_slope
 * and needs_review are what the accessors return for the same arguments
 * (needs_review, like jss_needs_review, uses the default prior);
 * review_reasons says which of its conditions hold.  Times are in UTC, so
 * the result does not depend on the session's TimeZone.
 */
Datum
jss_explain(PG_FUNCTION_ARGS)
{
	JssState   *s = JssStateArg(fcinfo);
	float8		prior_weight = PG_GETARG_FLOAT8(1);
	float8		prior_mean = PG_GETARG_FLOAT8(2);
	int32		min_contracts = PG_GETARG_INT32(3);
	double		score,
				default_score,
				ratio,
				slope,
				t;
	bool		has_score,
				has_ratio,
				has_slope,
				has_t,
				low,
				falling;
	int			review;
	StringInfoData buf;

	JssCheckPriorArgs(prior_weight, prior_mean, min_contracts);
	has_score = StateScore(s, prior_weight, prior_mean, min_contracts, &score);
	has_ratio = StateSatisfactionRatio(s, &ratio);
	has_slope = StateTrendSlope(s, &slope);
	has_t = StateTrendT(s, &t);
	/* the review, like jss_needs_review, is judged with the default prior */
	review = StateNeedsReview(s);
	low = review >= 0 &&
		StateScore(s, JSS_PRIOR_WEIGHT, JSS_PRIOR_MEAN, JSS_MIN_CONTRACTS, &default_score) &&
		default_score < 70;
	falling = review >= 0 && StateTrendFalling(s);

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	AppendInt(&buf, "contracts", s->contracts);
	AppendFloat(&buf, "weight", true, ldexp(Int128ToDouble(s->sum_w), -JSS_FRACTION_BITS));
	AppendFloat(&buf, "net", true,
				ldexp(Int128ToDouble(Int128Sub(s->sum_wo_pos, s->sum_wo_neg)), -2 * JSS_FRACTION_BITS));
	AppendFloat(&buf, "positive", true, ldexp(Int128ToDouble(s->sum_wo_pos), -2 * JSS_FRACTION_BITS));
	AppendFloat(&buf, "negative", true, ldexp(Int128ToDouble(s->sum_wo_neg), -2 * JSS_FRACTION_BITS));
	AppendInt(&buf, "neutral_contracts", s->neutral);
	/* 100 * N / W, both exact integers until the one division */
	AppendFloat(&buf, "raw_score", Int128Sign(s->sum_w) != 0,
				100.0 * ldexp(Int128ToDouble(Int128Sub(s->sum_wo_pos, s->sum_wo_neg)) /
							  Int128ToDouble(s->sum_w),
							  -JSS_FRACTION_BITS));
	AppendKey(&buf, "prior");
	appendStringInfoChar(&buf, '{');
	AppendFloat(&buf, "weight", true, prior_weight);
	AppendFloat(&buf, "mean", true, prior_mean);
	AppendInt(&buf, "min_contracts", min_contracts);
	appendStringInfoChar(&buf, '}');
	AppendFloat(&buf, "score", has_score, score);
	AppendKey(&buf, "band");
	if (has_score)
		escape_json(&buf, BandLabel(score));
	else
		appendStringInfoString(&buf, "null");
	AppendFloat(&buf, "satisfaction_ratio", has_ratio, ratio);
	AppendFloat(&buf, "trend_slope", has_slope, slope);
	AppendFloat(&buf, "trend_t", has_t, t);
	AppendKey(&buf, "needs_review");
	appendStringInfoString(&buf, review < 0 ? "null" : review ? "true" : "false");
	AppendKey(&buf, "review_reasons");
	appendStringInfo(&buf, "[%s%s%s]",
					 low ? "\"score below 70\"" : "",
					 low && falling ? ", " : "",
					 falling ? "\"negative trend\"" : "");
	AppendTime(&buf, "first_ended", s->dated > 0, s->first_ended);
	AppendTime(&buf, "last_ended", s->dated > 0, s->last_ended);
	appendStringInfoChar(&buf, '}');

	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

/*
 * jss_contracts_needed(state, target): how many more contracts of outcome 1
 * and weight 1 bring the default score to target; NULL when no integer
 * count can (target 100 after an imperfect outcome, or more than
 * 2^31 - 1 contracts needed), so that no valid state makes it raise an
 * error in the middle of a report; 22023 for a target outside (0, 100].
 */
Datum
jss_contracts_needed(PG_FUNCTION_ARGS)
{
	JssState   *s = JssStateArg(fcinfo);
	float8		target = PG_GETARG_FLOAT8(1);
	int64		needed;

	if (!(target > 0.0 && target <= 100.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("target must be greater than 0 and at most 100, got %s",
						JssFloat8Text(target))));
	if (!StateContractsNeeded(s, target, PG_INT32_MAX, &needed))
		PG_RETURN_NULL();
	PG_RETURN_INT32((int32) needed);
}
