/*-------------------------------------------------------------------------
 *
 * test_state.c
 *	  Unit tests of src/state.[ch]: fixed-point rounding, day numbers,
 *	  adding and merging rows (same bytes in any order and split), the
 *	  2^40 bound, StateCheck on corrupted states, and the final formulas
 *	  against long double recomputation on the same rounded inputs and
 *	  the worked examples of the documentation.
 *
 *-------------------------------------------------------------------------
 */
#include <float.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "state.h"
#include "unit.h"

#define ONE JSS_FIXED_ONE
#define DAY JSS_USECS_PER_DAY

typedef struct Row
{
	int64_t		w;				/* rounded weight, units 2^-32 */
	int64_t		o;				/* rounded outcome, units 2^-32 */
	int64_t		ts;				/* ended_at, when dated */
	bool		dated;
} Row;

#define MAX_ROWS 20000

static Row	rows_a[MAX_ROWS];
static Row	rows_b[MAX_ROWS];

/* ---- helpers ---- */

static void
NewState(JssState *s)
{
	memset(s, 0, sizeof(*s));
	StateInit(s);
}

static bool
SameState(const JssState *a, const JssState *b)
{
	return memcmp(a, b, sizeof(JssState)) == 0;
}

static bool
AddRow(JssState *s, const Row *r)
{
	return r->dated ? StateAddDatedRow(s, r->w, r->o, r->ts) : StateAddRow(s, r->w, r->o);
}

static int64_t
RandWeight(void)
{
	switch (RandBelow(10))
	{
		case 0:
			return 0;
		case 1:
		case 2:
		case 3:
			return ONE;
		case 4:
			return JssToFixed(JSS_MAX_WEIGHT);
		case 5:
			return JssToFixed(RandUnit() * JSS_MAX_WEIGHT);
		case 6:
			return (int64_t) RandBelow(1000);
		default:
			return JssToFixed(RandUnit() * 10);
	}
}

static int64_t
RandOutcome(void)
{
	switch (RandBelow(10))
	{
		case 0:
		case 1:
			return 0;
		case 2:
			return ONE;
		case 3:
			return -ONE;
		case 4:
			return JssToFixed((RandUnit() * 2 - 1) * 1e-9);
		default:
			return JssToFixed(RandUnit() * 2 - 1);
	}
}

/* Any finite timestamptz. */
static int64_t
RandTimestampAnywhere(void)
{
	switch (RandBelow(6))
	{
		case 0:
			return JSS_MIN_TIMESTAMP + (int64_t) RandBelow(3 * DAY);
		case 1:
			return JSS_END_TIMESTAMP - 1 - (int64_t) RandBelow(3 * DAY);
		case 2:
			return (int64_t) RandBelow(1000) * DAY - 500 * DAY;	/* whole days near 2000 */
		default:
			return RandRange(JSS_MIN_TIMESTAMP, JSS_END_TIMESTAMP - 1);
	}
}

/* Random rows; dated_share in percent; all dated near one centre if narrow. */
static void
RandRows(Row *rows, int n, int dated_share, bool narrow)
{
	int64_t		centre = RandRange(JSS_MIN_TIMESTAMP + 2000 * DAY, JSS_END_TIMESTAMP - 2000 * DAY);

	for (int i = 0; i < n; i++)
	{
		rows[i].w = RandWeight();
		rows[i].o = RandOutcome();
		rows[i].dated = (int) RandBelow(100) < dated_share;
		rows[i].ts = narrow ? centre + RandRange(-1000 * DAY, 1000 * DAY) : RandTimestampAnywhere();
		if (i > 0 && RandBelow(8) == 0)
			rows[i].ts = rows[RandBelow((uint64_t) i)].ts;	/* ties */
	}
}

static void
Shuffle(Row *rows, int n)
{
	for (int i = n - 1; i > 0; i--)
	{
		int			j = (int) RandBelow((uint64_t) i + 1);
		Row			t = rows[i];

		rows[i] = rows[j];
		rows[j] = t;
	}
}

static bool
Build(JssState *s, const Row *rows, int n)
{
	bool		ok = true;

	NewState(s);
	for (int i = 0; i < n; i++)
		ok &= AddRow(s, &rows[i]);
	return ok;
}

static Big
BigOf192(const Int192 *a)
{
	return BigFromLimbs(a->limb, 3, true);
}

/* Does s hold exactly the sums of rows?  Reports through EXPECT. */
static void
ExpectSumsOf(const JssState *s, const Row *rows, int n, const char *what)
{
	int64_t		neutral = 0,
				dated = 0,
				first = 0,
				last = 0;
	JssInt128	w = I128(0),
				wp = I128(0),
				wn = I128(0),
				wop = I128(0),
				won = I128(0),
				wx = I128(0);
	Big			wxx = BigFromU64(0),
				wxo = BigFromU64(0),
				woo = BigFromU64(0),
				g;

	for (int i = 0; i < n; i++)
	{
		const Row  *r = &rows[i];

		w = Int128Add(w, I128(r->w));
		if (r->o > 0)
		{
			wp = Int128Add(wp, I128(r->w));
			wop = Int128Add(wop, Int128Mul64(r->w, r->o));
		}
		else if (r->o < 0)
		{
			wn = Int128Add(wn, I128(r->w));
			won = Int128Add(won, Int128Mul64(r->w, -r->o));
		}
		else
			neutral++;
		if (r->dated)
		{
			/* floor division, written differently from JssDayNumber */
			int64_t		x = (r->ts - ((r->ts % DAY) + DAY) % DAY) / DAY;
			Big			bw = BigFromI64(r->w),
						bx = BigFromI64(x),
						bo = BigFromI64(r->o),
						t;

			if (dated == 0 || r->ts < first)
				first = r->ts;
			if (dated == 0 || r->ts > last)
				last = r->ts;
			dated++;
			wx = Int128Add(wx, Int128Mul64(r->w, x));
			t = BigMul(&bw, &bx);
			t = BigMul(&t, &bx);
			wxx = BigAdd(&wxx, &t);
			t = BigMul(&bw, &bx);
			t = BigMul(&t, &bo);
			wxo = BigAdd(&wxo, &t);
			t = BigMul(&bw, &bo);
			t = BigMul(&t, &bo);
			woo = BigAdd(&woo, &t);
		}
	}
	EXPECT(s->version == JSS_STATE_VERSION && s->flags == 0, "%s: header", what);
	EXPECT(s->contracts == n, "%s: contracts %lld want %d", what, (long long) s->contracts, n);
	EXPECT(s->neutral == neutral, "%s: neutral %lld want %lld", what, (long long) s->neutral, (long long) neutral);
	EXPECT(s->dated == dated, "%s: dated", what);
	EXPECT(s->first_ended == first && s->last_ended == last, "%s: first/last %lld %lld want %lld %lld",
		   what, (long long) s->first_ended, (long long) s->last_ended, (long long) first, (long long) last);
	EXPECT(I128Eq(s->sum_w, w) && I128Eq(s->sum_w_pos, wp) && I128Eq(s->sum_w_neg, wn),
		   "%s: weight sums", what);
	EXPECT(I128Eq(s->sum_wo_pos, wop) && I128Eq(s->sum_wo_neg, won), "%s: outcome sums", what);
	EXPECT(I128Eq(s->sum_wx, wx), "%s: sum_wx", what);
	g = BigOf192(&s->sum_wxx);
	EXPECT(BigCmp(&g, &wxx) == 0, "%s: sum_wxx", what);
	g = BigOf192(&s->sum_wxo);
	EXPECT(BigCmp(&g, &wxo) == 0, "%s: sum_wxo", what);
	g = BigOf192(&s->sum_woo);
	EXPECT(BigCmp(&g, &woo) == 0, "%s: sum_woo", what);
}

/* ---- long double references, on the rounded inputs ---- */

typedef struct Ref
{
	long double W,
				N,
				S,
				D,
				G,
				P;
	long double slope;			/* per quarter; NaN when undefined */
	long double t;				/* NaN when undefined */
	int			n;
} Ref;

static Ref
RefOf(const Row *rows, int n)
{
	Ref			r;
	long double xm = 0,
				ym = 0,
				sxx = 0,
				sxy = 0,
				syy = 0;
	bool		all_dated = true;

	memset(&r, 0, sizeof(r));
	r.n = n;
	for (int i = 0; i < n; i++)
	{
		long double w = ldexpl((long double) rows[i].w, -32),
					o = ldexpl((long double) rows[i].o, -32);

		r.W += w;
		r.N += w * o;
		if (o > 0)
		{
			r.S += w;
			r.G += o;
		}
		if (o < 0)
		{
			r.D += w;
			r.P += -o;
		}
		all_dated &= rows[i].dated;
	}
	r.slope = NAN;
	r.t = NAN;
	if (n < 2 || !all_dated || r.W == 0)
		return r;
	for (int i = 0; i < n; i++)
	{
		long double w = ldexpl((long double) rows[i].w, -32);

		xm += w * (long double) JssDayNumber(rows[i].ts);
		ym += w * 100 * ldexpl((long double) rows[i].o, -32);
	}
	xm /= r.W;
	ym /= r.W;
	for (int i = 0; i < n; i++)
	{
		long double w = ldexpl((long double) rows[i].w, -32),
					dx = (long double) JssDayNumber(rows[i].ts) - xm,
					dy = 100 * ldexpl((long double) rows[i].o, -32) - ym;

		sxx += w * dx * dx;
		sxy += w * dx * dy;
		syy += w * dy * dy;
	}
	if (sxx == 0)
		return r;
	r.slope = 91.3125L * sxy / sxx;
	if (n >= 3)
	{
		long double b = sxy / sxx,
					s2 = (syy - b * sxy) / (n - 2);

		r.t = s2 > 0 ? b / sqrtl(s2 / sxx) : (b < 0 ? -INFINITY : b > 0 ? INFINITY : NAN);
	}
	return r;
}

