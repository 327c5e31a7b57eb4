/*-------------------------------------------------------------------------
 *
 * test_format.c
 *	  Unit tests of src/state_format.c: the text form (StateFormatText,
 *	  StateParseText) and the binary form (StateEncodeBinary,
 *	  StateDecodeBinary): exact round trips, the calendar against an
 *	  independent one, strict parsing, and truncated or mutated input that
 *	  must be rejected, or accepted only as a state that passes StateCheck.
 *
 *-------------------------------------------------------------------------
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "unit.h"

#define ONE JSS_FIXED_ONE
#define DAY JSS_USECS_PER_DAY

static const char *const empty_text =
"v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none";

/* ---- helpers ---- */

static void
NewState(JssState *s)
{
	memset(s, 0, sizeof(*s));
	StateInit(s);
}

/* The same state, apart from the varlena header (the caller's to set). */
static bool
SameState(const JssState *a, const JssState *b)
{
	size_t		skip = sizeof(a->vl_len_);

	return memcmp((const char *) a + skip, (const char *) b + skip, sizeof(JssState) - skip) == 0;
}

static int64_t
AnyTimestamp(void)
{
	switch (RandBelow(7))
	{
		case 0:
			return JSS_MIN_TIMESTAMP + (int64_t) RandBelow(400 * DAY);
		case 1:
			return JSS_END_TIMESTAMP - 1 - (int64_t) RandBelow(400 * DAY);
		case 2:
			/* BC years, whole seconds */
			return RandRange(JSS_MIN_TIMESTAMP, -63082281600000000) / 1000000 * 1000000;
		case 3:
			/* whole days */
			return RandRange(JSS_MIN_TIMESTAMP / DAY, JSS_END_TIMESTAMP / DAY - 1) * DAY;
		default:
			return RandRange(JSS_MIN_TIMESTAMP, JSS_END_TIMESTAMP - 1);
	}
}

/* A random state built from random rows (counts and sums of every size). */
static void
RandState(JssState *s)
{
	int			n = (int) RandBelow(40);
	int			dated_share = (int) RandBelow(101);

	NewState(s);
	for (int i = 0; i < n; i++)
	{
		int64_t		w = RandBelow(4) ? JssToFixed(RandUnit() * (RandBelow(2) ? 1e6 : 3)) : ONE;
		int64_t		o = RandBelow(5) == 0 ? 0 : RandBelow(5) == 0 ? (RandBelow(2) ? ONE : -ONE)
			: JssToFixed(RandUnit() * 2 - 1);

		if ((int) RandBelow(100) < dated_share)
			StateAddDatedRow(s, w, o, AnyTimestamp());
		else
			StateAddRow(s, w, o);
	}
	/* sometimes pretend to hold many more rows of the same kind */
	if (RandBelow(4) == 0 && s->contracts > 0)
	{
		ScaleState(s, (int64_t) RandBelow((uint64_t) (JSS_MAX_CONTRACTS / s->contracts)) + 1);
	}
}

/* Format into an exactly JSS_STATE_TEXT_LEN heap buffer (ASan sees overruns). */
static char *
FormatText(const JssState *s, int *len)
{
	char	   *buf = malloc(JSS_STATE_TEXT_LEN);
	int			l;

	if (buf == NULL)
		abort();
	l = StateFormatText(s, buf);
	if (len)
		*len = l;
	return buf;
}

/* Parse a copy of exactly len bytes plus NUL on the heap (ASan sees overreads). */
static const char *
ParseN(const char *text, size_t len, JssState *s)
{
	char	   *copy = malloc(len + 1);
	const char *msg;

	if (copy == NULL)
		abort();
	memcpy(copy, text, len);
	copy[len] = '\0';
	msg = StateParseText(copy, s);
	free(copy);
	return msg;
}

static const char *
Parse(const char *text, JssState *s)
{
	return ParseN(text, strlen(text), s);
}

