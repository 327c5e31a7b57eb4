/*-------------------------------------------------------------------------
 *
 * outcome.c
 *	  Per-contract functions: jss_outcome, the net
 *	  performance of one contract, and jss_job_weight, how many jobs a
 *	  contract counts as.
 *
 *-------------------------------------------------------------------------
 */
#include "jss.h"

#include <math.h>

#include "catalog/pg_type_d.h"
#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(jss_outcome);
PG_FUNCTION_INFO_V1(jss_job_weight);

/* Argument positions of jss_outcome, in its SQL declaration order. */
enum
{
	ARG_PUBLIC_RATING,
	ARG_PRIVATE_RATING,
	ARG_COMPLETED,
	ARG_DISPUTED,
	ARG_REFUNDED,
	ARG_COMPLAINTS,
	ARG_MISSED_DEADLINES,
	ARG_RESPONSE_HOURS,
	ARG_LONG_TERM
};

/*
 * A float8 argument, checked to be finite and to lie in [lo, hi] (hi may
 * be infinity: no upper bound); 22003 otherwise.
 */
static double
RangeArg(FunctionCallInfo fcinfo, int argno, const char *name, double lo, double hi)
{
	double		v = PG_GETARG_FLOAT8(argno);

	if (!(v >= lo && v <= hi) || isinf(v))
	{
		if (isinf(hi))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s must be a finite number greater than or equal to %g, got %s",
							name, lo, JssFloat8Text(v))));
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be between %g and %g, got %s",
						name, lo, hi, JssFloat8Text(v))));
	}
	return v;
}

/*
 * Whether each count argument (complaints, missed_deadlines) arrives as
 * bigint rather than integer.  Version 1.1 declares them bigint, so that a
 * count(*) can be passed; 1.0 declared them integer, and a database
 * upgraded from 1.0 keeps the views it stored, whose calls still pass
 * integer values.  So the width is the type of the expression passed
 * (or, where there is none, of the declaration), found once per call site.
 */
typedef struct CountWidths
{
	bool		wide[2];		/* complaints, missed_deadlines */
} CountWidths;

static const CountWidths *
CountArgWidths(FunctionCallInfo fcinfo)
{
	FmgrInfo   *flinfo = fcinfo->flinfo;
	CountWidths *widths = (CountWidths *) flinfo->fn_extra;

	if (widths == NULL)
	{
		Oid		   *declared = NULL;
		int			nargs;

		widths = MemoryContextAlloc(flinfo->fn_mcxt, sizeof(CountWidths));
		for (int i = 0; i < 2; i++)
		{
			Oid			type = get_fn_expr_argtype(flinfo, ARG_COMPLAINTS + i);

			if (!OidIsValid(type))
			{
				if (declared == NULL)
					get_func_signature(flinfo->fn_oid, &declared, &nargs);
				type = declared[ARG_COMPLAINTS + i];
			}
			if (type != INT4OID && type != INT8OID)
				elog(ERROR, "jss_outcome: unexpected type %u for a count argument", type);
			widths->wide[i] = type == INT8OID;
		}
		flinfo->fn_extra = widths;
	}
	return widths;
}

/* A count argument, integer or bigint, checked to be >= 0; 22003 otherwise. */
static int64
CountArg(FunctionCallInfo fcinfo, int argno, const char *name)
{
	int64		k = CountArgWidths(fcinfo)->wide[argno - ARG_COMPLAINTS] ?
		PG_GETARG_INT64(argno) : (int64) PG_GETARG_INT32(argno);

	if (k < 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be greater than or equal to 0, got " INT64_FORMAT, name, k)));
	return k;
}

/*
 * jss_outcome(public_rating, private_rating, completed, disputed, refunded,
 *			   complaints, missed_deadlines, response_hours, long_term)
 *
 *	 outcome = sum(a*v) / sum(a) over the arguments that are signals
 *
 * with (signal when, v, a):
 *	 public_rating r in [1, 5]		not NULL	(r - 3) / 2			1
 *	 private_rating p in [0, 10]	not NULL	(p - 5) / 5			1
 *	 completed						not NULL	true +1, false -1	1
 *	 disputed						true		-1					2
 *	 refunded						true		-1					1
 *	 complaints k >= 0				k > 0		-min(k, 3) / 3		1
 *	 missed_deadlines m >= 0		m > 0		-min(m, 3) / 3		1
 *	 response_hours h >= 0			h > 24		-min((h-24)/24, 1)	1
 *	 long_term						true		+1					1
 *
 * NULL when no argument is a signal.  Not STRICT: a NULL argument is no
 * signal.  The terms are added in the order above, so the result is the
 * same bits on every call.
 */
Datum
jss_outcome(PG_FUNCTION_ARGS)
{
	double		sum = 0.0;
	int			weight = 0;

#define SIGNAL(v, a) do { sum += (a) * (v); weight += (a); } while (0)

	if (!PG_ARGISNULL(ARG_PUBLIC_RATING))
		SIGNAL((RangeArg(fcinfo, ARG_PUBLIC_RATING, "public_rating", 1, 5) - 3) / 2, 1);
	if (!PG_ARGISNULL(ARG_PRIVATE_RATING))
		SIGNAL((RangeArg(fcinfo, ARG_PRIVATE_RATING, "private_rating", 0, 10) - 5) / 5, 1);
	if (!PG_ARGISNULL(ARG_COMPLETED))
		SIGNAL(PG_GETARG_BOOL(ARG_COMPLETED) ? 1.0 : -1.0, 1);
	if (!PG_ARGISNULL(ARG_DISPUTED) && PG_GETARG_BOOL(ARG_DISPUTED))
		SIGNAL(-1.0, 2);
	if (!PG_ARGISNULL(ARG_REFUNDED) && PG_GETARG_BOOL(ARG_REFUNDED))
		SIGNAL(-1.0, 1);
	if (!PG_ARGISNULL(ARG_COMPLAINTS))
	{
		int64		k = CountArg(fcinfo, ARG_COMPLAINTS, "complaints");

		if (k > 0)
			SIGNAL(-(double) Min(k, 3) / 3, 1);
	}
	if (!PG_ARGISNULL(ARG_MISSED_DEADLINES))
	{
		int64		m = CountArg(fcinfo, ARG_MISSED_DEADLINES, "missed_deadlines");

		if (m > 0)
			SIGNAL(-(double) Min(m, 3) / 3, 1);
	}
	if (!PG_ARGISNULL(ARG_RESPONSE_HOURS))
	{
		double		h = RangeArg(fcinfo, ARG_RESPONSE_HOURS, "response_hours",
								 0, get_float8_infinity());

		if (h > 24)
			SIGNAL(-Min((h - 24) / 24, 1.0), 1);
	}
	if (!PG_ARGISNULL(ARG_LONG_TERM) && PG_GETARG_BOOL(ARG_LONG_TERM))
		SIGNAL(1.0, 1);

#undef SIGNAL

	if (weight == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sum / weight);
}

/* Compare a numeric with an integer constant. */
static int
NumericCmpInt(Numeric value, int64 constant)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp,
											 NumericGetDatum(value),
											 NumericGetDatum(int64_to_numeric(constant))));
}

