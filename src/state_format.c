/*-------------------------------------------------------------------------
 *
 * state_format.c
 *	  The external forms of a jss_state, in plain C: text and binary.
 *
 * Text form, version 1 (one line, fields in this order, one space apart):
 *
 *	 v1 n=3 neutral=1 dated=3 first=2026-01-01T00:00:00Z
 *	 last=2026-03-02T00:00:00Z w=12884901888 w_pos=4294967296 ...
 *
 * "v1" is the format version.  n, neutral and dated are row counts; first
 * and last are the earliest and latest ended_at in UTC (ISO 8601, with
 * ".ffffff" only when there are microseconds, astronomical years so that
 * 1 BC is 0000), or "none" when no row was dated.  Every sum is printed as
 * the exact integer it is stored as, in the units of state.h: w, w_pos,
 * w_neg, wx and wxx in 2^-32, wo_pos, wo_neg and wxo in 2^-64, woo in
 * 2^-96.  Parsing is strict (exact keys and order) and cheap: no locale, no
 * time zone, no backend call.
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
#include <string.h>

#include "state.h"

/* Days from 2000-01-01 to 1970-01-01's day count origin, and back. */
#define UNIX_DAYS_AT_2000	10957

/*
 * Proleptic Gregorian calendar conversions (the calendar PostgreSQL uses),
 * after Howard Hinnant's days_from_civil / civil_from_days: the year is
 * shifted to start in March so that the leap day is the last of the year,
 * and counted in 400-year eras of 146097 days.
 */
static int64_t
DaysFromCivil(int64_t y, int m, int d)
{
	int64_t		era,
				yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468 - UNIX_DAYS_AT_2000;
}