static long double
RefScore(const Ref *r, double k, double m)
{
	long double v = (r->N + (long double) k * m) / (r->W + k);

	if (v < 0)
		v = 0;
	if (v > 1)
		v = 1;
	return 100 * v;
}

static bool
Near(long double got, long double want, long double rel, long double abs_tol)
{
	return fabsl(got - want) <= rel * fabsl(want) + abs_tol;
}

/* ---- JssToFixed, JssDayNumber ---- */

/* Reference: round v * 2^32 half away from zero in long double (exact below 2^63). */
static int64_t
RefFixed(double v)
{
	long double x = ldexpl((long double) v, 32);

	return (int64_t) (x >= 0 ? floorl(x + 0.5L) : -floorl(-x + 0.5L));
}

static void
TestFixedAndDays(void)
{
	double		half = ldexp(0.5, -32);

	CheckBegin("JssToFixed rounds ties away from zero");
	EXPECT(JssToFixed(half) == 1, "0.5*2^-32 -> %lld", (long long) JssToFixed(half));
	EXPECT(JssToFixed(-half) == -1, "-0.5*2^-32 -> %lld", (long long) JssToFixed(-half));
	EXPECT(JssToFixed(3 * half) == 2, "1.5 units");
	EXPECT(JssToFixed(5 * half) == 3, "2.5 units -> 3 (away, not even)");
	EXPECT(JssToFixed(-5 * half) == -3, "-2.5 units -> -3");
	EXPECT(JssToFixed(ldexp(4503599627370495.5, -32)) == INT64_C(4503599627370496), "2^52 - 0.5 units");
	EXPECT(JssToFixed(ldexp(-4503599627370495.5, -32)) == -INT64_C(4503599627370496), "-(2^52 - 0.5) units");
	CheckEnd();

	CheckBegin("JssToFixed: just below a tie rounds toward zero");
	EXPECT(JssToFixed(nextafter(half, 0)) == 0, "below 0.5 unit");
	EXPECT(JssToFixed(-nextafter(half, 0)) == 0, "above -0.5 unit");
	EXPECT(JssToFixed(nextafter(5 * half, 0)) == 2, "below 2.5 units");
	EXPECT(JssToFixed(nextafter(-5 * half, 0)) == -2, "above -2.5 units");
	EXPECT(JssToFixed(nextafter(half, 1)) == 1, "above 0.5 unit");
	CheckEnd();

	CheckBegin("JssToFixed of 0, -0, 1, -1, 1e6 and subnormals");
	EXPECT(JssToFixed(0.0) == 0 && JssToFixed(-0.0) == 0, "zero");
	EXPECT(JssToFixed(1.0) == ONE, "1");
	EXPECT(JssToFixed(-1.0) == -ONE, "-1");
	EXPECT(JssToFixed(1e6) == INT64_C(1000000) * ONE, "1e6");
	EXPECT(JssToFixed(-1e6) == -INT64_C(1000000) * ONE, "-1e6");
	EXPECT(JssToFixed(DBL_TRUE_MIN) == 0 && JssToFixed(-DBL_TRUE_MIN) == 0, "smallest subnormal");
	EXPECT(JssToFixed(DBL_MIN) == 0 && JssToFixed(-DBL_MIN) == 0, "smallest normal");
	EXPECT(JssToFixed(1e-300) == 0, "1e-300");
	EXPECT(JssToFixed(nextafter(1.0, 0)) == ONE, "1 - ulp rounds to 1");
	EXPECT(JssToFixed(0.1) == INT64_C(429496730), "0.1 -> %lld", (long long) JssToFixed(0.1));
	CheckEnd();

	RandSeed(2001);
	CheckBegin("JssToFixed equals the long double rounding for random values in [-1e6, 1e6]");
	for (int i = 0; i < 200000; i++)
	{
		double		v;

		switch (i % 4)
		{
			case 0:
				v = (RandUnit() * 2 - 1);
				break;
			case 1:
				v = (RandUnit() * 2 - 1) * 1e6;
				break;
			case 2:
				/* a tie k + 0.5 units, possibly one ulp away */
				v = ldexp((double) RandRange(-(INT64_C(1) << 40), INT64_C(1) << 40) + 0.5, -32);
				if (RandBelow(3) == 0)
					v = nextafter(v, RandBelow(2) ? 1e7 : -1e7);
				break;
			default:
				v = ldexp(RandUnit() * 2 - 1, -(int) RandBelow(60));
				break;
		}
		EXPECT(JssToFixed(v) == RefFixed(v), "v=%a got %lld want %lld", v,
			   (long long) JssToFixed(v), (long long) RefFixed(v));
	}
	CheckEnd();

	CheckBegin("JssDayNumber floors negative timestamps and splits exactly at midnight");
	EXPECT(JssDayNumber(0) == 0, "0");
	EXPECT(JssDayNumber(-1) == -1, "-1 us -> day %lld", (long long) JssDayNumber(-1));
	EXPECT(JssDayNumber(DAY - 1) == 0, "DAY-1");
	EXPECT(JssDayNumber(DAY) == 1, "DAY");
	EXPECT(JssDayNumber(-DAY) == -1, "-DAY");
	EXPECT(JssDayNumber(-DAY + 1) == -1, "-DAY+1");
	EXPECT(JssDayNumber(-DAY - 1) == -2, "-DAY-1");
	EXPECT(JssDayNumber(JSS_MIN_TIMESTAMP) == RefDaysFromCivil(-4713, 11, 24), "min = 4714-11-24 BC, day %lld",
		   (long long) JssDayNumber(JSS_MIN_TIMESTAMP));
	EXPECT(JssDayNumber(JSS_END_TIMESTAMP - 1) == RefDaysFromCivil(294276, 12, 31), "end - 1 = 294276-12-31");
	EXPECT(JssDayNumber(JSS_END_TIMESTAMP) == RefDaysFromCivil(294277, 1, 1), "end = 294277-01-01");
	EXPECT(RefDaysFromCivil(2026, 1, 1) == 9497 && JssDayNumber(9497 * DAY) == 9497, "2026-01-01 is day 9497");
	CheckEnd();

	RandSeed(2002);
	CheckBegin("JssDayNumber equals floor division for random timestamps");
	for (int i = 0; i < 200000; i++)
	{
		int64_t		ts = i % 2 ? RandTimestampAnywhere() : RandRange(-3 * DAY, 3 * DAY);
		long double q = floorl((long double) ts / (long double) DAY);
		int64_t		want = (int64_t) q;

		/* long double has 64 bits: exact enough, but confirm by bracketing */
		if (want * DAY > ts)
			want--;
		if ((want + 1) * DAY <= ts)
			want++;
		EXPECT(JssDayNumber(ts) == want, "ts=%lld got %lld want %lld", (long long) ts,
			   (long long) JssDayNumber(ts), (long long) want);
	}
	CheckEnd();
}

/* ---- accumulation, merge, order independence ---- */

