/*-------------------------------------------------------------------------
 *
 * codec.c
 *	  Building blocks of the text and binary forms of jss's state types,
 *	  in plain C (no locale, no time zone, no backend call).
 *
 * Text: unsigned counts in decimal; integer sums in signed decimal; times
 * as UTC ISO 8601, 2026-01-31T12:00:00Z, with ".ffffff" only when there
 * are microseconds and an astronomical year of at least 4 digits (1 BC is
 * 0000, 2 BC is -0001), or "none".  Readers are strict: exact keys, in
 * order, one space apart.
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "calendar.h"
#include "codec.h"
#include "state.h"

static const char *const missing_field = "A field is missing or out of order.";

/* Append the decimal digits of v, at least min_digits of them. */
char *
PutUnsigned(char *p, uint64_t v, int min_digits)
{
	char		tmp[24];
	int			n = 0;

	do
	{
		tmp[n++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v != 0 || n < min_digits);
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

/* Append a NUL-terminated string (without its NUL). */
char *
PutString(char *p, const char *s)
{
	size_t		len = strlen(s);

	memcpy(p, s, len);
	return p + len;
}

/* Append a finite timestamp as 2026-01-01T00:00:00[.ffffff]Z. */
char *
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

/* Append a timestamp, or "none" when it is absent. */
char *
PutOptionalTimestamp(char *p, bool present, int64_t ts)
{
	return present ? PutTimestamp(p, ts) : PutString(p, "none");
}

char *
PutInt192(char *p, const Int192 *v)
{
	return p + Int192ToDecimal(v, p);
}

char *
PutInt128(char *p, JssInt128 v)
{
	Int192		wide = Int192FromInt128(v);

	return PutInt192(p, &wide);
}

static bool
IsBlank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool
IsDigit(char c)
{
	return c >= '0' && c <= '9';
}

/* Consume the literal s, or record error. */
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

/*
 * Read an unsigned decimal of min_digits to max_digits digits (followed by
 * a non-digit); max_digits <= 18 keeps it inside int64.
 */
static bool
ReadDigits(TextCursor *c, int min_digits, int max_digits, int64_t *v)
{
	int			n = 0;
	int64_t		r = 0;

	while (n < max_digits && IsDigit(c->p[n]))
	{
		r = r * 10 + (c->p[n] - '0');
		n++;
	}
	if (n < min_digits || IsDigit(c->p[n]))
		return false;
	c->p += n;
	*v = r;
	return true;
}

/* Leading blanks and the format version, "v1". */
void
ReadVersion(TextCursor *c, int64_t *version)
{
	static const char *const bad = "The text does not start with a format version such as \"v1\".";

	while (IsBlank(*c->p))
		c->p++;
	if (Expect(c, "v", bad) && !ReadDigits(c, 1, 5, version))
		c->error = bad;
}

/* A count such as " n=3": 0 to JSS_MAX_CONTRACTS. */
void
ReadCount(TextCursor *c, const char *key, int64_t *v)
{
	if (!Expect(c, key, missing_field))
		return;
	if (!ReadDigits(c, 1, 13, v) || *v > JSS_MAX_CONTRACTS)
		c->error = "A count is not an integer between 0 and 2^40.";
}

/* A signed integer that fits 192 bits. */
void
ReadInt192(TextCursor *c, const char *key, Int192 *v)
{
	const char *end;

	if (!Expect(c, key, missing_field))
		return;
	end = Int192FromDecimal(c->p, v);
	if (end == NULL)
		c->error = "A sum is not an integer or is out of range.";
	else
		c->p = end;
}

/* A signed integer that fits 128 bits. */
void
ReadInt128(TextCursor *c, const char *key, JssInt128 *v)
{
	Int192		wide;
	JssInt128	narrow = Int128FromInt64(0);

	ReadInt192(c, key, &wide);
	if (!c->error && !Int192ToInt128(&wide, &narrow))
		c->error = "A sum is not an integer or is out of range.";
	*v = narrow;
}

/*
 * A time written by PutOptionalTimestamp: "none" (absent), or a UTC time
 * in PostgreSQL's finite timestamptz range.
 */
void
ReadOptionalTimestamp(TextCursor *c, const char *key, bool *present, int64_t *ts)
{
	static const char *const bad =
		"A time is not of the form 2026-01-31T12:00:00Z in PostgreSQL's range.";
	bool		negative;
	int64_t		year,
				month,
				day,
				hour,
				minute,
				second,
				usec = 0;
	JssInt128	value;			/* a 6-digit year times a day's usecs passes int64 */

	*present = false;
	*ts = 0;
	if (!Expect(c, key, missing_field))
		return;
	if (strncmp(c->p, "none", 4) == 0)
	{
		c->p += 4;
		return;
	}
	negative = (*c->p == '-');
	if (negative)
		c->p++;
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

	if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, (int) month) ||
		hour > 23 || minute > 59 || second > 59)
	{
		c->error = bad;
		return;
	}
	value = Int128Add(Int128Mul64(DaysFromCivil(year, (int) month, (int) day), JSS_USECS_PER_DAY),
					  Int128FromInt64(((hour * 60 + minute) * 60 + second) * 1000000 + usec));
	if (Int128Cmp(value, Int128FromInt64(JSS_MIN_TIMESTAMP)) < 0 ||
		Int128Cmp(value, Int128FromInt64(JSS_END_TIMESTAMP)) >= 0)
	{
		c->error = bad;
		return;
	}
	*ts = (int64_t) Int128Lo(value);
	*present = true;
}

/* Trailing blanks, then the end of the string. */
void
ReadEnd(TextCursor *c)
{
	if (c->error)
		return;
	while (IsBlank(*c->p))
		c->p++;
	if (*c->p != '\0')
		c->error = "There is text after the last field.";
}

unsigned char *
PutBE16(unsigned char *p, uint16_t v)
{
	*p++ = (unsigned char) (v >> 8);
	*p++ = (unsigned char) v;
	return p;
}

unsigned char *
PutBE64(unsigned char *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--)
		*p++ = (unsigned char) (v >> (8 * i));
	return p;
}

unsigned char *
PutBE128(unsigned char *p, JssInt128 v)
{
	p = PutBE64(p, (uint64_t) Int128Hi(v));
	return PutBE64(p, Int128Lo(v));
}

unsigned char *
PutBE192(unsigned char *p, const Int192 *v)
{
	for (int i = 2; i >= 0; i--)
		p = PutBE64(p, v->limb[i]);
	return p;
}

const unsigned char *
GetBE16(const unsigned char *p, uint16_t *v)
{
	*v = (uint16_t) ((p[0] << 8) | p[1]);
	return p + 2;
}

static const unsigned char *
GetBE64Unsigned(const unsigned char *p, uint64_t *v)
{
	uint64_t	r = 0;

	for (int i = 0; i < 8; i++)
		r = (r << 8) | *p++;
	*v = r;
	return p;
}

const unsigned char *
GetBE64(const unsigned char *p, int64_t *v)
{
	uint64_t	u;

	p = GetBE64Unsigned(p, &u);
	*v = (int64_t) u;
	return p;
}

const unsigned char *
GetBE128(const unsigned char *p, JssInt128 *v)
{
	uint64_t	hi,
				lo;

	p = GetBE64Unsigned(p, &hi);
	p = GetBE64Unsigned(p, &lo);
	*v = Int128FromParts((int64_t) hi, lo);
	return p;
}

const unsigned char *
GetBE192(const unsigned char *p, Int192 *v)
{
	for (int i = 2; i >= 0; i--)
		p = GetBE64Unsigned(p, &v->limb[i]);
	return p;
}
