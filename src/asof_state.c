/*-------------------------------------------------------------------------
 *
 * asof_state.c
 *	  The state of the as-of score: place rows in the 6, 12 and
 *	  24 month windows before as_of, merge states, check states read from
 *	  outside, the best window's score, and the text and binary forms.
 *
 * Plain C, no backend calls.
 *
 * Text form, version 1:
 *
 *	 v1 n6=4 w6=... wo6=... n12=... w12=... wo12=... n24=... w24=... wo24=...
 *	 as_of=2026-11-01T00:00:00Z
 *
 * nM, wM and woM are the count, the weight sum (units 2^-32) and the net
 * sum of w*o (units 2^-64) of the M-month window; as_of is "none" while no
 * row has given one.  as_of comes last, as the times of jss_state do, so
 * that text cut short is always refused.  Binary form, version 1: network byte order,
 * uint16 version, uint16 flags, int64 as_of, then each window's int64
 * count, int128 weight sum and int128 net.
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "asof_state.h"
#include "calendar.h"
#include "codec.h"

const int	jss_asof_months[JSS_ASOF_WINDOWS] = {6, 12, 24};

/* An empty state without as_of. */
void
AsOfInit(JssAsOfState *s)
{
	int32_t		vl_len = s->vl_len_;

	memset(s, 0, sizeof(JssAsOfState));
	s->vl_len_ = vl_len;
	s->version = JSS_ASOF_VERSION;
}

/* Set as_of (finite) and the window starts derived from it. */
void
AsOfSetAsOf(JssAsOfState *s, int64_t as_of)
{
	s->flags |= JSS_ASOF_HAS_AS_OF;
	s->as_of = as_of;
	for (int i = 0; i < JSS_ASOF_WINDOWS; i++)
		s->window_start[i] = TimestampMinusMonths(as_of, jss_asof_months[i]);
}

/*
 * Add one row of rounded weight w and outcome o that ended at ended_at,
 * for the given as_of (all finite).  The row counts in each window with
 * window_start <= ended_at <= as_of; rows after as_of or before the
 * longest window are ignored.
 */
AsOfResult
AsOfAddRow(JssAsOfState *s, int64_t w, int64_t o, int64_t ended_at, int64_t as_of)
{
	if (!(s->flags & JSS_ASOF_HAS_AS_OF))
		AsOfSetAsOf(s, as_of);
	else if (s->as_of != as_of)
		return ASOF_OTHER_AS_OF;

	if (ended_at > as_of || ended_at < s->window_start[JSS_ASOF_WINDOWS - 1])
		return ASOF_OK;
	if (s->window[JSS_ASOF_WINDOWS - 1].contracts >= JSS_MAX_CONTRACTS)
		return ASOF_TOO_MANY;

	for (int i = JSS_ASOF_WINDOWS - 1; i >= 0 && ended_at >= s->window_start[i]; i--)
	{
		s->window[i].contracts++;
		s->window[i].sum_w = Int128Add(s->window[i].sum_w, Int128FromInt64(w));
		s->window[i].sum_wo = Int128Add(s->window[i].sum_wo, Int128Mul64(w, o));
	}
	return ASOF_OK;
}

/* dst += src; both valid. */
AsOfResult
AsOfMerge(JssAsOfState *dst, const JssAsOfState *src)
{
	if (!(src->flags & JSS_ASOF_HAS_AS_OF))
		return ASOF_OK;			/* nothing to add */
	if (!(dst->flags & JSS_ASOF_HAS_AS_OF))
		AsOfSetAsOf(dst, src->as_of);
	else if (dst->as_of != src->as_of)
		return ASOF_OTHER_AS_OF;

	if (src->window[JSS_ASOF_WINDOWS - 1].contracts >
		JSS_MAX_CONTRACTS - dst->window[JSS_ASOF_WINDOWS - 1].contracts)
		return ASOF_TOO_MANY;
	for (int i = 0; i < JSS_ASOF_WINDOWS; i++)
	{
		dst->window[i].contracts += src->window[i].contracts;
		dst->window[i].sum_w = Int128Add(dst->window[i].sum_w, src->window[i].sum_w);
		dst->window[i].sum_wo = Int128Add(dst->window[i].sum_wo, src->window[i].sum_wo);
	}
	return ASOF_OK;
}