static void
TestAccumulate(void)
{
	JssState	a,
				b,
				c,
				parts[8],
				empty;

	CheckBegin("JssState has the documented size and no padding");
	EXPECT(sizeof(JssState) == 4 + 2 + 2 + 5 * 8 + 6 * 16 + 3 * 24, "sizeof %zu", sizeof(JssState));
	EXPECT(offsetof(JssState, version) == 4 && offsetof(JssState, contracts) == 8 &&
		   offsetof(JssState, sum_w) == 16 && offsetof(JssState, sum_wo_pos) == 48 &&
		   offsetof(JssState, neutral) == 96 && offsetof(JssState, sum_wxx) == 144 &&
		   offsetof(JssState, sum_woo) == 192, "offsets");
	CheckEnd();

	CheckBegin("StateInit: empty state of the current version, keeps vl_len_");
	memset(&a, 0x5A, sizeof(a));
	a.vl_len_ = 12345;
	StateInit(&a);
	memset(&b, 0, sizeof(b));
	b.vl_len_ = 12345;
	b.version = JSS_STATE_VERSION;
	EXPECT(SameState(&a, &b), "StateInit did not zero every byte");
	EXPECT(StateCheck(&a) == NULL, "empty state rejected: %s", StateCheck(&a));
	CheckEnd();

	RandSeed(3001);
	CheckBegin("StateAddRow/StateAddDatedRow hold the exact sums of their rows (bignum reference)");
	for (int round = 0; round < 150; round++)
	{
		int			n = 1 + (int) RandBelow(200);

		RandRows(rows_a, n, (int) RandBelow(101), RandBelow(2));
		EXPECT(Build(&a, rows_a, n), "round %d: add refused", round);
		ExpectSumsOf(&a, rows_a, n, "built");
	}
	CheckEnd();

	RandSeed(3002);
	CheckBegin("every state built by adding rows passes StateCheck, after every row");
	for (int round = 0; round < 100; round++)
	{
		int			n = 1 + (int) RandBelow(200);

		RandRows(rows_a, n, round % 3 == 0 ? 100 : (int) RandBelow(101), RandBelow(2));
		NewState(&a);
		for (int i = 0; i < n; i++)
		{
			const char *msg;

			AddRow(&a, &rows_a[i]);
			msg = StateCheck(&a);
			EXPECT(msg == NULL, "round %d row %d: %s", round, i, msg);
		}
	}
	CheckEnd();

	RandSeed(3003);
	CheckBegin("any row order and any split merged in any order give the same bytes");
	for (int round = 0; round < 200; round++)
	{
		int			n = (int) RandBelow(300);
		int			k = 1 + (int) RandBelow(8);
		int			start[9];

		RandRows(rows_a, n, round % 4 == 0 ? 100 : (int) RandBelow(101), RandBelow(2));
		Build(&a, rows_a, n);
		memcpy(rows_b, rows_a, sizeof(Row) * n);
		Shuffle(rows_b, n);
		Build(&b, rows_b, n);
		EXPECT(SameState(&a, &b), "round %d: shuffled order differs", round);

		/* split the shuffled rows into k consecutive pieces (some empty) */
		start[0] = 0;
		start[k] = n;
		for (int i = 1; i < k; i++)
			start[i] = (int) RandBelow((uint64_t) n + 1);
		for (int i = 1; i < k; i++)		/* sort the cut points */
			for (int j = i; j > 1 && start[j] < start[j - 1]; j--)
			{
				int			t = start[j];

				start[j] = start[j - 1];
				start[j - 1] = t;
			}
		for (int i = 0; i < k; i++)
		{
			Build(&parts[i], rows_b + start[i], start[i + 1] - start[i]);
			EXPECT(StateCheck(&parts[i]) == NULL, "round %d: part %d invalid", round, i);
		}
		/* merge into an empty state in a random order */
		NewState(&c);
		for (int i = 0; i < k; i++)
		{
			int			j = (int) RandBelow((uint64_t) (k - i)) + i;
			JssState	t = parts[i];

			parts[i] = parts[j];
			parts[j] = t;
			EXPECT(StateMerge(&c, &parts[i]), "round %d: merge refused", round);
		}
		EXPECT(SameState(&a, &c), "round %d: merged split (k=%d) differs", round, k);
		EXPECT(StateCheck(&c) == NULL, "round %d: merged invalid", round);

		/* merge as a tree: ((p0+p1)+(p2+p3))+... into the first part */
		for (int step = 1; step < k; step *= 2)
			for (int i = 0; i + step < k; i += 2 * step)
				EXPECT(StateMerge(&parts[i], &parts[i + step]), "round %d: tree merge refused", round);
		if (k > 0)
			EXPECT(SameState(&a, &parts[0]), "round %d: tree merge differs", round);
	}
	CheckEnd();

	RandSeed(3004);
	CheckBegin("merging an empty state, either side, changes nothing");
	NewState(&empty);
	for (int round = 0; round < 100; round++)
	{
		int			n = (int) RandBelow(50);

		RandRows(rows_a, n, (int) RandBelow(101), false);
		Build(&a, rows_a, n);
		b = a;
		EXPECT(StateMerge(&b, &empty) && SameState(&a, &b), "x + empty");
		NewState(&c);
		EXPECT(StateMerge(&c, &a) && SameState(&a, &c), "empty + x");
	}
	CheckEnd();

	CheckBegin("first/last: min and max of dated rows; undated rows leave them alone");
	NewState(&a);
	EXPECT(StateAddRow(&a, ONE, ONE) && a.first_ended == 0 && a.last_ended == 0 && a.dated == 0, "undated");
	EXPECT(StateAddDatedRow(&a, ONE, ONE, 5 * DAY) && a.first_ended == 5 * DAY && a.last_ended == 5 * DAY, "first dated");
	EXPECT(StateAddDatedRow(&a, ONE, 0, -7) && a.first_ended == -7 && a.last_ended == 5 * DAY, "earlier");
	EXPECT(StateAddDatedRow(&a, 0, 0, 9 * DAY) && a.first_ended == -7 && a.last_ended == 9 * DAY, "later, zero weight");
	EXPECT(StateAddDatedRow(&a, ONE, -ONE, DAY) && a.first_ended == -7 && a.last_ended == 9 * DAY, "between");
	EXPECT(StateAddRow(&a, ONE, ONE) && a.first_ended == -7 && a.last_ended == 9 * DAY, "undated again");
	EXPECT(a.dated == 4 && a.contracts == 6, "counts");
	EXPECT(StateAddDatedRow(&a, ONE, ONE, JSS_MIN_TIMESTAMP) && a.first_ended == JSS_MIN_TIMESTAMP, "min");
	EXPECT(StateAddDatedRow(&a, ONE, ONE, JSS_END_TIMESTAMP - 1) && a.last_ended == JSS_END_TIMESTAMP - 1, "end-1");
	EXPECT(StateCheck(&a) == NULL, "invalid: %s", StateCheck(&a));
	/* a merge whose left side has only undated rows takes the right side's times */
	NewState(&b);
	StateAddRow(&b, ONE, ONE);
	NewState(&c);
	StateAddDatedRow(&c, ONE, ONE, 3 * DAY);
	EXPECT(StateMerge(&b, &c) && b.first_ended == 3 * DAY && b.last_ended == 3 * DAY && b.dated == 1, "undated + dated");
	CheckEnd();

	CheckBegin("neutral counts rows whose rounded outcome is 0, even with weight 0");
	NewState(&a);
	StateAddRow(&a, ONE, 0);
	StateAddRow(&a, 0, 0);
	StateAddRow(&a, ONE, JssToFixed(1e-12));	/* rounds to 0 */
	StateAddRow(&a, ONE, JssToFixed(-1e-12));
	StateAddRow(&a, ONE, 1);		/* one unit: not neutral */
	StateAddRow(&a, 0, -ONE);		/* weight 0 but not neutral */
	EXPECT(a.neutral == 4 && a.contracts == 6, "neutral %lld", (long long) a.neutral);
	EXPECT(I128Eq(a.sum_w_pos, I128(ONE)) && I128Eq(a.sum_wo_pos, I128(ONE)) &&
		   I128Eq(a.sum_w_neg, I128(0)) && I128Eq(a.sum_wo_neg, I128(0)), "sums");
	EXPECT(StateCheck(&a) == NULL, "%s", StateCheck(&a));
	CheckEnd();
}

static void
TestRemove(void)
{
	JssState	a,
				b;

	RandSeed(3101);
	CheckBegin("StateRemoveRow/StateRemoveDatedRow exactly undo adds in any order (first/last are left alone)");
	for (int round = 0; round < 300; round++)
	{
		int			n = (int) RandBelow(200),
					keep = n ? (int) RandBelow((uint64_t) n + 1) : 0;

		RandRows(rows_a, n, round % 2 ? 100 : (int) RandBelow(101), RandBelow(2));
		Build(&a, rows_a, n);
		/* remove rows keep..n-1, in a shuffled order */
		memcpy(rows_b, rows_a + keep, sizeof(Row) * (n - keep));
		Shuffle(rows_b, n - keep);
		for (int i = 0; i < n - keep; i++)
		{
			if (rows_b[i].dated)
				StateRemoveDatedRow(&a, rows_b[i].w, rows_b[i].o, rows_b[i].ts);
			else
				StateRemoveRow(&a, rows_b[i].w, rows_b[i].o);
		}
		Build(&b, rows_a, keep);
		a.first_ended = b.first_ended;
		a.last_ended = b.last_ended;
		EXPECT(SameState(&a, &b), "round %d: n=%d keep=%d", round, n, keep);
	}
	CheckEnd();

	RandSeed(3102);
	CheckBegin("a million add/remove steps of a sliding frame leave no drift");
	{
		enum
		{
			FRAME = 64, STEPS = 1000000
		};
		Row			ring[FRAME];
		JssState	fresh;

		NewState(&a);
		for (int i = 0; i < STEPS; i++)
		{
			Row		   *r = &ring[i % FRAME];

			if (i >= FRAME)
				StateRemoveDatedRow(&a, r->w, r->o, r->ts);
			r->w = RandWeight();
			r->o = RandOutcome();
			r->ts = RandTimestampAnywhere();
			r->dated = true;
			EXPECT(StateAddDatedRow(&a, r->w, r->o, r->ts), "step %d refused", i);
		}
		Build(&fresh, ring, FRAME);
		a.first_ended = fresh.first_ended;
		a.last_ended = fresh.last_ended;
		EXPECT(SameState(&a, &fresh), "drift after %d steps", STEPS);
		EXPECT(StateCheck(&a) == NULL, "%s", StateCheck(&a));
	}
	CheckEnd();
}

/* Does the default score of s plus k perfect contracts reach target? (reference) */
static bool
RefReaches(const JssState *s, int64_t k, double target)
{
	JssState	t = *s;
	double		score;

	for (int64_t i = 0; i < k; i++)
		StateAddRow(&t, ONE, ONE);
	return StateScore(&t, JSS_PRIOR_WEIGHT, JSS_PRIOR_MEAN, JSS_MIN_CONTRACTS, &score) &&
		score >= target;
}

