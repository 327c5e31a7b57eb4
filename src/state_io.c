/*-------------------------------------------------------------------------
 *
 * state_io.c
 *	  Text and binary input/output of jss_state (the forms are described in
 *	  state_format.c).
 *
 *-------------------------------------------------------------------------
 */
#include "jss.h"

#include "libpq/pqformat.h"

PG_FUNCTION_INFO_V1(jss_state_in);
PG_FUNCTION_INFO_V1(jss_state_out);
PG_FUNCTION_INFO_V1(jss_state_recv);
PG_FUNCTION_INFO_V1(jss_state_send);

/* jss_state_in(cstring): parse the text form; 22P02 when malformed. */
Datum
jss_state_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	JssState   *s = palloc0(sizeof(JssState));
	const char *problem;

	SET_VARSIZE(s, sizeof(JssState));
	problem = StateParseText(str, s);
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"", "jss_state", str),
				 errdetail("%s", problem)));
	PG_RETURN_JSS_STATE_P(s);
}

/* jss_state_out(jss_state): the text form. */
Datum
jss_state_out(PG_FUNCTION_ARGS)
{
	JssState   *s = PG_GETARG_JSS_STATE_P(0);
	char	   *buf = palloc(JSS_STATE_TEXT_LEN);

	JssCheckStateArg(s, "jss_state");
	StateFormatText(s, buf);
	PG_RETURN_CSTRING(buf);
}

/* jss_state_recv(internal): read the binary form; 22P03 when malformed. */
Datum
jss_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			len = buf->len - buf->cursor;
	const char *bytes = pq_getmsgbytes(buf, len);
	JssState   *s = palloc0(sizeof(JssState));
	const char *problem;

	SET_VARSIZE(s, sizeof(JssState));
	problem = StateDecodeBinary((const unsigned char *) bytes, (size_t) len, s);
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external \"%s\" value", "jss_state"),
				 errdetail("%s", problem)));
	PG_RETURN_JSS_STATE_P(s);
}

/* jss_state_send(jss_state): the binary form. */
Datum
jss_state_send(PG_FUNCTION_ARGS)
{
	JssState   *s = PG_GETARG_JSS_STATE_P(0);
	unsigned char bytes[JSS_STATE_BINARY_LEN];
	StringInfoData buf;

	JssCheckStateArg(s, "jss_state");
	StateEncodeBinary(s, bytes);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) bytes, sizeof(bytes));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
