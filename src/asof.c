/*-------------------------------------------------------------------------
 *
 * asof.c
 *	  The as-of score, jss_score(outcome, weight, ended_at,
 *	  as_of): its state type jss_asof_state (text and binary I/O) and its
 *	  transition, combine and final functions.
 *
 *-------------------------------------------------------------------------
 */
#include "jss.h"

#include "asof_state.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(jss_asof_state_in);
PG_FUNCTION_INFO_V1(jss_asof_state_out);
PG_FUNCTION_INFO_V1(jss_asof_state_recv);
PG_FUNCTION_INFO_V1(jss_asof_state_send);
PG_FUNCTION_INFO_V1(jss_asof_accum);
PG_FUNCTION_INFO_V1(jss_asof_combine);
PG_FUNCTION_INFO_V1(jss_asof_final);

#define PG_GETARG_JSS_ASOF_STATE_P(n) ((JssAsOfState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

/* A new empty as-of state in the given memory context. */
JssAsOfState *
JssAsOfStateNew(MemoryContext context)
{
	JssAsOfState *s = MemoryContextAllocZero(context, sizeof(JssAsOfState));

	SET_VARSIZE(s, sizeof(JssAsOfState));
	AsOfInit(s);
	return s;
}

/* Refuse a stored as-of state that rows could not have produced. */
void
JssCheckAsOfStateArg(const JssAsOfState *s)
{
	const char *problem = NULL;

	if (VARSIZE_ANY(s) != sizeof(JssAsOfState))
		problem = "It does not have the size of a jss_asof_state.";
	else
		problem = AsOfCheck(s);
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("state is not a valid jss_asof_state"),
				 errdetail("%s", problem)));
}

/* ERROR for an AsOfResult other than ASOF_OK. */
static void
ReportAsOfResult(AsOfResult result, const JssAsOfState *s, TimestampTz other)
{
	if (result == ASOF_OTHER_AS_OF)
	{
		/* timestamptz_to_str() returns a static buffer: copy the first */
		char	   *group_as_of = pstrdup(timestamptz_to_str(s->as_of));

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("as_of must be the same in every row of a group, got %s and %s",
						group_as_of, timestamptz_to_str(other))));
	}
	if (result == ASOF_TOO_MANY)
		JssReportTooManyContracts();
}

/* jss_asof_state_in(cstring): parse the text form; 22P02 when malformed. */
Datum
jss_asof_state_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	JssAsOfState *s = JssAsOfStateNew(CurrentMemoryContext);

	JssReportBadText("jss_asof_state", str, AsOfParseText(str, s));
	PG_RETURN_POINTER(s);
}

/* jss_asof_state_out(jss_asof_state): the text form. */
Datum
jss_asof_state_out(PG_FUNCTION_ARGS)
{
	JssAsOfState *s = PG_GETARG_JSS_ASOF_STATE_P(0);
	char	   *buf = palloc(JSS_ASOF_TEXT_LEN);

	JssCheckAsOfStateArg(s);
	AsOfFormatText(s, buf);
	PG_RETURN_CSTRING(buf);
}

/* jss_asof_state_recv(internal): read the binary form; 22P03 when malformed. */
Datum
jss_asof_state_recv(PG_FUNCTION_ARGS)
{
	size_t		len;
	const unsigned char *bytes = JssReceiveBytes((StringInfo) PG_GETARG_POINTER(0), &len);
	JssAsOfState *s = JssAsOfStateNew(CurrentMemoryContext);

	JssReportBadBinary("jss_asof_state", AsOfDecodeBinary(bytes, len, s));
	PG_RETURN_POINTER(s);
}

/* jss_asof_state_send(jss_asof_state): the binary form. */
Datum
jss_asof_state_send(PG_FUNCTION_ARGS)
{
	JssAsOfState *s = PG_GETARG_JSS_ASOF_STATE_P(0);
	unsigned char bytes[JSS_ASOF_BINARY_LEN];

	JssCheckAsOfStateArg(s);
	AsOfEncodeBinary(s, bytes);
	PG_RETURN_BYTEA_P(JssSendBytes(bytes, sizeof(bytes)));
}

/*
 * The state argument 0, ready to be changed: in place inside an aggregate,
 * a copy otherwise, a new empty state when it is NULL.
 */
static JssAsOfState *
WritableAsOfState(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;
	JssAsOfState *s;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		aggcontext = NULL;
	if (PG_ARGISNULL(0))
		return JssAsOfStateNew(aggcontext ? aggcontext : CurrentMemoryContext);
	s = PG_GETARG_JSS_ASOF_STATE_P(0);
	if (aggcontext)
		return s;
	JssCheckAsOfStateArg(s);
	return (JssAsOfState *) pg_detoast_datum_copy((struct varlena *) s);
}

/*
 * jss_asof_accum(state, outcome, weight, ended_at, as_of): transition of
 * the as-of score.  A row with a NULL outcome, ended_at or as_of is
 * skipped; a NULL weight counts as 1; an as_of that differs from the
 * group's is 22023.
 */
Datum
jss_asof_accum(PG_FUNCTION_ARGS)
{
	JssAsOfState *s;
	int64		o,
				w;
	TimestampTz ended_at,
				as_of;
	AsOfResult	result;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(3) || PG_ARGISNULL(4))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	o = JssOutcomeArg(fcinfo, 1);
	w = JssWeightArg(fcinfo, 2);
	ended_at = JssTimeArg(fcinfo, 3, "ended_at");
	as_of = JssTimeArg(fcinfo, 4, "as_of");
	s = WritableAsOfState(fcinfo);
	result = AsOfAddRow(s, w, o, ended_at, as_of);
	ReportAsOfResult(result, s, as_of);
	PG_RETURN_POINTER(s);
}

/* jss_asof_combine(state, state): merge; 22023 when their as_of differ. */
Datum
jss_asof_combine(PG_FUNCTION_ARGS)
{
	JssAsOfState *src;
	JssAsOfState *dst;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	src = PG_GETARG_JSS_ASOF_STATE_P(1);
	JssCheckAsOfStateArg(src);
	dst = WritableAsOfState(fcinfo);
	ReportAsOfResult(AsOfMerge(dst, src), dst, src->as_of);
	PG_RETURN_POINTER(dst);
}

/* jss_asof_final(state): the best window's score, NULL when none has one. */
Datum
jss_asof_final(PG_FUNCTION_ARGS)
{
	double		score;

	if (!AsOfScore(PG_GETARG_JSS_ASOF_STATE_P(0), &score))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(score);
}