static void
TestContractsNeeded(void)
{
	JssState	a;
	int64_t		k;

	CheckBegin("StateContractsNeeded: k reaches the target and k - 1 does not (random small states)");
	for (int round = 0; round < 3000; round++)
	{
		int			n = (int) RandBelow(12);
		double		target = round % 10 == 0 ? 100.0 : 100.0 * RandUnit();
		int64_t		max_k = 1 + (int64_t) RandBelow(60);
		int64_t		least = n < 2 ? 2 - n : 0;

		NewState(&a);
		for (int i = 0; i < n; i++)
			StateAddRow(&a, RandBelow(4) ? ONE : RandWeight() % (4 * ONE), RandOutcome());
		if (target <= 0)
			target = 1;
		if (StateContractsNeeded(&a, target, max_k, &k))
		{
			EXPECT(k >= least && k <= max_k && RefReaches(&a, k, target) &&
				   (k == least || !RefReaches(&a, k - 1, target)),
				   "n %d target %.17g: k %lld", n, target, (long long) k);
		}
		else
			EXPECT(!RefReaches(&a, max_k, target), "n %d target %.17g max_k %lld: reachable",
				   n, target, (long long) max_k);
	}
	CheckEnd();

	CheckBegin("StateContractsNeeded near the bounds is quick (bisection, not a step per contract)");
	NewState(&a);
	StateAddRow(&a, (int64_t) JSS_MAX_WEIGHT * ONE, ONE);
	ScaleState(&a, JSS_MAX_CONTRACTS);
	/* a deficit below perfect */
	a.sum_wo_pos = Int128Sub(a.sum_wo_pos, Int128MulInt64(Int128Mul64(470728525925, ONE), ONE));
	{
		clock_t		started = clock();
		bool		found = StateContractsNeeded(&a, 99.99995718748997, INT32_MAX, &k);

		EXPECT(found && (double) (clock() - started) / CLOCKS_PER_SEC < 0.1,
			   "found %d in %.3f s", found, (double) (clock() - started) / CLOCKS_PER_SEC);
	}
	CheckEnd();
}

static void
TestContractBound(void)
{
	JssState	a,
				b,
				keep;

	CheckBegin("StateAddRow refuses the row past 2^40 and leaves the state unchanged");
	NewState(&a);
	StateAddDatedRow(&a, ONE, ONE, 100 * DAY);
	a.contracts = JSS_MAX_CONTRACTS - 1;
	EXPECT(StateCheck(&a) == NULL, "2^40-1 contracts rejected: %s", StateCheck(&a));
	EXPECT(StateAddRow(&a, ONE, -ONE), "row 2^40 refused");
	EXPECT(a.contracts == JSS_MAX_CONTRACTS && StateCheck(&a) == NULL, "at 2^40");
	keep = a;
	EXPECT(!StateAddRow(&a, ONE, ONE) && SameState(&a, &keep), "AddRow past 2^40");
	EXPECT(!StateAddRow(&a, 0, 0) && SameState(&a, &keep), "AddRow neutral past 2^40");
	EXPECT(!StateAddDatedRow(&a, ONE, ONE, 200 * DAY) && SameState(&a, &keep), "AddDatedRow past 2^40");
	EXPECT(!StateAddDatedRow(&a, ONE, ONE, -200 * DAY) && SameState(&a, &keep), "AddDatedRow (new first) past 2^40");
	CheckEnd();

	CheckBegin("StateMerge refuses a merge past 2^40 and leaves dst unchanged");
	NewState(&a);
	StateAddDatedRow(&a, ONE, ONE, 10 * DAY);
	a.contracts = JSS_MAX_CONTRACTS / 2;
	NewState(&b);
	StateAddDatedRow(&b, ONE, -ONE, 20 * DAY);
	b.contracts = JSS_MAX_CONTRACTS / 2;
	keep = a;
	EXPECT(StateMerge(&a, &b) && a.contracts == JSS_MAX_CONTRACTS && StateCheck(&a) == NULL, "2^39 + 2^39");
	keep = a;
	NewState(&b);
	StateAddDatedRow(&b, ONE, ONE, -5 * DAY);
	EXPECT(!StateMerge(&a, &b) && SameState(&a, &keep), "2^40 + 1");
	NewState(&a);
	StateAddRow(&a, ONE, ONE);
	a.contracts = JSS_MAX_CONTRACTS / 2 + 1;
	NewState(&b);
	StateAddDatedRow(&b, ONE, ONE, -5 * DAY);
	b.contracts = JSS_MAX_CONTRACTS / 2;
	keep = a;
	EXPECT(!StateMerge(&a, &b) && SameState(&a, &keep), "(2^39+1) + 2^39");
	NewState(&a);
	b.contracts = JSS_MAX_CONTRACTS;
	EXPECT(StateMerge(&a, &b) && a.contracts == JSS_MAX_CONTRACTS, "0 + 2^40");
	CheckEnd();

	/*
	 * States at the very bounds: 2^39 rows of weight 10^6 and outcome +1 at
	 * the last finite day, 2^39 of outcome -1 at the first.  Everything must
	 * pass StateCheck and every formula must run without overflow (UBSan).
	 */
	CheckBegin("states at the bounds (2^40 rows of weight 1e6 at the ends of time) are valid and do not overflow");
	{
		JssState	hi,
					lo,
					all,
					one;
		double		v,
					slope,
					t;
		int64_t		wmax = JssToFixed(JSS_MAX_WEIGHT);
		int64_t		xhi = JssDayNumber(JSS_END_TIMESTAMP - 1),
					xlo = JssDayNumber(JSS_MIN_TIMESTAMP);

		NewState(&hi);
		StateAddDatedRow(&hi, wmax, ONE, JSS_END_TIMESTAMP - 1);
		ScaleState(&hi, JSS_MAX_CONTRACTS / 2);
		NewState(&lo);
		StateAddDatedRow(&lo, wmax, -ONE, JSS_MIN_TIMESTAMP);
		ScaleState(&lo, JSS_MAX_CONTRACTS / 2);
		EXPECT(StateCheck(&hi) == NULL, "hi: %s", StateCheck(&hi));
		EXPECT(StateCheck(&lo) == NULL, "lo: %s", StateCheck(&lo));
		all = hi;
		EXPECT(StateMerge(&all, &lo) && StateCheck(&all) == NULL, "merged: %s", StateCheck(&all));
		EXPECT(StateScore(&all, 3, 1, 2, &v) && v >= 0 && v < 1e-12, "score %g", v);
		EXPECT(StateSatisfactionRatio(&all, &v) && v == 0.5, "ratio %g", v);
		EXPECT(StateTrendSlope(&all, &slope), "slope NULL");
		EXPECT(Near(slope, 91.3125L * 200 / (xhi - xlo), 1e-12L, 0), "slope %.17g", slope);
		EXPECT(StateTrendT(&all, &t) && t == INFINITY, "t %g (perfect rising fit)", t);
		EXPECT(StateNeedsReview(&all) == 1, "needs review (score ~0)");
		v = StateClientWeight(&all);
		EXPECT(isfinite(v) && v > 0 && v <= 1, "client weight %g", v);
		NewState(&one);
		StateAddRow(&one, ONE, ONE);
		EXPECT(!StateMerge(&all, &one), "one more row accepted");

		/* 2^40 rows at the last day, outcome +1: sum_woo = W*2^64 and sum_wxx = W*X^2 exactly */
		NewState(&hi);
		StateAddDatedRow(&hi, wmax, ONE, JSS_END_TIMESTAMP - 1);
		ScaleState(&hi, JSS_MAX_CONTRACTS);
		EXPECT(StateCheck(&hi) == NULL, "2^40 at end: %s", StateCheck(&hi));
		EXPECT(StateScore(&hi, 3, 1, 2, &v) && v == 100, "score %g", v);
		EXPECT(!StateTrendSlope(&hi, &v), "slope with Sxx = 0 is NULL");
		all = hi;
		Int192AddInt128(&all.sum_woo, I128(1));
		EXPECT(StateCheck(&all) != NULL, "sum_woo = W*2^64 + 1 accepted");
		all = hi;
		Int192AddInt128(&all.sum_wxx, I128(1));
		EXPECT(StateCheck(&all) != NULL, "sum_wxx = W*X^2 + 1 accepted");
		all = hi;
		all.sum_wx = Int128Add(all.sum_wx, I128(1));
		EXPECT(StateCheck(&all) != NULL, "sum_wx = W*X + 1 accepted");
		all = hi;
		Int192AddInt128(&all.sum_wxo, I128(1));
		EXPECT(StateCheck(&all) != NULL, "sum_wxo = W*X*2^32 + 1 accepted");
		all = hi;
		all.sum_w = Int128Add(all.sum_w, I128(1));
		EXPECT(StateCheck(&all) != NULL, "W = n*1e6 + 1 unit accepted");
	}
	CheckEnd();
}

/* ---- StateCheck on corrupted states ---- */

typedef struct Corruption
{
	const char *name;
	void		(*apply) (JssState *s);
} Corruption;

static JssInt128
I128Max(void)
{
	return Int128FromParts(INT64_MAX, UINT64_MAX);
}

static JssInt128
I128Min(void)
{
	return Int128FromParts(INT64_MIN, 0);
}

/* a * m + d */
static JssInt128
I128MulAdd(JssInt128 a, int64_t m, int64_t d)
{
	return Int128Add(Int128MulInt64(a, m), I128(d));
}

