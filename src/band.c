/*-------------------------------------------------------------------------
 *
 * band.c
 *	  jss_band(score): the band of a score (SPEC section 7), a value of the
 *	  extension's enum type jss_band.
 *
 *-------------------------------------------------------------------------
 */
#include "jss.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"

PG_FUNCTION_INFO_V1(jss_band);

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

/*
 * jss_band(score): >= 90 excellent, >= 80 good, >= 70 fair, else at risk;
 * 22003 for a score outside [0, 100] or NaN.  STRICT: NULL gives NULL.
 */
Datum
jss_band(PG_FUNCTION_ARGS)
{
	float8		score = PG_GETARG_FLOAT8(0);
	Datum	   *values = BandValues(fcinfo);

	if (!(score >= 0.0 && score <= 100.0))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("score must be between 0 and 100, got %s", JssFloat8Text(score))));

	if (score >= 90)
		PG_RETURN_DATUM(values[3]);
	if (score >= 80)
		PG_RETURN_DATUM(values[2]);
	if (score >= 70)
		PG_RETURN_DATUM(values[1]);
	PG_RETURN_DATUM(values[0]);
}
