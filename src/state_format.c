/*-------------------------------------------------------------------------
 *
 * state_format.c
 *	  The external forms of a jss_state, in plain C: text and binary.
 *
 * Text form, version 1 (one line, fields in this order, one space apart):
 *
 *	 v1 n=3 neutral=1 dated=3 w=12884901888 w_pos=4294967296 ... woo=...
 *	 first=2026-01-01T00:00:00Z last=2026-03-02T00:00:00Z
 *
 * "v1" is the format version.  n, neutral and dated are row counts.  Every
 * sum is printed as the exact integer it is stored as, in the units of
 * state.h: w, w_pos, w_neg, wx and wxx in 2^-32, wo_pos, wo_neg and wxo in
 * 2^-64, woo in 2^-96.  first and last are the earliest and latest
 * ended_at in UTC, or "none" when no row was dated (see codec.c for the
 * time syntax).  The times come last because each ends with a letter ("Z"
 * or "none"): no proper prefix of a state's text is a valid text, so text
 * cut short is always refused, never read as a smaller number.
 *
 * Binary form, version 1: network byte order, uint16 version, uint16
 * flags, then each field of JssState in declaration order, int64 as 8
 * bytes, int128 as 16 and Int192 as 24, most significant byte first.
 *
 * Both readers run StateCheck() on what they read: a state from outside is
 * either one that rows could have produced, or an error.
 *
 *-------------------------------------------------------------------------
 */
#include "codec.h"
#include "state.h"

/* Write the text form of s into buf (JSS_STATE_TEXT_LEN bytes); return its length. */
int
StateFormatText(const JssState *s, char *buf)
{
	char	   *p = buf;

	p = PutString(p, "v");
	p = PutUnsigned(p, s->version, 1);
	p = PutString(p, " n=");
	p = PutUnsigned(p, (uint64_t) s->contracts, 1);
	p = PutString(p, " neutral=");
	p = PutUnsigned(p, (uint64_t) s->neutral, 1);
	p = PutString(p, " dated=");
	p = PutUnsigned(p, (uint64_t) s->dated, 1);
	p = PutString(p, " w=");
	p = PutInt128(p, s->sum_w);
	p = PutString(p, " w_pos=");
	p = PutInt128(p, s->sum_w_pos);
	p = PutString(p, " w_neg=");
	p = PutInt128(p, s->sum_w_neg);
	p = PutString(p, " wo_pos=");
	p = PutInt128(p, s->sum_wo_pos);
	p = PutString(p, " wo_neg=");
	p = PutInt128(p, s->sum_wo_neg);
	p = PutString(p, " wx=");
	p = PutInt128(p, s->sum_wx);
	p = PutString(p, " wxx=");
	p = PutInt192(p, &s->sum_wxx);
	p = PutString(p, " wxo=");
	p = PutInt192(p, &s->sum_wxo);
	p = PutString(p, " woo=");
	p = PutInt192(p, &s->sum_woo);
	p = PutString(p, " first=");
	p = PutOptionalTimestamp(p, s->dated > 0, s->first_ended);
	p = PutString(p, " last=");
	p = PutOptionalTimestamp(p, s->dated > 0, s->last_ended);
	*p = '\0';
	return (int) (p - buf);
}

/*
 * Parse the text form at str into s (the varlena header is left alone).
 * Returns NULL on success, else a sentence for errdetail.
 */
const char *
StateParseText(const char *str, JssState *s)
{
	TextCursor	c = {str, NULL};
	int64_t		version = 0;
	bool		has_first,
				has_last;

	StateInit(s);
	ReadVersion(&c, &version);
	if (c.error)
		return c.error;
	if (version != JSS_STATE_VERSION)
		return "The format version is not one this release reads (v1).";

	ReadCount(&c, " n=", &s->contracts);
	ReadCount(&c, " neutral=", &s->neutral);
	ReadCount(&c, " dated=", &s->dated);
	ReadInt128(&c, " w=", &s->sum_w);
	ReadInt128(&c, " w_pos=", &s->sum_w_pos);
	ReadInt128(&c, " w_neg=", &s->sum_w_neg);
	ReadInt128(&c, " wo_pos=", &s->sum_wo_pos);
	ReadInt128(&c, " wo_neg=", &s->sum_wo_neg);
	ReadInt128(&c, " wx=", &s->sum_wx);
	ReadInt192(&c, " wxx=", &s->sum_wxx);
	ReadInt192(&c, " wxo=", &s->sum_wxo);
	ReadInt192(&c, " woo=", &s->sum_woo);
	ReadOptionalTimestamp(&c, " first=", &has_first, &s->first_ended);
	ReadOptionalTimestamp(&c, " last=", &has_last, &s->last_ended);
	ReadEnd(&c);
	if (c.error)
		return c.error;
	if (has_first != (s->dated > 0) || has_last != (s->dated > 0))
		return "The first and last times must be given exactly when some contracts are dated.";
	return StateCheck(s);
}

/* Write the binary form of s into buf (JSS_STATE_BINARY_LEN bytes). */
void
StateEncodeBinary(const JssState *s, unsigned char *buf)
{
	unsigned char *p = buf;

	p = PutBE16(p, s->version);
	p = PutBE16(p, s->flags);
	p = PutBE64(p, (uint64_t) s->contracts);
	p = PutBE64(p, (uint64_t) s->neutral);
	p = PutBE64(p, (uint64_t) s->dated);
	p = PutBE64(p, (uint64_t) s->first_ended);
	p = PutBE64(p, (uint64_t) s->last_ended);
	p = PutBE128(p, s->sum_w);
	p = PutBE128(p, s->sum_w_pos);
	p = PutBE128(p, s->sum_w_neg);
	p = PutBE128(p, s->sum_wo_pos);
	p = PutBE128(p, s->sum_wo_neg);
	p = PutBE128(p, s->sum_wx);
	p = PutBE192(p, &s->sum_wxx);
	p = PutBE192(p, &s->sum_wxo);
	(void) PutBE192(p, &s->sum_woo);
}

/*
 * Read the binary form from buf (len bytes) into s (the varlena header is
 * left alone).  Returns NULL on success, else a sentence for errdetail.
 */
const char *
StateDecodeBinary(const unsigned char *buf, size_t len, JssState *s)
{
	const unsigned char *p = buf;

	StateInit(s);
	if (len < 2)
		return "The data is too short to hold a format version.";
	p = GetBE16(p, &s->version);
	if (s->version != JSS_STATE_VERSION)
		return "The format version is not one this release reads (1).";
	if (len != JSS_STATE_BINARY_LEN)
		return "The data does not have the length of a version 1 state.";
	p = GetBE16(p, &s->flags);
	p = GetBE64(p, &s->contracts);
	p = GetBE64(p, &s->neutral);
	p = GetBE64(p, &s->dated);
	p = GetBE64(p, &s->first_ended);
	p = GetBE64(p, &s->last_ended);
	p = GetBE128(p, &s->sum_w);
	p = GetBE128(p, &s->sum_w_pos);
	p = GetBE128(p, &s->sum_w_neg);
	p = GetBE128(p, &s->sum_wo_pos);
	p = GetBE128(p, &s->sum_wo_neg);
	p = GetBE128(p, &s->sum_wx);
	p = GetBE192(p, &s->sum_wxx);
	p = GetBE192(p, &s->sum_wxo);
	(void) GetBE192(p, &s->sum_woo);
	return StateCheck(s);
}