static void C_version0(JssState *s) { s->version = 0; }
static void C_version2(JssState *s) { s->version = 2; }
static void C_versionmax(JssState *s) { s->version = UINT16_MAX; }
static void C_flags(JssState *s) { s->flags = 1; }
static void C_flagshigh(JssState *s) { s->flags = 0x8000; }
static void C_contracts_neg(JssState *s) { s->contracts = -1; }
static void C_contracts_min(JssState *s) { s->contracts = INT64_MIN; }
static void C_contracts_big(JssState *s) { s->contracts = JSS_MAX_CONTRACTS + 1; }
static void C_contracts_max(JssState *s) { s->contracts = INT64_MAX; }
static void C_neutral_neg(JssState *s) { s->neutral = -1; }
static void C_neutral_over(JssState *s) { s->neutral = s->contracts + 1; }
static void C_neutral_min(JssState *s) { s->neutral = INT64_MIN; }
static void C_dated_neg(JssState *s) { s->dated = -1; }
static void C_dated_over(JssState *s) { s->dated = s->contracts + 1; }
static void C_dated_max(JssState *s) { s->dated = INT64_MAX; }
static void C_w_pos_gt_w(JssState *s) { s->sum_w_pos = I128MulAdd(s->sum_w, 1, 1); }
static void C_w_neg_neg(JssState *s) { s->sum_w_neg = I128(-1); }
static void C_w_pos_neg(JssState *s) { s->sum_w_pos = I128MulAdd(s->sum_w_pos, -1, -1); }
static void C_w_lt_parts(JssState *s) { s->sum_w = I128MulAdd(Int128Add(s->sum_w_pos, s->sum_w_neg), 1, -1); }
static void C_w_over_n(JssState *s) { s->sum_w = I128MulAdd(I128(s->contracts), JssToFixed(JSS_MAX_WEIGHT), 1); }
static void C_w_max(JssState *s) { s->sum_w = I128Max(); }
static void C_w_min(JssState *s) { s->sum_w = I128Min(); }
static void C_w_pos_max(JssState *s) { s->sum_w_pos = I128Max(); s->sum_w = I128Max(); }
static void C_w_neg_min(JssState *s) { s->sum_w_neg = I128Min(); }
static void C_wo_pos_over(JssState *s) { s->sum_wo_pos = I128MulAdd(s->sum_w_pos, ONE, 1); }
static void C_wo_pos_neg(JssState *s) { s->sum_wo_pos = I128(-1); }
static void C_wo_neg_over(JssState *s) { s->sum_wo_neg = I128MulAdd(s->sum_w_neg, ONE, 1); }
static void C_wo_neg_neg(JssState *s) { s->sum_wo_neg = I128(-1); }
static void C_wo_pos_max(JssState *s) { s->sum_wo_pos = I128Max(); }
static void C_wo_neg_min(JssState *s) { s->sum_wo_neg = I128Min(); }
static void C_all_neutral(JssState *s) { s->neutral = s->contracts; }
static void C_first_gt_last(JssState *s) { int64_t t = s->first_ended; s->first_ended = s->last_ended + 1; s->last_ended = t; }
static void C_first_low(JssState *s) { s->first_ended = JSS_MIN_TIMESTAMP - 1; }
static void C_first_min(JssState *s) { s->first_ended = INT64_MIN; }
static void C_last_end(JssState *s) { s->last_ended = JSS_END_TIMESTAMP; }
static void C_last_max(JssState *s) { s->last_ended = INT64_MAX; }
static void C_both_low(JssState *s) { s->first_ended = s->last_ended = JSS_MIN_TIMESTAMP - 1; }
static void C_both_high(JssState *s) { s->first_ended = s->last_ended = JSS_END_TIMESTAMP; }
static void C_wx_over(JssState *s) { s->sum_wx = I128MulAdd(s->sum_w, 2000, 1); }
static void C_wx_under(JssState *s) { s->sum_wx = I128MulAdd(s->sum_w, -2000, -1); }
static void C_wx_min(JssState *s) { s->sum_wx = I128Min(); }
static void C_wx_max(JssState *s) { s->sum_wx = I128Max(); }
static void C_wxx_neg(JssState *s) { s->sum_wxx = Int192FromInt128(I128(-1)); }
static void C_wxx_over(JssState *s) { s->sum_wxx = Int192FromInt128(I128MulAdd(s->sum_w, 2000 * 2000, 1)); }
static void C_wxx_top(JssState *s) { s->sum_wxx.limb[2] = INT64_MAX; }
static void C_wxx_min(JssState *s) { s->sum_wxx.limb[0] = 0; s->sum_wxx.limb[1] = 0; s->sum_wxx.limb[2] = UINT64_C(1) << 63; }
static void C_wxo_over(JssState *s) { s->sum_wxo = Int192FromInt128(I128MulAdd(s->sum_w, 2000 * ONE, 1)); }
static void C_wxo_under(JssState *s) { s->sum_wxo = Int192FromInt128(I128MulAdd(s->sum_w, -2000 * ONE, -1)); }
static void C_wxo_min(JssState *s) { s->sum_wxo.limb[0] = 0; s->sum_wxo.limb[1] = 0; s->sum_wxo.limb[2] = UINT64_C(1) << 63; }
static void C_woo_neg(JssState *s) { s->sum_woo = Int192FromInt128(I128(-1)); }
static void C_woo_over(JssState *s) { WideInt w = WideFromInt128(s->sum_w), p = WideFromInt128(Int128FromParts(1, 0)); p = WideMul(&w, &p); memcpy(s->sum_woo.limb, p.limb, 24); Int192AddInt128(&s->sum_woo, I128(1)); }
static void C_woo_top(JssState *s) { s->sum_woo.limb[2] = INT64_MAX; }
static void C_undated_first(JssState *s) { s->dated = 0; s->last_ended = 0; s->sum_wx = I128(0); s->sum_wxx = s->sum_wxo = s->sum_woo = Int192FromInt128(I128(0)); }
static void C_undated_last(JssState *s) { s->dated = 0; s->first_ended = 0; s->sum_wx = I128(0); s->sum_wxx = s->sum_wxo = s->sum_woo = Int192FromInt128(I128(0)); }
static void C_undated_wx(JssState *s) { s->dated = 0; s->first_ended = s->last_ended = 0; s->sum_wxx = s->sum_wxo = s->sum_woo = Int192FromInt128(I128(0)); }
static void C_undated_wxx(JssState *s) { s->dated = 0; s->first_ended = s->last_ended = 0; s->sum_wx = I128(0); s->sum_wxo = s->sum_woo = Int192FromInt128(I128(0)); }
static void C_undated_wxo(JssState *s) { s->dated = 0; s->first_ended = s->last_ended = 0; s->sum_wx = I128(0); s->sum_wxx = s->sum_woo = Int192FromInt128(I128(0)); }
static void C_undated_woo(JssState *s) { s->dated = 0; s->first_ended = s->last_ended = 0; s->sum_wx = I128(0); s->sum_wxx = s->sum_wxo = Int192FromInt128(I128(0)); }

static const Corruption corruptions[] = {
	{"version 0", C_version0},
	{"version 2", C_version2},
	{"version 65535", C_versionmax},
	{"flags 1", C_flags},
	{"flags 0x8000", C_flagshigh},
	{"contracts -1", C_contracts_neg},
	{"contracts INT64_MIN", C_contracts_min},
	{"contracts 2^40+1", C_contracts_big},
	{"contracts INT64_MAX", C_contracts_max},
	{"neutral -1", C_neutral_neg},
	{"neutral > n", C_neutral_over},
	{"neutral INT64_MIN", C_neutral_min},
	{"dated -1", C_dated_neg},
	{"dated > n", C_dated_over},
	{"dated INT64_MAX", C_dated_max},
	{"w_pos > w", C_w_pos_gt_w},
	{"w_neg -1", C_w_neg_neg},
	{"w_pos negative", C_w_pos_neg},
	{"w < w_pos + w_neg", C_w_lt_parts},
	{"w > n * 1e6", C_w_over_n},
	{"w INT128 max", C_w_max},
	{"w INT128 min", C_w_min},
	{"w_pos = w = INT128 max", C_w_pos_max},
	{"w_neg INT128 min", C_w_neg_min},
	{"wo_pos > w_pos * 2^32", C_wo_pos_over},
	{"wo_pos -1", C_wo_pos_neg},
	{"wo_neg > w_neg * 2^32", C_wo_neg_over},
	{"wo_neg -1", C_wo_neg_neg},
	{"wo_pos INT128 max", C_wo_pos_max},
	{"wo_neg INT128 min", C_wo_neg_min},
	{"non-neutral weight, all rows neutral", C_all_neutral},
	{"first > last", C_first_gt_last},
	{"first before PostgreSQL's range", C_first_low},
	{"first INT64_MIN", C_first_min},
	{"last = END_TIMESTAMP", C_last_end},
	{"last INT64_MAX", C_last_max},
	{"first = last before the range", C_both_low},
	{"first = last at END_TIMESTAMP", C_both_high},
	{"wx > W*X", C_wx_over},
	{"wx < -W*X", C_wx_under},
	{"wx INT128 min", C_wx_min},
	{"wx INT128 max", C_wx_max},
	{"wxx -1", C_wxx_neg},
	{"wxx > W*X^2", C_wxx_over},
	{"wxx near 2^191", C_wxx_top},
	{"wxx Int192 min", C_wxx_min},
	{"wxo > W*X*2^32", C_wxo_over},
	{"wxo < -W*X*2^32", C_wxo_under},
	{"wxo Int192 min", C_wxo_min},
	{"woo -1", C_woo_neg},
	{"woo > W*2^64", C_woo_over},
	{"woo near 2^191", C_woo_top},
	{"dated 0 with first", C_undated_first},
	{"dated 0 with last", C_undated_last},
	{"dated 0 with wx", C_undated_wx},
	{"dated 0 with wxx", C_undated_wxx},
	{"dated 0 with wxo", C_undated_wxo},
	{"dated 0 with woo", C_undated_woo},
};