/* Decode from a heap copy of exactly len bytes. */
static const char *
Decode(const unsigned char *bin, size_t len, JssState *s)
{
	unsigned char *copy = malloc(len ? len : 1);
	const char *msg;

	if (copy == NULL)
		abort();
	memcpy(copy, bin, len);
	msg = StateDecodeBinary(copy, len, s);
	free(copy);
	return msg;
}

/* The text of a one-row state of weight 0 dated ts (valid for any ts). */
static void
OneRowText(const char *ts_text, char *out)
{
	sprintf(out, "v1 n=1 neutral=1 dated=1 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=%s last=%s",
			ts_text, ts_text);
}

/* The value after "key=" in text, up to the next space. */
static void
FieldOf(const char *text, const char *key, char *out)
{
	char		pat[32];
	const char *p;
	size_t		n;

	sprintf(pat, " %s=", key);
	p = strstr(text, pat);
	if (p == NULL)
	{
		strcpy(out, "(missing)");
		return;
	}
	p += strlen(pat);
	n = strcspn(p, " ");
	memcpy(out, p, n);
	out[n] = '\0';
}

/* ---- text ---- */

static void
TestTextBasics(void)
{
	JssState	s,
				t;
	char	   *text;
	char		field[128];

	CheckBegin("text of the empty state");
	NewState(&s);
	text = FormatText(&s, NULL);
	EXPECT(strcmp(text, empty_text) == 0, "got \"%s\"", text);
	EXPECT(Parse(text, &t) == NULL && SameState(&s, &t), "round trip");
	free(text);
	CheckEnd();

	CheckBegin("text of the worked slope example");
	NewState(&s);
	StateAddDatedRow(&s, ONE, -ONE, 9497 * DAY);
	StateAddDatedRow(&s, ONE, 0, 9527 * DAY);
	StateAddDatedRow(&s, ONE, ONE, 9557 * DAY);
	text = FormatText(&s, NULL);
	{
		/* w = 3 * 2^32, w_pos = w_neg = 2^32, wo = 2^64, wx = 2^32 * (9497 + 9527 + 9557) */
		static const char *const head =
			"v1 n=3 neutral=1 dated=3 "
			"w=12884901888 w_pos=4294967296 w_neg=4294967296 wo_pos=18446744073709551616 "
			"wo_neg=18446744073709551616 wx=122754460286976 ";
		static const char *const tail =
			" first=2026-01-01T00:00:00Z last=2026-03-02T00:00:00Z";

		EXPECT(strncmp(text, head, strlen(head)) == 0, "got \"%s\"", text);
		EXPECT(strlen(text) > strlen(tail) &&
			   strcmp(text + strlen(text) - strlen(tail), tail) == 0, "got \"%s\"", text);
	}
	FieldOf(text, "wxo", field);
	/* sum of w*x*o = 2^32 * 2^32 * (9557 - 9497) = 60 * 2^64 */
	EXPECT(strcmp(field, "1106804644422573096960") == 0, "wxo=%s", field);
	free(text);
	CheckEnd();

	CheckBegin("timestamps at the edges of PostgreSQL's range and of the calendar");
	{
		static const struct
		{
			int64_t		ts;
			const char *text;
		}			cases[] = {
			{0, "2000-01-01T00:00:00Z"},
			{-1, "1999-12-31T23:59:59.999999Z"},
			{1, "2000-01-01T00:00:00.000001Z"},
			{JSS_MIN_TIMESTAMP, "-4713-11-24T00:00:00Z"},
			{JSS_END_TIMESTAMP - 1, "294276-12-31T23:59:59.999999Z"},
			{9497 * DAY, "2026-01-01T00:00:00Z"},
			{59 * DAY + 3600000000LL, "2000-02-29T01:00:00Z"},
			{-730485 * DAY, "0000-01-01T00:00:00Z"},
			{-730486 * DAY, "-0001-12-31T00:00:00Z"},
			{-730426 * DAY, "0000-02-29T00:00:00Z"},
			{2921940 * DAY - 1, "9999-12-31T23:59:59.999999Z"},
			{2921940 * DAY, "10000-01-01T00:00:00Z"},
			{-36524 * DAY + 59 * DAY, "1900-03-01T00:00:00Z"},
		};

		for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		{
			char		ref[64],
						buf[300];

			RefFormatTimestamp(cases[i].ts, ref);
			EXPECT(strcmp(ref, cases[i].text) == 0, "reference calendar: %lld is %s, not %s",
				   (long long) cases[i].ts, ref, cases[i].text);
			NewState(&s);
			StateAddDatedRow(&s, 0, 0, cases[i].ts);
			text = FormatText(&s, NULL);
			FieldOf(text, "first", field);
			EXPECT(strcmp(field, cases[i].text) == 0, "%lld printed %s, want %s",
				   (long long) cases[i].ts, field, cases[i].text);
			free(text);
			OneRowText(cases[i].text, buf);
			EXPECT(Parse(buf, &t) == NULL && t.first_ended == cases[i].ts && t.last_ended == cases[i].ts,
				   "%s parsed as %lld", cases[i].text, (long long) t.first_ended);
		}
	}
	CheckEnd();

	RandSeed(7001);
	CheckBegin("timestamps anywhere in the range print as the independent calendar does, and parse back");
	for (int i = 0; i < 20000; i++)
	{
		int64_t		ts = AnyTimestamp();
		char		ref[64],
					buf[300];

		RefFormatTimestamp(ts, ref);
		NewState(&s);
		StateAddDatedRow(&s, 0, 0, ts);
		text = FormatText(&s, NULL);
		FieldOf(text, "first", field);
		EXPECT(strcmp(field, ref) == 0, "%lld printed %s, want %s", (long long) ts, field, ref);
		free(text);
		OneRowText(ref, buf);
		EXPECT(Parse(buf, &t) == NULL && t.first_ended == ts, "%s parsed as %lld", ref, (long long) t.first_ended);
	}
	CheckEnd();

	RandSeed(7002);
	CheckBegin("every day of four 400-year cycles, around 2000 and around 4713 BC, parses to its day number");
	for (int part = 0; part < 2; part++)
	{
		int64_t		y0 = part == 0 ? 1600 : -4713;

		for (int64_t y = y0; y < y0 + 800; y++)
		{
			for (int m = 1; m <= 12; m++)
			{
				static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
				bool		leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
				int			last = dim[m - 1] + (m == 2 && leap);

				for (int d = 1; d <= last + 1; d++)
				{
					char		ts[48],
								buf[300];
					int64_t		want = RefDaysFromCivil(y, m, d) * DAY;
					const char *msg;
					bool		in_range = want >= JSS_MIN_TIMESTAMP;

					sprintf(ts, "%s%04lld-%02d-%02dT00:00:00Z", y < 0 ? "-" : "", (long long) (y < 0 ? -y : y), m, d);
					OneRowText(ts, buf);
					msg = Parse(buf, &t);
					if (d > last)
						EXPECT(msg != NULL, "%s accepted", ts);
					else if (!in_range)
						EXPECT(msg != NULL, "%s before the range accepted", ts);
					else
						EXPECT(msg == NULL && t.first_ended == want, "%s: %s / %lld want %lld", ts,
							   msg ? msg : "ok", (long long) t.first_ended, (long long) want);
				}
			}
		}
	}
	CheckEnd();
}

