/*-------------------------------------------------------------------------
 *
 * jss.c
 *	  Module magic and the helpers every SQL-callable file of jss shares:
 *	  allocating states, checking aggregate arguments, reporting errors.
 *
 *-------------------------------------------------------------------------
 */
#include "jss.h"

#include "common/shortest_dec.h"
#include "libpq/pqformat.h"
#include "utils/float.h"
#include "utils/timestamp.h"

PG_MODULE_MAGIC;

StaticAssertDecl(sizeof(JssState) == 4 + 2 + 2 + 5 * 8 + 6 * 16 + 3 * 24,
				 "JssState must have no implicit padding");

/* A new empty state in the given memory context. */
JssState *
JssStateNew(MemoryContext context)
{
	JssState   *s = MemoryContextAllocZero(context, sizeof(JssState));

	SET_VARSIZE(s, sizeof(JssState));
	StateInit(s);
	return s;
}

/* A copy of src in the given memory context. */
JssState *
JssStateCopy(MemoryContext context, const JssState *src)
{
	JssState   *s = MemoryContextAlloc(context, sizeof(JssState));

	memcpy(s, src, sizeof(JssState));
	return s;
}

/*
 * Refuse a state argument of another size or format version, or with a
 * field past the bounds rows can reach (StateCheckBounds: cheap, so that
 * rolling up a million stored states does not pay for more).  A jss_state
 * value can only be made by jss itself or by its input functions, which
 * also check that the sums agree with each other (StateCheck); this guards
 * the arithmetic against stored bytes from elsewhere.
 */
void
JssCheckStateArg(const JssState *s, const char *argname)
{
	const char *problem;

	if (VARSIZE_ANY(s) != sizeof(JssState))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("%s is not a valid jss_state: it has %zu bytes, expected %zu",
						argname, (size_t) VARSIZE_ANY(s), sizeof(JssState))));
	problem = StateCheckBounds(s);
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("%s is not a valid jss_state", argname),
				 errdetail("%s", problem)));
}

/* ERROR 22003 for a state that would pass JSS_MAX_CONTRACTS rows. */
void
JssReportTooManyContracts(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("jss_state cannot hold more than %lld contracts",
					(long long) JSS_MAX_CONTRACTS)));
}

/* The outcome argument, rounded to fixed point; 22003 outside [-1, 1]. */
int64
JssOutcomeArg(FunctionCallInfo fcinfo, int argno)
{
	float8		o = PG_GETARG_FLOAT8(argno);

	if (!(o >= -1.0 && o <= 1.0))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("outcome must be between -1 and 1, got %s", JssFloat8Text(o))));
	return JssToFixed(o);
}

/*
 * The weight argument, rounded to fixed point: 1 when absent or NULL;
 * 22003 when negative, NaN, infinite or above JSS_MAX_WEIGHT.
 */
int64
JssWeightArg(FunctionCallInfo fcinfo, int argno)
{
	float8		w;

	if (argno >= PG_NARGS() || PG_ARGISNULL(argno))
		return JSS_FIXED_ONE;
	w = PG_GETARG_FLOAT8(argno);
	if (!(w >= 0.0 && w <= JSS_MAX_WEIGHT))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("weight must be between 0 and %.0f, got %s",
						JSS_MAX_WEIGHT, JssFloat8Text(w))));
	return JssToFixed(w);
}

/* A time argument (ended_at, as_of); 22008 when it is -infinity or infinity. */
TimestampTz
JssTimeArg(FunctionCallInfo fcinfo, int argno, const char *argname)
{
	TimestampTz ts = PG_GETARG_TIMESTAMPTZ(argno);

	if (TIMESTAMP_NOT_FINITE(ts))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
				 errmsg("%s must be finite, got %s", argname,
						TIMESTAMP_IS_NOBEGIN(ts) ? "-infinity" : "infinity")));
	return ts;
}

/*
 * The shortest text that reads back as v, as float8out prints it at the
 * default extra_float_digits, but whatever that setting is: jss_explain is
 * IMMUTABLE and error messages should not change with the session.
 * NaN and the infinities come out as float8out writes them.
 */
char *
JssFloat8Text(double v)
{
	char	   *text = palloc(DOUBLE_SHORTEST_DECIMAL_LEN);

	double_to_shortest_decimal_buf(v, text);
	return text;
}

/* The rest of a binary input message, for a state type's receive function. */
const unsigned char *
JssReceiveBytes(StringInfo buf, size_t *len)
{
	int			remaining = buf->len - buf->cursor;

	*len = (size_t) remaining;
	return (const unsigned char *) pq_getmsgbytes(buf, remaining);
}

/* A state type's binary output message holding the given bytes. */
bytea *
JssSendBytes(const unsigned char *bytes, size_t len)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) bytes, (int) len);
	return pq_endtypsend(&buf);
}

/* ERROR 22P02 for malformed state text, if problem is set. */
void
JssReportBadText(const char *type_name, const char *str, const char *problem)
{
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", type_name, str),
				 errdetail("%s", problem)));
}

/* ERROR 22P03 for a malformed binary state, if problem is set. */
void
JssReportBadBinary(const char *type_name, const char *problem)
{
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external \"%s\" value", type_name),
				 errdetail("%s", problem)));
}