/* Run every formula and merge on a state that StateCheck accepted (UBSan watches). */
static void
ExerciseAccepted(const JssState *s, const JssState *other)
{
	double		v;
	JssState	m = *other;
	JssState	self = *s;

	(void) StateScore(s, 3, 1, 2, &v);
	(void) StateScore(s, 0, 0, 1, &v);
	(void) StateSatisfactionRatio(s, &v);
	(void) StateTrendSlope(s, &v);
	(void) StateTrendT(s, &v);
	(void) StateNeedsReview(s);
	(void) StateClientWeight(s);
	if (StateMerge(&m, s))
		EXPECT(StateCheck(&m) == NULL, "valid + accepted state is invalid: %s", StateCheck(&m));
	if (StateMerge(&self, s))
		EXPECT(StateCheck(&self) == NULL, "accepted + itself is invalid: %s", StateCheck(&self));
}

static void
TestCheck(void)
{
	JssState	base,
				s;

	/* a base where every corruption above is a real change */
	NewState(&base);
	StateAddDatedRow(&base, JssToFixed(2.5), ONE, 1000 * DAY + 17);
	StateAddDatedRow(&base, JssToFixed(1.25), -JssToFixed(0.5), 1500 * DAY);
	StateAddDatedRow(&base, ONE, 0, 1200 * DAY);
	StateAddDatedRow(&base, JssToFixed(3), JssToFixed(0.75), 1900 * DAY);
	StateAddRow(&base, JssToFixed(2), -ONE);

	CheckBegin("each corrupted field is rejected with a message");
	EXPECT(StateCheck(&base) == NULL, "base rejected: %s", StateCheck(&base));
	for (size_t i = 0; i < sizeof(corruptions) / sizeof(corruptions[0]); i++)
	{
		const char *msg;

		s = base;
		corruptions[i].apply(&s);
		EXPECT(!SameState(&s, &base), "%s: no change", corruptions[i].name);
		msg = StateCheck(&s);
		EXPECT(msg != NULL && msg[0] != '\0', "%s accepted", corruptions[i].name);
	}
	CheckEnd();

	CheckBegin("StateCheck accepts the exact bounds that rows reach (all rows on one day)");
	NewState(&s);
	for (int i = 0; i < 5; i++)
		StateAddDatedRow(&s, JssToFixed(JSS_MAX_WEIGHT), -ONE, JSS_MIN_TIMESTAMP + i);
	EXPECT(StateCheck(&s) == NULL, "%s", StateCheck(&s));
	EXPECT(I128Eq(s.sum_wx, Int128MulInt64(s.sum_w, -2451545)), "sum_wx at -W*X");
	NewState(&s);
	for (int i = 0; i < 5; i++)
		StateAddDatedRow(&s, JssToFixed(JSS_MAX_WEIGHT), ONE, JSS_END_TIMESTAMP - 1 - i);
	EXPECT(StateCheck(&s) == NULL, "%s", StateCheck(&s));
	CheckEnd();

	/*
	 * Second moments that no rows can give, although every sum is inside
	 * its bound: with every row dated, the moment matrix of (1, x, o) must
	 * be positive semidefinite (Sxx >= 0, Syy >= 0, Sxx*Syy >= Sxy^2), and
	 * sum w*o^2 <= sum w*|o| since |o| <= 1.  Accepting such a state gives
	 * wrong answers: t = -Infinity for noisy data, slope NULL, and so
	 * jss_needs_review flips.
	 */
	CheckBegin("StateCheck rejects second moments that no rows could produce");
	{
		JssState	line,
					t;
		double		tv;
		char		text[JSS_STATE_TEXT_LEN];

		/* noisy rows, all dated, scores high: t finite */
		NewState(&s);
		StateAddDatedRow(&s, ONE, ONE, 9000 * DAY);
		StateAddDatedRow(&s, ONE, JssToFixed(0.5), 9001 * DAY);
		StateAddDatedRow(&s, ONE, ONE, 9002 * DAY);
		StateAddDatedRow(&s, ONE, JssToFixed(0.25), 9003 * DAY);
		StateAddDatedRow(&s, ONE, JssToFixed(0.75), 9004 * DAY);
		EXPECT(StateCheck(&s) == NULL, "base: %s", StateCheck(&s));
		EXPECT(StateTrendT(&s, &tv) && isfinite(tv), "base t %g", tv);

		t = s;
		t.sum_woo = Int192FromInt128(I128(0));	/* Syy < 0 */
		EXPECT(StateCheck(&t) != NULL, "woo = 0 with non-neutral rows accepted (t would be %s)",
			   StateTrendT(&t, &tv) ? (tv < 0 ? "negative" : "positive") : "NULL");
		StateFormatText(&t, text);
		EXPECT(StateParseText(text, &t) != NULL, "woo = 0 accepted as text: %s", text);

		t = s;
		t.sum_wxx = Int192FromInt128(I128(0));	/* Sxx < 0 */
		EXPECT(StateCheck(&t) != NULL, "wxx = 0 with dated rows away from day 0 accepted");

		/* a perfect line: Sxx*Syy = Sxy^2; one unit more |Sxy| or less Syy breaks it */
		NewState(&line);
		for (int k = 0; k < 5; k++)
			StateAddDatedRow(&line, ONE, ONE - k * (ONE / 8), (9000 + k) * DAY);
		EXPECT(StateCheck(&line) == NULL, "line: %s", StateCheck(&line));
		t = line;
		Int192AddInt128(&t.sum_wxo, I128(-1));	/* slope is negative: this makes |Sxy| larger */
		EXPECT(StateCheck(&t) != NULL, "Sxy^2 > Sxx*Syy accepted");
		t = line;
		Int192AddInt128(&t.sum_woo, I128(-1));
		EXPECT(StateCheck(&t) != NULL, "Syy below the perfect fit accepted");

		/* outcomes +-1: sum w*o^2 = sum w*|o| * 2^32 exactly; one more is impossible */
		NewState(&t);
		StateAddDatedRow(&t, ONE, ONE, 10 * DAY);
		StateAddDatedRow(&t, ONE, -ONE, 20 * DAY);
		StateAddRow(&t, ONE, 0);	/* not every row dated */
		EXPECT(StateCheck(&t) == NULL, "+-1: %s", StateCheck(&t));
		Int192AddInt128(&t.sum_woo, I128(1));
		EXPECT(StateCheck(&t) != NULL, "woo > (wo_pos + wo_neg) * 2^32 accepted");
	}
	CheckEnd();

	RandSeed(4001);
	CheckBegin("random field corruptions never crash; accepted ones merge into valid states");
	for (int round = 0; round < 20000; round++)
	{
		unsigned char *bytes = (unsigned char *) &s;
		int			nflips = 1 + (int) RandBelow(3);
		int			n = (int) RandBelow(20);

		RandRows(rows_a, n, (int) RandBelow(101), RandBelow(2));
		Build(&s, rows_a, n);
		for (int f = 0; f < nflips; f++)
		{
			size_t		at = 4 + RandBelow(sizeof(JssState) - 4);

			switch (RandBelow(4))
			{
				case 0:
					bytes[at] ^= (unsigned char) (1u << RandBelow(8));
					break;
				case 1:
					bytes[at] = (unsigned char) RandU64();
					break;
				case 2:
					bytes[at] = (unsigned char) (bytes[at] + (RandBelow(2) ? 1 : -1));
					break;
				default:
					/* a whole aligned 8-byte word to an edge value */
					at = 8 + 8 * RandBelow((sizeof(JssState) - 8) / 8);
					{
						static const uint64_t edges[] = {0, 1, UINT64_MAX, INT64_MAX, (uint64_t) INT64_MIN,
						(uint64_t) JSS_MAX_CONTRACTS, (uint64_t) JSS_END_TIMESTAMP, (uint64_t) JSS_MIN_TIMESTAMP};
						uint64_t	e = edges[RandBelow(8)];

						memcpy(bytes + at, &e, 8);
					}
					break;
			}
		}
		if (StateCheck(&s) == NULL)
			ExerciseAccepted(&s, &base);
	}
	CheckEnd();
}

/* ---- formulas ---- */

static void
BuildRows(JssState *s, const Row *rows, int n)
{
	EXPECT(Build(s, rows, n), "add refused");
}

static Row
R(double o, double w, int64_t day)
{
	Row			r;

	r.o = JssToFixed(o);
	r.w = JssToFixed(w);
	r.ts = day * DAY;
	r.dated = true;
	return r;
}