static void
TestTextStrict(void)
{
	JssState	s;
	char		buf[2048];

	CheckBegin("time strings that must be rejected");
	{
		static const char *const bad[] = {
			"2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "-0001-02-29T00:00:00Z",
			"2026-00-10T00:00:00Z", "2026-13-10T00:00:00Z", "2026-01-00T00:00:00Z",
			"2026-01-32T00:00:00Z", "2026-04-31T00:00:00Z", "2026-01-01T24:00:00Z",
			"2026-01-01T00:60:00Z", "2026-01-01T00:00:60Z", "2026-01-01T00:00:00.1234567Z",
			"2026-01-01T00:00:00.Z", "2026-01-01T00:00:00z", "2026-01-01T00:00:00",
			"2026-01-01 00:00:00Z", "+2026-01-01T00:00:00Z", "999-01-01T00:00:00Z",
			"1000000-01-01T00:00:00Z", "-4713-11-23T23:59:59.999999Z", "294277-01-01T00:00:00Z",
			"2026-1-01T00:00:00Z", "2026-01-01T0:00:00Z", "2026-01-01T00:00:00+00Z",
			"-999999-01-01T00:00:00Z", "2026-01-01T00:00:00ZZ", "2026-01-01T-1:00:00Z",
			"2026-01-01T00:00:00.-1Z", "nonee", "None", "",
		};

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		{
			OneRowText(bad[i], buf);
			EXPECT(Parse(buf, &s) != NULL, "accepted \"%s\"", bad[i]);
		}
	}
	CheckEnd();

	CheckBegin("time strings accepted: leap days, BC leap years, short fractions");
	{
		static const struct
		{
			const char *text;
			int			y,
						m,
						d;
			int64_t		usec;
		}			good[] = {
			{"2024-02-29T00:00:00Z", 2024, 2, 29, 0},
			{"2000-02-29T00:00:00Z", 2000, 2, 29, 0},
			{"-0004-02-29T00:00:00Z", -4, 2, 29, 0},
			{"0000-02-29T00:00:00Z", 0, 2, 29, 0},
			{"2026-01-01T00:00:00.5Z", 2026, 1, 1, 500000},
			{"2026-01-01T00:00:00.000001Z", 2026, 1, 1, 1},
			{"2026-01-01T23:59:59.999999Z", 2026, 1, 1, DAY - 1},
			{"02026-01-01T00:00:00Z", 2026, 1, 1, 0},
			{"-4713-11-24T00:00:00Z", -4713, 11, 24, 0},
			{"294276-12-31T23:59:59.999999Z", 294276, 12, 31, DAY - 1},
		};

		for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		{
			int64_t		want = RefDaysFromCivil(good[i].y, good[i].m, good[i].d) * DAY + good[i].usec;
			const char *msg;

			OneRowText(good[i].text, buf);
			msg = Parse(buf, &s);
			EXPECT(msg == NULL && s.first_ended == want, "\"%s\": %s, %lld want %lld", good[i].text,
				   msg ? msg : "ok", (long long) s.first_ended, (long long) want);
		}
	}
	CheckEnd();

	CheckBegin("structure: fields exact, in order, one space apart; blanks allowed only around the text");
	{
		static const char *const bad[] = {
			"v2 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none",
			"v0 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none",
			"V1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none",
			"v n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none",
			"v1  n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none",
			"v1\tn=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none",
			"v1 neutral=0 n=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none",
			"v1 n=0 neutral=0 dated=0 first=none last=none w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0",
			"v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none x=1",
			"v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none woo=0",
			"v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0x first=none last=none",
			"v1 n=0 neutral=0 dated=0 first=none last=none w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=",
			"v1 n=-1 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none",
			"v1 n=+0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none",
			"v1 n=1099511627777 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none",
			"v1 n=10000000000000 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none",
			"v1 n=1 neutral=1 dated=1 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none",
			"v1 n=1 neutral=1 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=2026-01-01T00:00:00Z last=2026-01-01T00:00:00Z",
			"v1 n=1 neutral=1 dated=1 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=2026-01-01T00:00:00Z last=none",
			"v1 n=1 neutral=1 dated=1 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=2026-01-02T00:00:00Z last=2026-01-01T00:00:00Z",
			"v1 n=0 neutral=0 dated=0 w=170141183460469231731687303715884105728 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none",
			"v1 n=0 neutral=0 dated=0 w=1 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none",
			"v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=3138550867693340381917894711603833208051177722232017256448 wxo=0 woo=0 first=none last=none",
			"v1 n=0 neutral=0 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=-1 first=none last=none",
			"",
			"   ",
			"v1",
			"v99999999 n=0",
		};

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		{
			const char *msg;

			memset(&s, 0, sizeof(s));
			msg = Parse(bad[i], &s);
			EXPECT(msg != NULL && msg[0] != '\0', "accepted \"%s\"", bad[i]);
		}
	}
	{
		JssState	e;

		NewState(&e);
		sprintf(buf, "  \t%s \n", empty_text);
		EXPECT(Parse(buf, &s) == NULL && SameState(&s, &e), "blanks around the text rejected");
		EXPECT(Parse("v1 n=1099511627776 neutral=1099511627776 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=0 first=none last=none", &s) == NULL
			   && s.contracts == JSS_MAX_CONTRACTS, "n = 2^40 rejected");
		EXPECT(Parse("v1 n=00003 neutral=3 dated=0 w=0 w_pos=0 w_neg=0 wo_pos=0 wo_neg=0 wx=0 wxx=0 wxo=0 woo=-0 first=none last=none", &s) == NULL
			   && s.contracts == 3, "leading zeros and -0 (lenient, not canonical)");
	}
	CheckEnd();

	CheckBegin("StateParseText leaves vl_len_ alone, also on error");
	memset(&s, 0x33, sizeof(s));
	s.vl_len_ = 777;
	EXPECT(Parse(empty_text, &s) == NULL && s.vl_len_ == 777, "vl_len_ %d", s.vl_len_);
	s.vl_len_ = 778;
	EXPECT(Parse("v1 n=", &s) != NULL && s.vl_len_ == 778, "vl_len_ %d", s.vl_len_);
	CheckEnd();
}