/*
 * Check a state from outside: NULL if rows could have produced it within
 * the bounds, else a sentence.  Per window: 0 <= W <= n * 10^6 and
 * |N| <= W * 2^32; the windows nest: n and W grow from the 6 to the 24
 * month window; without as_of everything is zero.
 */
const char *
AsOfCheck(const JssAsOfState *s)
{
	const JssWindowSums *prev = NULL;

	if (s->version != JSS_ASOF_VERSION)
		return "The state has an unsupported format version.";
	if ((s->flags & ~JSS_ASOF_HAS_AS_OF) != 0)
		return "The state has reserved flags set.";
	if (!(s->flags & JSS_ASOF_HAS_AS_OF))
	{
		JssAsOfState empty;

		empty.vl_len_ = s->vl_len_;
		AsOfInit(&empty);
		if (memcmp(&empty, s, sizeof(JssAsOfState)) != 0)
			return "The state has sums or times but no as_of.";
		return NULL;
	}
	if (s->as_of < JSS_MIN_TIMESTAMP || s->as_of >= JSS_END_TIMESTAMP)
		return "as_of is out of range.";
	for (int i = 0; i < JSS_ASOF_WINDOWS; i++)
	{
		const JssWindowSums *win = &s->window[i];
		JssInt128	max_w,
					max_wo;

		if (s->window_start[i] != TimestampMinusMonths(s->as_of, jss_asof_months[i]))
			return "The window starts do not match as_of.";
		if (win->contracts < 0 || win->contracts > JSS_MAX_CONTRACTS)
			return "A window's contract count is out of range.";
		max_w = Int128Mul64(win->contracts, JSS_MAX_WEIGHT_INT * JSS_FIXED_ONE);
		if (Int128Sign(win->sum_w) < 0 || Int128Cmp(win->sum_w, max_w) > 0)
			return "A window's weight sum is inconsistent with its contract count.";
		max_wo = Int128MulInt64(win->sum_w, JSS_FIXED_ONE);
		if (Int128Cmp(win->sum_wo, max_wo) > 0 || Int128Cmp(win->sum_wo, Int128Neg(max_wo)) < 0)
			return "A window's net is inconsistent with its weight sum.";
		if (prev && (win->contracts < prev->contracts || Int128Cmp(win->sum_w, prev->sum_w) < 0))
			return "A longer window holds fewer contracts or less weight than a shorter one.";
		prev = win;
	}
	return NULL;
}

/*
 * The as-of score: the greatest of the windows' scores (jss_score with the
 * default prior; a window with fewer than 2 rows has none); false (NULL)
 * when no window has a score.
 */
bool
AsOfScore(const JssAsOfState *s, double *score)
{
	bool		found = false;

	for (int i = 0; i < JSS_ASOF_WINDOWS; i++)
	{
		double		window_score;

		if (JssScoreFromSums(s->window[i].contracts, s->window[i].sum_w, s->window[i].sum_wo,
							 JSS_PRIOR_WEIGHT, JSS_PRIOR_MEAN, JSS_MIN_CONTRACTS,
							 &window_score) &&
			(!found || window_score > *score))
		{
			*score = window_score;
			found = true;
		}
	}
	return found;
}

/* Window keys of the text form. */
static const char *const count_keys[JSS_ASOF_WINDOWS] = {" n6=", " n12=", " n24="};
static const char *const weight_keys[JSS_ASOF_WINDOWS] = {" w6=", " w12=", " w24="};
static const char *const net_keys[JSS_ASOF_WINDOWS] = {" wo6=", " wo12=", " wo24="};

