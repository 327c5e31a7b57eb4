/*-------------------------------------------------------------------------
 *
 * band.c
 *	  jss_band(score): the band of a score, a value of the extension's enum
 *	  type jss_band.
 *
 *-------------------------------------------------------------------------
 */
#include "jss.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"

PG_FUNCTION_INFO_V1(jss_band);
PG_FUNCTION_INFO_V1(jss_band_text);

/* Band labels, lowest first, as declared by CREATE TYPE jss_band. */
static const char *const band_labels[] = {"at risk", "fair", "good", "excellent"};

#define NUM_BANDS lengthof(band_labels)

/*
 * The enum values of the labels, looked up once per call site through the
 * function's own return type (so the schema the extension is installed in
 * does not matter) and kept in fn_extra.
 */
static Datum *
BandValues(FunctionCallInfo fcinfo)
{
	Datum	   *values = (Datum *) fcinfo->flinfo->fn_extra;

	if (values == NULL)
	{
		Oid			band_type = get_func_rettype(fcinfo->flinfo->fn_oid);

		values = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, NUM_BANDS * sizeof(Datum));
		for (int i = 0; i < (int) NUM_BANDS; i++)
			values[i] = DirectFunctionCall2(enum_in,
											CStringGetDatum(band_labels[i]),
											ObjectIdGetDatum(band_type));
		fcinfo->flinfo->fn_extra = values;
	}
	return values;
}

/* The band of a score: 22003 for a score outside [0, 100] or NaN. */
static Datum
BandOf(FunctionCallInfo fcinfo, float8 score)
{
	Datum	   *values = BandValues(fcinfo);

	if (!(score >= 0.0 && score <= 100.0))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("score must be between 0 and 100, got %s", JssFloat8Text(score))));

	if (score >= 90)
		return values[3];
	if (score >= 80)
		return values[2];
	if (score >= 70)
		return values[1];
	return values[0];
}

/*
 * jss_band(score): >= 90 excellent, >= 80 good, >= 70 fair, else at risk;
 * 22003 for a score outside [0, 100] or NaN.  STRICT: NULL gives NULL.
 */
Datum
jss_band(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(BandOf(fcinfo, PG_GETARG_FLOAT8(0)));
}

/*
 * jss_band(score text): the band of a score written as a number in text,
 * as jsonb's ->> gives it (jss_band(jss_explain(s) ->> 'score')).  Without
 * it, PostgreSQL would read jss_band(text) as a cast and the number as an
 * enum label.  22P02 when the text is not a number; a label is cast with
 * 'good'::jss_band instead.
 */
Datum
jss_band_text(PG_FUNCTION_ARGS)
{
	char	   *str = text_to_cstring(PG_GETARG_TEXT_PP(0));
	const char *start = str;
	char	   *end;
	double		score;

	while (*start == ' ')
		start++;
	errno = 0;
	score = strtod(start, &end);
	while (*end == ' ')
		end++;
	if (end == start || *end != '\0' || errno == ERANGE || !isfinite(score))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("score must be a number between 0 and 100, got \"%s\"", str),
				 errhint("To read a band label, cast it: '%s'::jss_band.", "good")));
	PG_RETURN_DATUM(BandOf(fcinfo, score));
}