static void
TestWorkedExamples(void)
{
	JssState	s;
	Row			rows[16];
	double		v;

	CheckBegin("worked example: score over {1 x9, -1} = 100*11/13");
	for (int i = 0; i < 10; i++)
		rows[i] = R(i < 9 ? 1 : -1, 1, 0);
	BuildRows(&s, rows, 10);
	/* the casts round away x87's excess precision (i386) */
	EXPECT(StateScore(&s, 3, 1, 2, &v) && v == (double) (100.0 * (double) (11.0 / 13.0)),
		   "got %.17g", v);
	EXPECT(fabs(v - 84.61538462) < 5e-9, "got %.17g", v);
	CheckEnd();

	CheckBegin("worked example: score over {-1} is NULL, {-1,-1} = 20, {-1 x4} = 0");
	rows[0] = R(-1, 1, 0);
	rows[1] = R(-1, 1, 0);
	rows[2] = R(-1, 1, 0);
	rows[3] = R(-1, 1, 0);
	BuildRows(&s, rows, 1);
	EXPECT(!StateScore(&s, 3, 1, 2, &v), "n=1 not NULL");
	BuildRows(&s, rows, 2);
	EXPECT(StateScore(&s, 3, 1, 2, &v) && v == 20.0, "got %.17g", v);
	BuildRows(&s, rows, 4);
	EXPECT(StateScore(&s, 3, 1, 2, &v) && v == 0.0, "got %.17g", v);
	CheckEnd();

	CheckBegin("worked example: satisfaction ratio of {1, 0.5, -0.2, 0} weights {1, 2, 1, 5} = 0.75");
	rows[0] = R(1, 1, 0);
	rows[1] = R(0.5, 2, 0);
	rows[2] = R(-0.2, 1, 0);
	rows[3] = R(0, 5, 0);
	BuildRows(&s, rows, 4);
	EXPECT(StateSatisfactionRatio(&s, &v) && v == 0.75, "got %.17g", v);
	CheckEnd();

	CheckBegin("worked example: client weight of {1, -1, -1} = 0.75; empty = 1");
	rows[0] = R(1, 1, 0);
	rows[1] = R(-1, 1, 0);
	rows[2] = R(-1, 1, 0);
	BuildRows(&s, rows, 3);
	EXPECT(StateClientWeight(&s) == 0.75, "got %.17g", StateClientWeight(&s));
	NewState(&s);
	EXPECT(StateClientWeight(&s) == 1.0, "empty: %.17g", StateClientWeight(&s));
	CheckEnd();

	CheckBegin("worked example: trend slope of (-1, 2026-01-01), (0, 2026-01-31), (1, 2026-03-02) = 304.375");
	EXPECT(RefDaysFromCivil(2026, 1, 31) == 9527 && RefDaysFromCivil(2026, 3, 2) == 9557, "day numbers");
	rows[0] = R(-1, 1, 9497);
	rows[1] = R(0, 1, 9527);
	rows[2] = R(1, 1, 9557);
	BuildRows(&s, rows, 3);
	EXPECT(StateTrendSlope(&s, &v) && v == 304.375, "got %.17g", v);
	/* the same with times inside the day: day numbers are floored */
	for (int i = 0; i < 3; i++)
		rows[i].ts += DAY - 1;
	BuildRows(&s, rows, 3);
	EXPECT(StateTrendSlope(&s, &v) && v == 304.375, "within the day: got %.17g", v);
	CheckEnd();
}

static void
TestFormulasNull(void)
{
	JssState	s;
	Row			rows[8];
	double		v = 0;

	CheckBegin("score: NULL below min_contracts or when W + K = 0; K and m apply");
	NewState(&s);
	EXPECT(!StateScore(&s, 3, 1, 2, &v), "empty");
	rows[0] = R(1, 0, 0);
	rows[1] = R(-1, 0, 0);
	BuildRows(&s, rows, 2);
	EXPECT(StateScore(&s, 3, 1, 2, &v) && v == 100, "W = 0, K = 3: %g", v);
	EXPECT(!StateScore(&s, 0, 1, 2, &v), "W = 0, K = 0 must be NULL");
	EXPECT(!StateScore(&s, 3, 1, 3, &v), "n < min_contracts");
	rows[0] = R(0.5, 1, 0);
	rows[1] = R(0.5, 1, 0);
	BuildRows(&s, rows, 2);
	EXPECT(StateScore(&s, 0, 0, 1, &v) && v == 50, "K=0: %g", v);
	EXPECT(StateScore(&s, 2, 0, 1, &v) && v == 25, "K=2 m=0: %g", v);
	CheckEnd();

	CheckBegin("ratio: NULL when S + D = 0");
	NewState(&s);
	EXPECT(!StateSatisfactionRatio(&s, &v), "empty");
	rows[0] = R(0, 1, 0);
	rows[1] = R(1, 0, 0);
	rows[2] = R(-1, 0, 0);
	BuildRows(&s, rows, 3);
	EXPECT(!StateSatisfactionRatio(&s, &v), "neutral and zero weights");
	CheckEnd();

	CheckBegin("slope and t: NULL for n < 2, undated rows, W = 0, Sxx = 0; t NULL for n < 3");
	rows[0] = R(1, 1, 10);
	rows[1] = R(-1, 1, 20);
	rows[2] = R(0.5, 1, 30);
	BuildRows(&s, rows, 1);
	EXPECT(!StateTrendSlope(&s, &v), "n=1");
	BuildRows(&s, rows, 2);
	EXPECT(StateTrendSlope(&s, &v) && v == 91.3125 * -20, "n=2: %.17g", v);
	EXPECT(!StateTrendT(&s, &v), "t with n=2");
	StateAddRow(&s, ONE, ONE);
	EXPECT(!StateTrendSlope(&s, &v) && !StateTrendT(&s, &v), "an undated row");
	rows[0] = R(1, 0, 10);
	rows[1] = R(-1, 0, 20);
	BuildRows(&s, rows, 2);
	EXPECT(!StateTrendSlope(&s, &v), "W = 0");
	rows[0] = R(1, 1, 10);
	rows[1] = R(-1, 1, 10);
	rows[2] = R(-1, 3, 10);
	BuildRows(&s, rows, 3);
	EXPECT(!StateTrendSlope(&s, &v) && !StateTrendT(&s, &v), "one day: Sxx = 0");
	rows[1] = R(-1, 0, 99);	/* weight 0 elsewhere: still Sxx = 0 */
	BuildRows(&s, rows, 3);
	EXPECT(!StateTrendSlope(&s, &v), "zero-weight row on another day");
	CheckEnd();

	CheckBegin("t: a perfect falling line is -Infinity, rising +Infinity, flat NULL");
	{
		Row			line[17];
		int64_t		x0 = 12345;

		for (int k = 0; k <= 16; k++)
		{
			line[k] = R(1 - k / 8.0, 1 + (k % 3), x0 + 7 * k);
		}
		BuildRows(&s, line, 17);
		EXPECT(StateTrendT(&s, &v) && v == -INFINITY, "falling: %g", v);
		EXPECT(StateTrendSlope(&s, &v) && Near(v, 91.3125L * 100 * (-1.0L / 8) / 7, 1e-14L, 0), "slope %.17g", v);
		for (int k = 0; k <= 16; k++)
			line[k].ts = (x0 - 7 * k) * DAY;
		BuildRows(&s, line, 17);
		EXPECT(StateTrendT(&s, &v) && v == INFINITY, "rising: %g", v);
		for (int k = 0; k <= 16; k++)
			line[k].o = JssToFixed(0.25);
		BuildRows(&s, line, 17);
		EXPECT(!StateTrendT(&s, &v), "flat perfect line must be NULL, got %g", v);
		EXPECT(StateTrendSlope(&s, &v) && v == 0, "flat slope %g", v);
	}
	CheckEnd();

	CheckBegin("needs review: NULL without a score, score < 70, or n >= 5 with a steep significant fall");
	{
		Row			fall[5];

		rows[0] = R(1, 1, 0);
		BuildRows(&s, rows, 1);
		EXPECT(StateNeedsReview(&s) == -1, "n=1");
		rows[0] = R(-1, 1, 0);
		rows[1] = R(-1, 1, 1);
		BuildRows(&s, rows, 2);
		EXPECT(StateNeedsReview(&s) == 1, "score 20");
		/* a perfect fall of 1/32 a day from 1: score 96, slope -285, t = -inf */
		for (int k = 0; k < 5; k++)
			fall[k] = R(1 - k / 32.0, 1, 9000 + k);
		BuildRows(&s, fall, 5);
		EXPECT(StateScore(&s, 3, 1, 2, &v) && v > 90, "score %g", v);
		EXPECT(StateNeedsReview(&s) == 1, "perfect fall, n=5");
		BuildRows(&s, fall, 4);
		EXPECT(StateNeedsReview(&s) == 0, "perfect fall, n=4");
		for (int k = 0; k < 5; k++)
			fall[k].ts = (9000 - k) * DAY;
		BuildRows(&s, fall, 5);
		EXPECT(StateNeedsReview(&s) == 0, "rise, n=5");
		/* the fall spread over years: slope above -5 per quarter */
		for (int k = 0; k < 5; k++)
			fall[k].ts = (9000 + 700 * k) * DAY;
		BuildRows(&s, fall, 5);
		EXPECT(StateTrendSlope(&s, &v) && v > -5, "slow slope %g", v);
		EXPECT(StateNeedsReview(&s) == 0, "slow fall");
		/* undated rows: no trend, score alone */
		StateAddRow(&s, ONE, ONE);
		EXPECT(StateNeedsReview(&s) == 0, "undated");
	}
	CheckEnd();
}