static void
CivilFromDays(int64_t days, int64_t *y, int *m, int *d)
{
	int64_t		z = days + UNIX_DAYS_AT_2000 + 719468;
	int64_t		era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t		doe = z - era * 146097;
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t		mp = (5 * doy + 2) / 153;

	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* Append the decimal digits of v, at least width of them. */
static char *
PutUnsigned(char *p, uint64_t v, int width)
{
	char		tmp[24];
	int			n = 0;

	do
	{
		tmp[n++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v != 0 || n < width);
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

static char *
PutString(char *p, const char *s)
{
	size_t		len = strlen(s);

	memcpy(p, s, len);
	return p + len;
}

/* Append a finite TimestampTz as 2026-01-01T00:00:00[.ffffff]Z. */
static char *
PutTimestamp(char *p, int64_t ts)
{
	int64_t		days = JssDayNumber(ts);
	int64_t		usec_of_day = ts - days * JSS_USECS_PER_DAY;
	int64_t		secs = usec_of_day / 1000000;
	int64_t		year;
	int			month,
				day;

	CivilFromDays(days, &year, &month, &day);
	if (year < 0)
		*p++ = '-';
	p = PutUnsigned(p, (uint64_t) (year < 0 ? -year : year), 4);
	*p++ = '-';
	p = PutUnsigned(p, (uint64_t) month, 2);
	*p++ = '-';
	p = PutUnsigned(p, (uint64_t) day, 2);
	*p++ = 'T';
	p = PutUnsigned(p, (uint64_t) (secs / 3600), 2);
	*p++ = ':';
	p = PutUnsigned(p, (uint64_t) (secs / 60 % 60), 2);
	*p++ = ':';
	p = PutUnsigned(p, (uint64_t) (secs % 60), 2);
	if (usec_of_day % 1000000 != 0)
	{
		*p++ = '.';
		p = PutUnsigned(p, (uint64_t) (usec_of_day % 1000000), 6);
	}
	*p++ = 'Z';
	return p;
}

static char *
PutInt192(char *p, const Int192 *v)
{
	return p + Int192ToDecimal(v, p);
}

static char *
PutInt128(char *p, __int128 v)
{
	Int192		wide = Int192FromInt128(v);

	return PutInt192(p, &wide);
}

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
	p = PutString(p, " first=");
	p = s->dated > 0 ? PutTimestamp(p, s->first_ended) : PutString(p, "none");
	p = PutString(p, " last=");
	p = s->dated > 0 ? PutTimestamp(p, s->last_ended) : PutString(p, "none");
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
	*p = '\0';
	return (int) (p - buf);
}

/* Text parser: a cursor and the first problem found. */
typedef struct TextCursor
{
	const char *p;
	const char *error;
} TextCursor;

static bool
IsBlank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Consume the literal s, or record an error. */
static bool
Expect(TextCursor *c, const char *s, const char *error)
{
	size_t		len = strlen(s);

	if (c->error)
		return false;
	if (strncmp(c->p, s, len) != 0)
	{
		c->error = error;
		return false;
	}
	c->p += len;
	return true;
}

/* Read exactly ndigits digits (at least min_digits, at most max_digits). */
static bool
ReadDigits(TextCursor *c, int min_digits, int max_digits, int64_t *v)
{
	int			n = 0;
	int64_t		r = 0;

	while (n < max_digits && c->p[n] >= '0' && c->p[n] <= '9')
	{
		r = r * 10 + (c->p[n] - '0');
		n++;
	}
	if (n < min_digits || (c->p[n] >= '0' && c->p[n] <= '9'))
		return false;
	c->p += n;
	*v = r;
	return true;
}

/* A non-negative count such as "n=3", at most JSS_MAX_CONTRACTS. */
static void
ReadCount(TextCursor *c, const char *key, int64_t *v)
{
	if (!Expect(c, key, "A field is missing or out of order."))
		return;
	if (!ReadDigits(c, 1, 13, v) || *v > JSS_MAX_CONTRACTS)
		c->error = "A count is not an integer between 0 and 2^40.";
}

static void
ReadInt192(TextCursor *c, const char *key, Int192 *v)
{
	const char *end;

	if (!Expect(c, key, "A field is missing or out of order."))
		return;
	end = Int192FromDecimal(c->p, v);
	if (end == NULL)
		c->error = "A sum is not an integer or is out of range.";
	else
		c->p = end;
}

static void
ReadInt128(TextCursor *c, const char *key, JssInt128 *v)
{
	Int192		wide;
	__int128	narrow = 0;

	ReadInt192(c, key, &wide);
	if (c->error)
		return;
	if (!Int192ToInt128(&wide, &narrow))
		c->error = "A sum is not an integer or is out of range.";
	*v = narrow;
}

/*
 * A timestamp written by PutTimestamp, or "none" (sets *present = false).
 * Year: an optional '-' and 4 to 6 digits; the value must lie in
 * PostgreSQL's finite timestamptz range.
 */
static void
ReadTimestamp(TextCursor *c, const char *key, int64_t *ts, bool *present)
{
	static const char *bad = "A time is not of the form 2026-01-31T12:00:00Z in PostgreSQL's range.";
	static const int month_days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool		negative = false;
	int64_t		year,
				month,
				day,
				hour,
				minute,
				second,
				usec = 0;
	__int128	value;

	if (!Expect(c, key, "A field is missing or out of order."))
		return;
	*present = false;
	*ts = 0;
	if (strncmp(c->p, "none", 4) == 0)
	{
		c->p += 4;
		return;
	}
	if (*c->p == '-')
	{
		negative = true;
		c->p++;
	}
	if (!ReadDigits(c, 4, 6, &year) || !Expect(c, "-", bad) ||
		!ReadDigits(c, 2, 2, &month) || !Expect(c, "-", bad) ||
		!ReadDigits(c, 2, 2, &day) || !Expect(c, "T", bad) ||
		!ReadDigits(c, 2, 2, &hour) || !Expect(c, ":", bad) ||
		!ReadDigits(c, 2, 2, &minute) || !Expect(c, ":", bad) ||
		!ReadDigits(c, 2, 2, &second))
	{
		c->error = bad;
		return;
	}
	if (*c->p == '.')
	{
		const char *start = ++c->p;

		if (!ReadDigits(c, 1, 6, &usec))
		{
			c->error = bad;
			return;
		}
		for (ptrdiff_t n = c->p - start; n < 6; n++)
			usec *= 10;
	}
	if (!Expect(c, "Z", bad))
		return;
	if (negative)
		year = -year;

	if (month < 1 || month > 12 || day < 1 || day > month_days[month - 1] ||
		(month == 2 && day == 29 &&
		 !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) ||
		hour > 23 || minute > 59 || second > 59)
	{
		c->error = bad;
		return;
	}
	value = (__int128) DaysFromCivil(year, (int) month, (int) day) * JSS_USECS_PER_DAY
		+ ((hour * 60 + minute) * 60 + second) * 1000000 + usec;
	if (value < JSS_MIN_TIMESTAMP || value >= JSS_END_TIMESTAMP)
	{
		c->error = bad;
		return;
	}
	*ts = (int64_t) value;
	*present = true;
}

/*
 * Parse the text form at str into s (the varlena header is left alone).
 * Returns NULL on success, else a sentence for errdetail.
 */
const char *
StateParseText(const char *str, JssState *s)
{
	TextCursor	c = {str, NULL};
	int64_t		version;
	bool		has_first = false,
				has_last = false;
	const char *problem;

	StateInit(s);
	while (IsBlank(*c.p))
		c.p++;
	if (!Expect(&c, "v", "The text does not start with a format version such as \"v1\"."))
		return c.error;
	if (!ReadDigits(&c, 1, 5, &version))
		return "The text does not start with a format version such as \"v1\".";
	if (version != JSS_STATE_VERSION)
		return "The format version is not one this release reads (v1).";

	ReadCount(&c, " n=", &s->contracts);
	ReadCount(&c, " neutral=", &s->neutral);
	ReadCount(&c, " dated=", &s->dated);
	ReadTimestamp(&c, " first=", &s->first_ended, &has_first);
	ReadTimestamp(&c, " last=", &s->last_ended, &has_last);
	ReadInt128(&c, " w=", &s->sum_w);
	ReadInt128(&c, " w_pos=", &s->sum_w_pos);
	ReadInt128(&c, " w_neg=", &s->sum_w_neg);
	ReadInt128(&c, " wo_pos=", &s->sum_wo_pos);
	ReadInt128(&c, " wo_neg=", &s->sum_wo_neg);
	ReadInt128(&c, " wx=", &s->sum_wx);
	ReadInt192(&c, " wxx=", &s->sum_wxx);
	ReadInt192(&c, " wxo=", &s->sum_wxo);
	ReadInt192(&c, " woo=", &s->sum_woo);
	if (c.error)
		return c.error;

	while (IsBlank(*c.p))
		c.p++;
	if (*c.p != '\0')
		return "There is text after the last field.";
	if (has_first != (s->dated > 0) || has_last != (s->dated > 0))
		return "The first and last times must be given exactly when some contracts are dated.";

	problem = StateCheck(s);
	return problem;
}

static unsigned char *
PutBE64(unsigned char *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--)
		*p++ = (unsigned char) (v >> (8 * i));
	return p;
}

static const unsigned char *
GetBE64(const unsigned char *p, uint64_t *v)
{
	uint64_t	r = 0;

	for (int i = 0; i < 8; i++)
		r = (r << 8) | *p++;
	*v = r;
	return p;
}

static unsigned char *
PutBE128(unsigned char *p, __int128 v)
{
	p = PutBE64(p, (uint64_t) ((unsigned __int128) v >> 64));
	return PutBE64(p, (uint64_t) v);
}

static const unsigned char *
GetBE128(const unsigned char *p, JssInt128 *v)
{
	uint64_t	hi,
				lo;

	p = GetBE64(p, &hi);
	p = GetBE64(p, &lo);
	*v = (__int128) (((unsigned __int128) hi << 64) | lo);
	return p;
}

static unsigned char *
PutBE192(unsigned char *p, const Int192 *v)
{
	for (int i = 2; i >= 0; i--)
		p = PutBE64(p, v->limb[i]);
	return p;
}

static const unsigned char *
GetBE192(const unsigned char *p, Int192 *v)
{
	for (int i = 2; i >= 0; i--)
		p = GetBE64(p, &v->limb[i]);
	return p;
}

/* Write the binary form of s into buf (JSS_STATE_BINARY_LEN bytes). */
void
StateEncodeBinary(const JssState *s, unsigned char *buf)
{
	unsigned char *p = buf;

	*p++ = (unsigned char) (s->version >> 8);
	*p++ = (unsigned char) s->version;
	*p++ = (unsigned char) (s->flags >> 8);
	*p++ = (unsigned char) s->flags;
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
	uint64_t	v;

	StateInit(s);
	if (len < 2)
		return "The data is too short to hold a format version.";
	s->version = (uint16_t) ((buf[0] << 8) | buf[1]);
	if (s->version != JSS_STATE_VERSION)
		return "The format version is not one this release reads (1).";
	if (len != JSS_STATE_BINARY_LEN)
		return "The data does not have the length of a version 1 state.";
	p += 2;
	s->flags = (uint16_t) ((p[0] << 8) | p[1]);
	p += 2;
	p = GetBE64(p, &v);
	s->contracts = (int64_t) v;
	p = GetBE64(p, &v);
	s->neutral = (int64_t) v;
	p = GetBE64(p, &v);
	s->dated = (int64_t) v;
	p = GetBE64(p, &v);
	s->first_ended = (int64_t) v;
	p = GetBE64(p, &v);
	s->last_ended = (int64_t) v;
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