static void
TestTextRoundTrip(void)
{
	JssState	s,
				t;

	RandSeed(7003);
	CheckBegin("StateFormatText then StateParseText gives the same bytes (random states)");
	for (int i = 0; i < 5000; i++)
	{
		int			len;
		char	   *text,
				   *again;
		const char *msg;

		RandState(&s);
		EXPECT(StateCheck(&s) == NULL, "i=%d generator made an invalid state: %s", i, StateCheck(&s));
		text = FormatText(&s, &len);
		EXPECT(len == (int) strlen(text) && len < JSS_STATE_TEXT_LEN, "i=%d len %d", i, len);
		memset(&t, 0xEE, sizeof(t));
		t.vl_len_ = s.vl_len_;
		msg = Parse(text, &t);
		EXPECT(msg == NULL && SameState(&s, &t), "i=%d: %s\n  %s", i, msg ? msg : "different state", text);
		again = FormatText(&t, NULL);
		EXPECT(strcmp(text, again) == 0, "i=%d: text changed", i);
		free(again);
		free(text);
	}
	CheckEnd();
}

static void
TestTextDamage(void)
{
	JssState	s,
				t;

	RandSeed(7004);
	CheckBegin("every proper prefix of a valid text is rejected (the times come last and end with a letter)");
	for (int i = 0; i < 300; i++)
	{
		int			len;
		char	   *text;

		RandState(&s);
		text = FormatText(&s, &len);
		for (int cut = 0; cut < len; cut++)
			EXPECT(ParseN(text, (size_t) cut, &t) != NULL,
				   "i=%d: prefix of %d accepted: %.*s", i, cut, cut, text);
		free(text);
	}
	CheckEnd();

	RandSeed(7005);
	CheckBegin("random byte mutations of valid text never crash; accepted ones pass StateCheck and round-trip");
	{
		static const char pool[] = "0123456789000-- .:TZvnoe=_wxpd\t\n\001\377";

		for (int i = 0; i < 20000; i++)
		{
			int			len;
			char	   *text;
			char		buf[JSS_STATE_TEXT_LEN + 64];
			int			edits = 1 + (int) RandBelow(3);

			RandState(&s);
			text = FormatText(&s, &len);
			memcpy(buf, text, (size_t) len + 1);
			free(text);
			for (int e = 0; e < edits; e++)
			{
				int			at = (int) RandBelow((uint64_t) len + 1);
				char		c = pool[RandBelow(sizeof(pool) - 1)];

				switch (RandBelow(3))
				{
					case 0:		/* replace */
						if (at < len)
							buf[at] = c;
						break;
					case 1:		/* insert */
						if (len < JSS_STATE_TEXT_LEN + 32)
						{
							memmove(buf + at + 1, buf + at, (size_t) (len - at) + 1);
							buf[at] = c;
							len++;
						}
						break;
					default:	/* delete */
						if (at < len)
						{
							memmove(buf + at, buf + at + 1, (size_t) (len - at));
							len--;
						}
						break;
				}
			}
			if (Parse(buf, &t) == NULL)
			{
				JssState	u;
				char	   *again;

				EXPECT(StateCheck(&t) == NULL, "i=%d accepted invalid: %s", i, buf);
				again = FormatText(&t, NULL);
				u.vl_len_ = t.vl_len_;
				EXPECT(Parse(again, &u) == NULL && SameState(&t, &u), "i=%d accepted state does not round-trip", i);
				free(again);
			}
		}
	}
	CheckEnd();
}