static void
TestFormulasRandom(void)
{
	JssState	s;

	RandSeed(5001);
	CheckBegin("StateScore equals 100*clamp((N+Km)/(W+K)) in long double within 1e-9 points");
	for (int round = 0; round < 3000; round++)
	{
		int			n = 2 + (int) RandBelow(100);
		double		k = round % 3 == 0 ? 3 : RandUnit() * 10,
					m = round % 3 == 0 ? 1 : RandUnit(),
					v;
		int64_t		minc = 1 + (int64_t) RandBelow(4);
		Ref			r;

		RandRows(rows_a, n, 50, false);
		if (round % 2)
			for (int i = 0; i < n; i++)
				rows_a[i].w = RandBelow(4) ? ONE : JssToFixed(RandUnit() * 3);
		Build(&s, rows_a, n);
		r = RefOf(rows_a, n);
		if (n < minc || r.W + k == 0)
			EXPECT(!StateScore(&s, k, m, minc, &v), "round %d: not NULL", round);
		else
		{
			long double want = RefScore(&r, k, m);

			EXPECT(StateScore(&s, k, m, minc, &v) && fabsl(v - want) <= 1e-9L,
				   "round %d: got %.17g want %.17Lg", round, v, want);
		}
	}
	CheckEnd();

	RandSeed(5002);
	CheckBegin("StateSatisfactionRatio and StateClientWeight equal long double within 1e-15 relative");
	for (int round = 0; round < 3000; round++)
	{
		int			n = 1 + (int) RandBelow(100);
		double		v;
		Ref			r;

		RandRows(rows_a, n, 50, false);
		if (round % 2)
			for (int i = 0; i < n; i++)
				rows_a[i].w = ONE;
		Build(&s, rows_a, n);
		r = RefOf(rows_a, n);
		if (r.S + r.D == 0)
			EXPECT(!StateSatisfactionRatio(&s, &v), "round %d: not NULL", round);
		else
			EXPECT(StateSatisfactionRatio(&s, &v) && Near(v, r.S / (r.S + r.D), 1e-15L, 0),
				   "round %d: got %.17g want %.17Lg", round, v, r.S / (r.S + r.D));
		if (round % 2)
		{
			long double want = (r.G + 5) / (r.G + r.P + 5);

			EXPECT(Near(StateClientWeight(&s), want, 1e-15L, 0), "round %d: client weight %.17g want %.17Lg",
				   round, StateClientWeight(&s), want);
		}
	}
	CheckEnd();

	RandSeed(5003);
	CheckBegin("StateTrendSlope equals centred weighted least squares in long double (1e-9 relative)");
	for (int round = 0; round < 3000; round++)
	{
		int			n = 2 + (int) RandBelow(200);
		double		v;
		Ref			r;

		RandRows(rows_a, n, 100, true);
		Build(&s, rows_a, n);
		r = RefOf(rows_a, n);
		if (isnan(r.slope))
			EXPECT(!StateTrendSlope(&s, &v), "round %d: not NULL", round);
		else
			EXPECT(StateTrendSlope(&s, &v) && Near(v, r.slope, 1e-9L, 1e-9L),
				   "round %d: got %.17g want %.17Lg", round, v, r.slope);
	}
	CheckEnd();

	RandSeed(5004);
	CheckBegin("StateTrendT equals the long double t-statistic on noisy data (1e-9 relative)");
	for (int round = 0; round < 3000; round++)
	{
		int			n = 3 + (int) RandBelow(200);
		double		v,
					a = RandUnit() * 2 - 1,
					b = (RandUnit() * 2 - 1) / 300,
					noise = RandUnit() * 0.5;
		int64_t		x0 = RandRange(-2000000, 100000000);
		Ref			r;

		for (int i = 0; i < n; i++)
		{
			int64_t		dx = RandRange(0, 600);
			double		o = a + b * (double) dx + noise * (RandUnit() * 2 - 1);

			o = o > 1 ? 1 : o < -1 ? -1 : o;
			rows_a[i] = R(o, RandBelow(2) ? 1 : RandUnit() * 5, x0 + dx);
		}
		Build(&s, rows_a, n);
		r = RefOf(rows_a, n);
		if (isnan(r.t))
			EXPECT(!StateTrendT(&s, &v), "round %d: not NULL", round);
		else if (isinf(r.t))
			EXPECT(StateTrendT(&s, &v) && v == r.t, "round %d: got %g want %Lg", round, v, r.t);
		else
			EXPECT(StateTrendT(&s, &v) && Near(v, r.t, 1e-9L, 1e-9L),
				   "round %d: got %.17g want %.17Lg", round, v, r.t);
	}
	CheckEnd();

	RandSeed(5005);
	CheckBegin("StateNeedsReview agrees with the long double score, slope and t");
	for (int round = 0; round < 3000; round++)
	{
		int			n = 1 + (int) RandBelow(30);
		double		a = 0.6 + RandUnit() * 0.4,
					b = -RandUnit() / 30,
					noise = RandUnit() * 0.2;
		int64_t		x0 = RandRange(0, 20000);
		Ref			r;
		long double score;
		int			want;

		for (int i = 0; i < n; i++)
		{
			int64_t		dx = RandRange(0, 60);
			double		o = a + b * (double) dx + noise * (RandUnit() * 2 - 1);

			o = o > 1 ? 1 : o < -1 ? -1 : o;
			rows_a[i] = R(o, 1, x0 + dx);
		}
		Build(&s, rows_a, n);
		r = RefOf(rows_a, n);
		if (n < 2)
			want = -1;
		else
		{
			score = RefScore(&r, 3, 1);
			if (fabsl(score - 70) < 1e-6L || fabsl(r.slope + 5) < 1e-6L || fabsl(r.t + 2) < 1e-6L)
				continue;		/* too close to a threshold to judge */
			want = score < 70 || (n >= 5 && r.slope <= -5 && r.t <= -2);
		}
		EXPECT(StateNeedsReview(&s) == want, "round %d: got %d want %d", round, StateNeedsReview(&s), want);
	}
	CheckEnd();

	RandSeed(5006);
	CheckBegin("shifting every ended_at by whole days leaves slope and t bit-identical");
	for (int round = 0; round < 1000; round++)
	{
		int			n = 3 + (int) RandBelow(50);
		double		s1,
					s2,
					t1 = 0,
					t2 = 0;
		int64_t		shift = RandRange(-2000000, 2000000) * DAY;
		JssState	moved;
		bool		ok1,
					ok2;

		RandRows(rows_a, n, 100, true);
		for (int i = 0; i < n; i++)
			rows_a[i].ts = RandRange(0, 400 * DAY) + 30000 * DAY;
		Build(&s, rows_a, n);
		for (int i = 0; i < n; i++)
			rows_a[i].ts += shift;
		Build(&moved, rows_a, n);
		ok1 = StateTrendSlope(&s, &s1);
		ok2 = StateTrendSlope(&moved, &s2);
		EXPECT(ok1 == ok2 && (!ok1 || memcmp(&s1, &s2, sizeof(double)) == 0),
			   "round %d: %.17g vs %.17g", round, s1, s2);
		ok1 = StateTrendT(&s, &t1);
		ok2 = StateTrendT(&moved, &t2);
		EXPECT(ok1 == ok2 && (!ok1 || memcmp(&t1, &t2, sizeof(double)) == 0),
			   "round %d: t %.17g vs %.17g", round, t1, t2);
	}
	CheckEnd();
}

/*
 * Ill-conditioned data: many rows two days apart around year 200000 (and
 * 4000 BC).  x^2 is about 5e15 while Sxx per row is 1: float sums would lose
 * everything, exact sums give the exact slope (mean at day 2 minus mean at
 * day 0, over 2 days).
 */
static void
TestIllConditioned(void)
{
	JssState	s;

	RandSeed(6001);
	CheckBegin("ill-conditioned data (two days apart, year 200000 and 4000 BC) gives the exact slope");
	for (int round = 0; round < 40; round++)
	{
		int64_t		x0 = round % 2 ? RefDaysFromCivil(200000, 3, 1) + round : RefDaysFromCivil(-4000, 6, 1) - round;
		int			n = 2000 + (int) RandBelow(8000);
		JssInt128	w0 = I128(0),
					wo0 = I128(0),
					w2 = I128(0),
					wo2 = I128(0);
		long double mean0,
					mean2,
					want;
		double		v;
		static const double outs[] = {-1, -0.5, 0.25, 0.125, 1, 0.75, -0.875, 0};

		for (int i = 0; i < n; i++)
		{
			bool		later = i % 2;
			double		o = outs[RandBelow(4) + (later ? 4 : 0)];
			Row			r = R(o, RandUnit() * 3 + 0.5, x0 + (later ? 2 : 0));

			r.ts += RandRange(0, DAY - 1);	/* microseconds inside the day */
			rows_a[i] = r;
			if (later)
			{
				w2 = Int128Add(w2, I128(r.w));
				wo2 = Int128Add(wo2, Int128Mul64(r.w, r.o));
			}
			else
			{
				w0 = Int128Add(w0, I128(r.w));
				wo0 = Int128Add(wo0, Int128Mul64(r.w, r.o));
			}
		}
		Shuffle(rows_a, n);
		Build(&s, rows_a, n);
		mean0 = ldexpl(I128ToLongDouble(wo0), -32) / I128ToLongDouble(w0);
		mean2 = ldexpl(I128ToLongDouble(wo2), -32) / I128ToLongDouble(w2);
		want = 91.3125L * 100 * (mean2 - mean0) / 2;
		EXPECT(StateTrendSlope(&s, &v) && Near(v, want, 1e-12L, 1e-12L),
			   "round %d x0=%lld: got %.17g want %.17Lg", round, (long long) x0, v, want);
	}
	CheckEnd();
}

void
TestState(void)
{
	TestFixedAndDays();
	TestAccumulate();
	TestRemove();
	TestContractBound();
	TestContractsNeeded();
	TestCheck();
	TestWorkedExamples();
	TestFormulasNull();
	TestFormulasRandom();
	TestIllConditioned();
}