/*
 * The sign of an interval's length and its count of full 90-day periods,
 * as extract(epoch from ...) measures it: a year is 365.25 days, a month 30
 * days, a day 86400 seconds.  In int64 throughout, with the length kept as
 *
 *	 q * U + r,	0 <= r < U,	U = a quarter day in microseconds
 *
 * (the quarter day keeps 365.25 an integer).  The length is negative
 * exactly when q < 0, and otherwise has floor(q / 360) full 90-day periods,
 * since r < U cannot reach the next multiple of 360 U.  No interval can
 * overflow q: |q| < 2^31 * 1461/12 + 2^33 + 2^29.
 */
static bool
IntervalPeriods(const Interval *span, int64 *periods)
{
	const int64 quarter_day = USECS_PER_DAY / 4;
	int64		q = (int64) 1461 * (span->month / MONTHS_PER_YEAR)
		+ (int64) 4 * DAYS_PER_MONTH * (span->month % MONTHS_PER_YEAR)
		+ (int64) 4 * span->day;
	int64		r = span->time % quarter_day;

	q += span->time / quarter_day;
	if (r < 0)
	{
		/* C division truncates: bring the remainder into [0, U) */
		r += quarter_day;
		q -= 1;
	}
	if (q < 0)
		return false;
	*periods = q / 360;
	return true;
}

/*
 * jss_job_weight(earned, paid_length):
 *
 *	 base = 1 if earned <= 250, 1.25 if earned <= 1000, else 1.5
 *	 weight = min(base + floor(days(paid_length) / 90), 8)
 *
 * NULL earned counts as 0, NULL paid_length adds nothing; a negative (or
 * NaN, or infinite) earned and a negative paid_length are 22003, an
 * infinite paid_length (PostgreSQL 17 has them) is 22008, as for an infinite
 * ended_at.  The thresholds compare numerics exactly (250.000001 is above
 * 250) and the 90-day periods count exact microseconds.
 */
Datum
jss_job_weight(PG_FUNCTION_ARGS)
{
	double		weight = 1.0;

	if (!PG_ARGISNULL(0))
	{
		Numeric		earned = PG_GETARG_NUMERIC(0);

		if (numeric_is_nan(earned) || numeric_is_inf(earned) || NumericCmpInt(earned, 0) < 0)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("earned must be a finite number greater than or equal to 0, got %s",
							DatumGetCString(DirectFunctionCall1(numeric_out,
																NumericGetDatum(earned))))));
		if (NumericCmpInt(earned, 1000) > 0)
			weight = 1.5;
		else if (NumericCmpInt(earned, 250) > 0)
			weight = 1.25;
	}

	if (!PG_ARGISNULL(1))
	{
		Interval   *paid_length = PG_GETARG_INTERVAL_P(1);
		int64		periods;

#ifdef INTERVAL_NOT_FINITE
		if (INTERVAL_NOT_FINITE(paid_length))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("paid_length must be finite, got %s",
							DatumGetCString(DirectFunctionCall1(interval_out,
																IntervalPGetDatum(paid_length))))));
#endif
		if (!IntervalPeriods(paid_length, &periods))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("paid_length must not be negative, got %s",
							DatumGetCString(DirectFunctionCall1(interval_out,
																IntervalPGetDatum(paid_length))))));
		weight += (double) Min(periods, 8);
	}

	PG_RETURN_FLOAT8(Min(weight, 8.0));
}