/* Write the text form into buf (JSS_ASOF_TEXT_LEN bytes); return its length. */
int
AsOfFormatText(const JssAsOfState *s, char *buf)
{
	char	   *p = buf;

	p = PutString(p, "v");
	p = PutUnsigned(p, s->version, 1);
	for (int i = 0; i < JSS_ASOF_WINDOWS; i++)
	{
		p = PutString(p, count_keys[i]);
		p = PutUnsigned(p, (uint64_t) s->window[i].contracts, 1);
		p = PutString(p, weight_keys[i]);
		p = PutInt128(p, s->window[i].sum_w);
		p = PutString(p, net_keys[i]);
		p = PutInt128(p, s->window[i].sum_wo);
	}
	p = PutString(p, " as_of=");
	p = PutOptionalTimestamp(p, (s->flags & JSS_ASOF_HAS_AS_OF) != 0, s->as_of);
	*p = '\0';
	return (int) (p - buf);
}

/* Parse the text form; NULL on success, else a sentence for errdetail. */
const char *
AsOfParseText(const char *str, JssAsOfState *s)
{
	TextCursor	c = {str, NULL};
	int64_t		version = 0;
	int64_t		as_of;
	bool		has_as_of;

	AsOfInit(s);
	ReadVersion(&c, &version);
	if (c.error)
		return c.error;
	if (version != JSS_ASOF_VERSION)
		return "The format version is not one this release reads (v1).";
	for (int i = 0; i < JSS_ASOF_WINDOWS; i++)
	{
		ReadCount(&c, count_keys[i], &s->window[i].contracts);
		ReadInt128(&c, weight_keys[i], &s->window[i].sum_w);
		ReadInt128(&c, net_keys[i], &s->window[i].sum_wo);
	}
	ReadOptionalTimestamp(&c, " as_of=", &has_as_of, &as_of);
	ReadEnd(&c);
	if (c.error)
		return c.error;
	if (has_as_of)
		AsOfSetAsOf(s, as_of);
	return AsOfCheck(s);
}

/* Write the binary form into buf (JSS_ASOF_BINARY_LEN bytes). */
void
AsOfEncodeBinary(const JssAsOfState *s, unsigned char *buf)
{
	unsigned char *p = buf;

	p = PutBE16(p, s->version);
	p = PutBE16(p, s->flags);
	p = PutBE64(p, (uint64_t) s->as_of);
	for (int i = 0; i < JSS_ASOF_WINDOWS; i++)
	{
		p = PutBE64(p, (uint64_t) s->window[i].contracts);
		p = PutBE128(p, s->window[i].sum_w);
		p = PutBE128(p, s->window[i].sum_wo);
	}
}

/* Read the binary form; NULL on success, else a sentence for errdetail. */
const char *
AsOfDecodeBinary(const unsigned char *buf, size_t len, JssAsOfState *s)
{
	const unsigned char *p = buf;
	int64_t		as_of;

	AsOfInit(s);
	if (len < 2)
		return "The data is too short to hold a format version.";
	p = GetBE16(p, &s->version);
	if (s->version != JSS_ASOF_VERSION)
		return "The format version is not one this release reads (1).";
	if (len != JSS_ASOF_BINARY_LEN)
		return "The data does not have the length of a version 1 state.";
	p = GetBE16(p, &s->flags);
	p = GetBE64(p, &as_of);
	for (int i = 0; i < JSS_ASOF_WINDOWS; i++)
	{
		p = GetBE64(p, &s->window[i].contracts);
		p = GetBE128(p, &s->window[i].sum_w);
		p = GetBE128(p, &s->window[i].sum_wo);
	}
	if (s->flags & JSS_ASOF_HAS_AS_OF)
	{
		if (as_of < JSS_MIN_TIMESTAMP || as_of >= JSS_END_TIMESTAMP)
			return "as_of is out of range.";
		AsOfSetAsOf(s, as_of);
	}
	else if (as_of != 0)
		return "The state has sums or times but no as_of.";
	return AsOfCheck(s);
}
