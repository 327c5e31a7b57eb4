/*-------------------------------------------------------------------------
 *
 * fuzz_rows.c
 *	  libFuzzer harness for the states rows produce: the other half of the
 *	  readers' contract.  fuzz_state shows the readers refuse what no rows
 *	  could give; this shows they accept everything rows do give, and that
 *	  the accumulation keeps its promises.
 *
 * The input is read as a list of rows, 13 bytes each:
 *
 *	 byte 0		  bit 0: goes to state A (else B); bit 1: dated;
 *				  bit 2: added and removed again right away;
 *				  bits 3-4: weight kind; bits 5-6: outcome kind
 *	 bytes 1-4	  weight (kind 0: 0..2^32-1 raw units; 1: whole 0..10^6;
 *				  2: 10^6 exactly; 3: 0)
 *	 bytes 5-8	  outcome (kind 0: raw in [-2^32, 2^32]; 1: +1; 2: -1; 3: 0)
 *	 bytes 9-12	  ended_at: a day in PostgreSQL's whole range and a
 *				  microsecond of it, or (top values) the range's ends
 *
 * and checks:
 *
 *	 - the state of all rows passes every invariant of fuzz_check.c
 *	   (check, round trips, final functions, merge; not the text
 *	   prefixes, which fuzz_state covers and which would cost 9 parses in
 *	   10).  Only that one: the states after each row, and A and B, are
 *	   the final states of other inputs libFuzzer also tries (shorter, or
 *	   with fewer rows), and checking each made the harness 3 to 10
 *	   times slower;
 *	 - adding a row and removing it gives back the same bytes (first and
 *	   last aside, which a moving aggregate keeps itself);
 *	 - A merged with B is byte for byte the state of all rows added to
 *	   one state in input order (order and split independence);
 *	 - the same for jss_asof_state (as_of a few months after the first
 *	   kept row).
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "asof_state.h"
#include "calendar.h"
#include "fuzz_check.h"

#define ROW_BYTES 13

/* A big-endian uint32 at p. */
static uint32_t
Get32(const uint8_t *p)
{
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) | ((uint32_t) p[2] << 8) | p[3];
}

/* One row of the input, decoded. */
typedef struct Row
{
	bool		to_a;
	bool		dated;
	bool		transient;
	int64_t		w;
	int64_t		o;
	int64_t		ended_at;
} Row;

/* Decode one row of ROW_BYTES bytes. */
static Row
DecodeRow(const uint8_t *p)
{
	static const int64_t max_w = (int64_t) (JSS_MAX_WEIGHT * JSS_FIXED_ONE);
	Row			r;
	uint32_t	wv = Get32(p + 1);
	uint32_t	ov = Get32(p + 5);
	uint32_t	tv = Get32(p + 9);
	int64_t		first_day = JssDayNumber(JSS_MIN_TIMESTAMP);
	int64_t		last_day = JssDayNumber(JSS_END_TIMESTAMP - 1);

	r.to_a = p[0] & 1;
	r.dated = (p[0] >> 1) & 1;
	r.transient = (p[0] >> 2) & 1;
	switch ((p[0] >> 3) & 3)
	{
		case 0:
			r.w = wv;
			break;
		case 1:
			r.w = (int64_t) (wv % 1000001) * JSS_FIXED_ONE;
			break;
		case 2:
			r.w = max_w;
			break;
		default:
			r.w = 0;
			break;
	}
	switch ((p[0] >> 5) & 3)
	{
		case 0:
			/* [-2^32, 2^32]: 2^33 + 1 values; ov spans 2^32, so scale by 2 and add the low bit */
			r.o = (int64_t) ov * 2 + (p[0] >> 7) - JSS_FIXED_ONE;
			if (r.o > JSS_FIXED_ONE)
				r.o = JSS_FIXED_ONE;
			break;
		case 1:
			r.o = JSS_FIXED_ONE;
			break;
		case 2:
			r.o = -JSS_FIXED_ONE;
			break;
		default:
			r.o = 0;
			break;
	}
	if (tv >= UINT32_MAX - 1)
		r.ended_at = tv == UINT32_MAX ? JSS_END_TIMESTAMP - 1 : JSS_MIN_TIMESTAMP;
	else
	{
		/* a day (uniform over the range), then a time of day from the low bits */
		int64_t		day = first_day + (int64_t) ((uint64_t) tv * (uint64_t) (last_day - first_day + 1) >> 32);
		int64_t		usec = (int64_t) (tv % 86400) * 1000000 + (tv % 997);

		r.ended_at = day * JSS_USECS_PER_DAY + usec;
		if (r.ended_at < JSS_MIN_TIMESTAMP)
			r.ended_at = JSS_MIN_TIMESTAMP;
		if (r.ended_at >= JSS_END_TIMESTAMP)
			r.ended_at = JSS_END_TIMESTAMP - 1;
	}
	return r;
}