/* ---- binary ---- */

static void
TestBinary(void)
{
	JssState	s,
				t,
				u;
	unsigned char bin[JSS_STATE_BINARY_LEN + 8];

	CheckBegin("binary layout: 212 bytes, network order, fields in declaration order");
	EXPECT(JSS_STATE_BINARY_LEN == 212, "length %d", (int) JSS_STATE_BINARY_LEN);
	NewState(&s);
	StateAddDatedRow(&s, ONE, -ONE, 9497 * DAY);
	StateAddDatedRow(&s, ONE, 0, 9527 * DAY);
	StateAddDatedRow(&s, ONE, ONE, 9557 * DAY);
	memset(bin, 0xCC, sizeof(bin));
	StateEncodeBinary(&s, bin);
	EXPECT(bin[JSS_STATE_BINARY_LEN] == 0xCC, "wrote past the end");
	EXPECT(bin[0] == 0 && bin[1] == 1 && bin[2] == 0 && bin[3] == 0, "version/flags");
	EXPECT(bin[11] == 3 && bin[19] == 1 && bin[27] == 3, "counts n, neutral, dated");
	{
		uint64_t	first = 0;

		for (int i = 28; i < 36; i++)
			first = first << 8 | bin[i];
		EXPECT(first == (uint64_t) (9497 * DAY), "first_ended");
	}
	/* sum_w = 3 * 2^32: bytes 44..59, value in the low 8 */
	EXPECT(bin[44 + 11] == 3 && bin[44 + 15] == 0 && bin[44] == 0, "sum_w");
	/* sum_woo = 2 * 2^96 in 24 bytes at 188: byte 188 + 24 - 13 = 199 holds 2 */
	EXPECT(bin[199] == 2 && bin[211] == 0 && bin[188] == 0, "sum_woo");
	CheckEnd();

	RandSeed(8001);
	CheckBegin("StateEncodeBinary then StateDecodeBinary gives the same bytes; text and binary agree");
	for (int i = 0; i < 5000; i++)
	{
		const char *msg;
		char	   *text;

		RandState(&s);
		StateEncodeBinary(&s, bin);
		memset(&t, 0x77, sizeof(t));
		t.vl_len_ = s.vl_len_;
		msg = Decode(bin, JSS_STATE_BINARY_LEN, &t);
		EXPECT(msg == NULL && SameState(&s, &t), "i=%d: %s", i, msg ? msg : "different");
		text = FormatText(&s, NULL);
		u.vl_len_ = s.vl_len_;
		EXPECT(Parse(text, &u) == NULL && SameState(&t, &u), "i=%d: text and binary differ", i);
		free(text);
	}
	CheckEnd();

	CheckBegin("binary with a wrong length or version, or flags set, is rejected");
	NewState(&s);
	StateAddDatedRow(&s, ONE, ONE, 0);
	StateEncodeBinary(&s, bin);
	{
		static const size_t lens[] = {0, 1, 2, 3, 4, 100, 211, 213, 220};

		for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++)
		{
			unsigned char big[256];

			memset(big, 0, sizeof(big));
			memcpy(big, bin, JSS_STATE_BINARY_LEN);
			EXPECT(Decode(big, lens[i], &t) != NULL, "length %zu accepted", lens[i]);
		}
	}
	{
		static const unsigned char versions[][2] = {{0, 0}, {0, 2}, {1, 0}, {0xFF, 0xFF}, {1, 1}};

		for (size_t i = 0; i < sizeof(versions) / sizeof(versions[0]); i++)
		{
			unsigned char v[JSS_STATE_BINARY_LEN];

			memcpy(v, bin, sizeof(v));
			v[0] = versions[i][0];
			v[1] = versions[i][1];
			EXPECT(Decode(v, sizeof(v), &t) != NULL, "version %02x%02x accepted", v[0], v[1]);
		}
		bin[3] = 1;
		EXPECT(Decode(bin, JSS_STATE_BINARY_LEN, &t) != NULL, "flags 1 accepted");
		bin[3] = 0;
		bin[2] = 0x80;
		EXPECT(Decode(bin, JSS_STATE_BINARY_LEN, &t) != NULL, "flags 0x8000 accepted");
	}
	memset(&t, 0x11, sizeof(t));
	t.vl_len_ = 4242;
	EXPECT(Decode(bin, 5, &t) != NULL && t.vl_len_ == 4242, "vl_len_ touched on error");
	bin[2] = 0;
	EXPECT(Decode(bin, JSS_STATE_BINARY_LEN, &t) == NULL && t.vl_len_ == 4242, "vl_len_ touched on success");
	CheckEnd();

	RandSeed(8002);
	CheckBegin("every single-bit flip and every byte set to 00/FF of valid binary: rejected or valid");
	for (int i = 0; i < 40; i++)
	{
		RandState(&s);
		StateEncodeBinary(&s, bin);
		for (int at = 0; at < JSS_STATE_BINARY_LEN; at++)
		{
			for (int b = 0; b < 10; b++)
			{
				unsigned char m[JSS_STATE_BINARY_LEN];

				memcpy(m, bin, sizeof(m));
				m[at] = b < 8 ? (unsigned char) (m[at] ^ (1u << b)) : b == 8 ? 0 : 0xFF;
				if (Decode(m, sizeof(m), &t) == NULL)
					EXPECT(StateCheck(&t) == NULL, "i=%d at=%d b=%d accepted invalid", i, at, b);
			}
		}
	}
	CheckEnd();

	RandSeed(8003);
	CheckBegin("random byte mutations of valid binary never crash; accepted ones pass StateCheck and re-encode identically");
	for (int i = 0; i < 30000; i++)
	{
		unsigned char m[JSS_STATE_BINARY_LEN];
		int			edits = 1 + (int) RandBelow(6);

		RandState(&s);
		StateEncodeBinary(&s, m);
		for (int e = 0; e < edits; e++)
			m[RandBelow(JSS_STATE_BINARY_LEN)] = (unsigned char) RandU64();
		if (Decode(m, sizeof(m), &t) == NULL)
		{
			unsigned char again[JSS_STATE_BINARY_LEN];
			char	   *text;

			EXPECT(StateCheck(&t) == NULL, "i=%d accepted invalid", i);
			StateEncodeBinary(&t, again);
			EXPECT(memcmp(m, again, sizeof(m)) == 0, "i=%d re-encodes differently", i);
			text = FormatText(&t, NULL);
			u.vl_len_ = t.vl_len_;
			EXPECT(Parse(text, &u) == NULL && SameState(&t, &u), "i=%d accepted state does not round-trip as text", i);
			free(text);
		}
	}
	CheckEnd();
}

void
TestFormat(void)
{
	TestTextBasics();
	TestTextStrict();
	TestTextRoundTrip();
	TestTextDamage();
	TestBinary();
}
