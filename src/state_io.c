/*-------------------------------------------------------------------------
 *
 * state_io.c
 *	  Text and binary input/output of jss_state (the forms are described in
 *	  state_format.c).
 *
 *-------------------------------------------------------------------------
 */
#include "jss.h"

#include "lib/stringinfo.h"

PG_FUNCTION_INFO_V1(jss_state_in);
PG_FUNCTION_INFO_V1(jss_state_out);
PG_FUNCTION_INFO_V1(jss_state_recv);
PG_FUNCTION_INFO_V1(jss_state_send);

/* jss_state_in(cstring): parse the text form; 22P02 when malformed. */
Datum
jss_state_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	JssState   *s = JssStateNew(CurrentMemoryContext);

	JssReportBadText("jss_state", str, StateParseText(str, s));
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
	size_t		len;
	const unsigned char *bytes = JssReceiveBytes((StringInfo) PG_GETARG_POINTER(0), &len);
	JssState   *s = JssStateNew(CurrentMemoryContext);

	JssReportBadBinary("jss_state", StateDecodeBinary(bytes, len, s));
	PG_RETURN_JSS_STATE_P(s);
}

/* jss_state_send(jss_state): the binary form. */
Datum
jss_state_send(PG_FUNCTION_ARGS)
{
	JssState   *s = PG_GETARG_JSS_STATE_P(0);
	unsigned char bytes[JSS_STATE_BINARY_LEN];

	JssCheckStateArg(s, "jss_state");
	StateEncodeBinary(s, bytes);
	PG_RETURN_BYTEA_P(JssSendBytes(bytes, sizeof(bytes)));
}