/* Add a row to s (dated or not); fail if the state refuses it. */
static void
AddRow(JssState *s, const Row *r)
{
	bool		ok = r->dated ? StateAddDatedRow(s, r->w, r->o, r->ended_at)
		: StateAddRow(s, r->w, r->o);

	if (!ok)
		Fail("jss_state: a row refused below 2^40 rows", NULL, NULL);
}

/* Fail with both texts unless a and b are the same bytes. */
static void
CheckSame(const JssState *a, const JssState *b, const char *what)
{
	if (memcmp(a, b, sizeof(JssState)) != 0)
	{
		char		ta[JSS_STATE_TEXT_LEN],
					tb[JSS_STATE_TEXT_LEN];

		StateFormatText(a, ta);
		StateFormatText(b, tb);
		Fail(what, ta, tb);
	}
}

/* Build A, B and all from the rows of the input, then check them. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	JssState	all,
				a,
				b;
	JssAsOfState asof_all,
				asof_a,
				asof_b;
	int64_t		as_of = 0;
	bool		have_as_of = false;
	size_t		rows = size / ROW_BYTES;

	all.vl_len_ = a.vl_len_ = b.vl_len_ = 0;
	StateInit(&all);
	StateInit(&a);
	StateInit(&b);
	asof_all.vl_len_ = asof_a.vl_len_ = asof_b.vl_len_ = 0;
	AsOfInit(&asof_all);
	AsOfInit(&asof_a);
	AsOfInit(&asof_b);

	/* prefixes are fuzz_state's business: here they would cost 9 parses in 10 */
	fuzz_check_prefixes = false;
	for (size_t i = 0; i < rows; i++)
	{
		Row			r = DecodeRow(data + i * ROW_BYTES);
		JssState   *part = r.to_a ? &a : &b;
		JssAsOfState *asof_part = r.to_a ? &asof_a : &asof_b;

		if (r.transient)
		{
			JssState	before = *part;

			AddRow(part, &r);
			if (r.dated)
			{
				StateRemoveDatedRow(part, r.w, r.o, r.ended_at);
				part->first_ended = before.first_ended;
				part->last_ended = before.last_ended;
			}
			else
				StateRemoveRow(part, r.w, r.o);
			CheckSame(part, &before, "jss_state: adding and removing a row changes the state");
			continue;
		}

		AddRow(part, &r);
		AddRow(&all, &r);

		/* the as-of state: as_of is the first kept row's ended_at plus a few months */
		if (!have_as_of)
		{
			have_as_of = true;
			as_of = r.ended_at;
			if (as_of < JSS_END_TIMESTAMP - 400 * JSS_USECS_PER_DAY)
				as_of += (int64_t) (data[0] % 12) * 30 * JSS_USECS_PER_DAY;
		}
		if (AsOfAddRow(asof_part, r.w, r.o, r.ended_at, as_of) != ASOF_OK ||
			AsOfAddRow(&asof_all, r.w, r.o, r.ended_at, as_of) != ASOF_OK)
			Fail("jss_asof_state: a row refused", NULL, NULL);
	}

	CheckState(&all);
	if (!StateMerge(&a, &b))
		Fail("jss_state: merge refused below 2^40 rows", NULL, NULL);
	CheckSame(&a, &all, "jss_state: A merged with B differs from all rows in one state");

	CheckAsOf(&asof_all);
	if (AsOfMerge(&asof_a, &asof_b) != ASOF_OK)
		Fail("jss_asof_state: merge refused", NULL, NULL);
	if (memcmp(&asof_a, &asof_all, sizeof(JssAsOfState)) != 0)
		Fail("jss_asof_state: A merged with B differs from all rows in one state", NULL, NULL);
	return 0;
}
