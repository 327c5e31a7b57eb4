/*-------------------------------------------------------------------------
 *
 * unit.c
 *	  The harness (named checks, PRNG), the reference bignum and main().
 *
 * main() runs every suite, printing "ok   <check>" or "FAIL <check>" (after
 * the details of its first few failures) for each named check, and ends
 * with exactly one line, "N passed, M failed"; it exits 1 if M > 0.
 *
 *-------------------------------------------------------------------------
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

long		unit_passed = 0;
long		unit_failed = 0;

static const char *check_name = NULL;
static long check_failures = 0;

#define MAX_REPORTED_PER_CHECK 5

/* Start a named check. */
void
CheckBegin(const char *name)
{
	check_name = name;
	check_failures = 0;
}

/* Record one failed expectation of the current check. */
void
CheckFail(const char *file, int line, const char *cond, const char *fmt, ...)
{
	va_list		ap;

	check_failures++;
	if (check_failures > MAX_REPORTED_PER_CHECK)
		return;
	printf("  %s:%d: %s: ", file, line, cond);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* End the current check; count it once. */
bool
CheckEnd(void)
{
	bool		ok = check_failures == 0;

	if (ok)
	{
		unit_passed++;
		printf("ok   %s\n", check_name);
	}
	else
	{
		unit_failed++;
		printf("FAIL %s (%ld failure%s)\n", check_name, check_failures, check_failures == 1 ? "" : "s");
	}
	check_name = NULL;
	check_failures = 0;
	return ok;
}

/* ---- PRNG ---- */

static uint64_t rand_state = UINT64_C(0x9E3779B97F4A7C15);

void
RandSeed(uint64_t seed)
{
	rand_state = seed ? seed : UINT64_C(0x9E3779B97F4A7C15);
}

uint64_t
RandU64(void)
{
	rand_state ^= rand_state >> 12;
	rand_state ^= rand_state << 25;
	rand_state ^= rand_state >> 27;
	return rand_state * UINT64_C(2685821657736338717);
}

uint64_t
RandBelow(uint64_t n)
{
	return UInt128Hi(UInt128Mul64(RandU64(), n));
}

int64_t
RandRange(int64_t lo, int64_t hi)
{
	uint64_t	span = (uint64_t) hi - (uint64_t) lo;

	if (span == UINT64_MAX)
		return (int64_t) RandU64();
	return (int64_t) ((uint64_t) lo + RandBelow(span + 1));
}

double
RandUnit(void)
{
	return (double) (RandU64() >> 11) * 0x1p-53;
}

/* ---- reference bignum ---- */

static void
BigTrim(Big *a)
{
	while (a->n > 0 && a->d[a->n - 1] == 0)
		a->n--;
	if (a->n == 0)
		a->neg = 0;
}

static void
BigOverflow(void)
{
	fprintf(stderr, "reference bignum overflow\n");
	abort();
}

Big
BigFromU64(uint64_t v)
{
	Big			r;

	memset(&r, 0, sizeof(r));
	while (v != 0)
	{
		r.d[r.n++] = (uint32_t) (v % BIG_BASE);
		v /= BIG_BASE;
	}
	return r;
}

Big
BigFromI64(int64_t v)
{
	Big			r = BigFromU64(v < 0 ? -(uint64_t) v : (uint64_t) v);

	r.neg = v < 0 && r.n > 0;
	return r;
}

Big
BigFromI128(JssInt128 v)
{
	uint64_t	limb[2] = {Int128Lo(v), (uint64_t) Int128Hi(v)};

	return BigFromLimbs(limb, 2, true);
}

/* |a| vs |b| */
static int
MagCmp(const Big *a, const Big *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->d[i] != b->d[i])
			return a->d[i] < b->d[i] ? -1 : 1;
	return 0;
}

/* |a| + |b|, non-negative */
static Big
MagAdd(const Big *a, const Big *b)
{
	Big			r;
	uint32_t	carry = 0;
	int			n = a->n > b->n ? a->n : b->n;

	memset(&r, 0, sizeof(r));
	for (int i = 0; i < n; i++)
	{
		uint32_t	s = carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);

		carry = s >= BIG_BASE;
		r.d[i] = s - (carry ? BIG_BASE : 0);
	}
	r.n = n;
	if (carry)
	{
		if (n >= BIG_MAX_LIMBS)
			BigOverflow();
		r.d[r.n++] = carry;
	}
	BigTrim(&r);
	return r;
}

/* |a| - |b| for |a| >= |b|, non-negative */
static Big
MagSub(const Big *a, const Big *b)
{
	Big			r;
	int64_t		borrow = 0;

	memset(&r, 0, sizeof(r));
	for (int i = 0; i < a->n; i++)
	{
		int64_t		s = (int64_t) a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;

		borrow = s < 0;
		r.d[i] = (uint32_t) (s + (borrow ? BIG_BASE : 0));
	}
	r.n = a->n;
	BigTrim(&r);
	return r;
}

Big
BigAdd(const Big *a, const Big *b)
{
	Big			r;

	if (a->neg == b->neg)
	{
		r = MagAdd(a, b);
		r.neg = a->neg && r.n > 0;
	}
	else if (MagCmp(a, b) >= 0)
	{
		r = MagSub(a, b);
		r.neg = a->neg && r.n > 0;
	}
	else
	{
		r = MagSub(b, a);
		r.neg = b->neg && r.n > 0;
	}
	return r;
}

Big
BigNeg(const Big *a)
{
	Big			r = *a;

	r.neg = !a->neg && a->n > 0;
	return r;
}

Big
BigAbs(const Big *a)
{
	Big			r = *a;

	r.neg = 0;
	return r;
}

Big
BigSub(const Big *a, const Big *b)
{
	Big			nb = BigNeg(b);

	return BigAdd(a, &nb);
}

Big
BigMul(const Big *a, const Big *b)
{
	Big			r;

	memset(&r, 0, sizeof(r));
	if (a->n == 0 || b->n == 0)
		return r;
	if (a->n + b->n > BIG_MAX_LIMBS)
		BigOverflow();
	for (int i = 0; i < a->n; i++)
	{
		uint64_t	carry = 0;

		for (int j = 0; j < b->n; j++)
		{
			uint64_t	t = (uint64_t) a->d[i] * b->d[j] + r.d[i + j] + carry;

			r.d[i + j] = (uint32_t) (t % BIG_BASE);
			carry = t / BIG_BASE;
		}
		for (int k = i + b->n; carry != 0; k++)
		{
			uint64_t	t = r.d[k] + carry;

			r.d[k] = (uint32_t) (t % BIG_BASE);
			carry = t / BIG_BASE;
		}
	}
	r.n = a->n + b->n;
	r.neg = a->neg != b->neg;
	BigTrim(&r);
	return r;
}

int
BigCmp(const Big *a, const Big *b)
{
	if (a->neg != b->neg)
		return a->neg ? -1 : 1;
	return a->neg ? -MagCmp(a, b) : MagCmp(a, b);
}

bool
BigIsZero(const Big *a)
{
	return a->n == 0;
}

Big
BigPow2(int k)
{
	Big			r = BigFromU64(1);
	Big			two32 = BigFromU64(UINT64_C(1) << 32);

	while (k >= 32)
	{
		r = BigMul(&r, &two32);
		k -= 32;
	}
	{
		Big			rest = BigFromU64(UINT64_C(1) << k);

		r = BigMul(&r, &rest);
	}
	return r;
}

Big
BigFromLimbs(const uint64_t *limb, int n, bool is_signed)
{
	Big			r = BigFromU64(0);
	Big			two64 = BigPow2(64);

	for (int i = n - 1; i >= 0; i--)
	{
		Big			l = BigFromU64(limb[i]);

		r = BigMul(&r, &two64);
		r = BigAdd(&r, &l);
	}
	if (is_signed && (limb[n - 1] >> 63) != 0)
	{
		Big			m = BigPow2(64 * n);

		r = BigSub(&r, &m);
	}
	return r;
}

Big
BigFromDouble(double v)
{
	int			e;
	double		f = frexp(v, &e);	/* v = f * 2^e, 0.5 <= |f| < 1 */
	int64_t		m = (int64_t) ldexp(f, 53);	/* exact */
	Big			r = BigFromI64(m);

	e -= 53;
	if (v == 0)
		return BigFromU64(0);
	if (e >= 0)
	{
		Big			p = BigPow2(e);

		r = BigMul(&r, &p);
	}
	else
	{
		/* only integers are expected here */
		if (-e >= 63 || (m & ((INT64_C(1) << -e) - 1)) != 0)
		{
			fprintf(stderr, "BigFromDouble: %a is not an integer\n", v);
			abort();
		}
		r = BigFromI64(m / (INT64_C(1) << -e));
	}
	return r;
}

void
BigToString(const Big *a, char *buf)
{
	char	   *p = buf;

	if (a->n == 0)
	{
		strcpy(buf, "0");
		return;
	}
	if (a->neg)
		*p++ = '-';
	p += sprintf(p, "%u", a->d[a->n - 1]);
	for (int i = a->n - 2; i >= 0; i--)
		p += sprintf(p, "%09u", a->d[i]);
}

/* ---- reference calendar ---- */

static int64_t
FloorDiv(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static bool
RefIsLeap(int64_t y)
{
	return FloorDiv(y, 4) * 4 == y && (FloorDiv(y, 100) * 100 != y || FloorDiv(y, 400) * 400 == y);
}

/* days from 0000-01-01 to y-01-01: 365 per year plus the leap years in [0, y) */
static int64_t
DaysBeforeYear(int64_t y)
{
	return 365 * y + FloorDiv(y + 3, 4) - FloorDiv(y + 99, 100) + FloorDiv(y + 399, 400);
}

static int
DaysInMonth(int64_t y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return dim[m - 1] + (m == 2 && RefIsLeap(y));
}

int64_t
RefDaysFromCivil(int64_t y, int m, int d)
{
	int64_t		days = DaysBeforeYear(y) - DaysBeforeYear(2000);

	for (int i = 1; i < m; i++)
		days += DaysInMonth(y, i);
	return days + d - 1;
}

void
RefCivilFromDays(int64_t days, int64_t *y, int *m, int *d)
{
	/* a year at or below the answer: 366 days a year forward, 365 back */
	int64_t		yy = 2000 + FloorDiv(days, days >= 0 ? 366 : 365);
	int64_t		rest;
	int			mm = 1;

	while (DaysBeforeYear(yy + 1) - DaysBeforeYear(2000) <= days)
		yy++;
	rest = days - (DaysBeforeYear(yy) - DaysBeforeYear(2000));
	while (rest >= DaysInMonth(yy, mm))
		rest -= DaysInMonth(yy, mm++);
	*y = yy;
	*m = mm;
	*d = (int) rest + 1;
}

void
RefFormatTimestamp(int64_t ts, char *buf)
{
	int64_t		usecs_per_day = INT64_C(86400000000);
	int64_t		days = FloorDiv(ts, usecs_per_day);
	int64_t		tod = ts - days * usecs_per_day;
	int64_t		y;
	int			m,
				d;
	int64_t		sec = tod / 1000000,
				frac = tod % 1000000;
	char	   *p = buf;

	RefCivilFromDays(days, &y, &m, &d);
	if (y < 0)
		p += sprintf(p, "-%04lld", (long long) -y);
	else
		p += sprintf(p, "%04lld", (long long) y);
	p += sprintf(p, "-%02d-%02dT%02d:%02d:%02d", m, d,
				 (int) (sec / 3600), (int) (sec / 60 % 60), (int) (sec % 60));
	if (frac != 0)
		p += sprintf(p, ".%06d", (int) frac);
	strcpy(p, "Z");
}

int
main(void)
{
	/* line by line, so that a sanitizer abort loses nothing already said */
	setvbuf(stdout, NULL, _IOLBF, 0);
	TestInt128();
	TestWideInt();
	TestState();
	TestCalendar();
	TestFormat();
	printf("%ld passed, %ld failed\n", unit_passed, unit_failed);
	return unit_failed > 0 ? 1 : 0;
}

/* Multiply every count and sum of a one-row-kind state by k (exactly). */
void
ScaleState(JssState *s, int64_t k)
{
	WideInt		wk = WideFromInt128(I128(k));
	Int192	   *wide[3] = {&s->sum_wxx, &s->sum_wxo, &s->sum_woo};

	s->contracts *= k;
	s->neutral *= k;
	s->dated *= k;
	s->sum_w = Int128MulInt64(s->sum_w, k);
	s->sum_w_pos = Int128MulInt64(s->sum_w_pos, k);
	s->sum_w_neg = Int128MulInt64(s->sum_w_neg, k);
	s->sum_wo_pos = Int128MulInt64(s->sum_wo_pos, k);
	s->sum_wo_neg = Int128MulInt64(s->sum_wo_neg, k);
	s->sum_wx = Int128MulInt64(s->sum_wx, k);
	for (int i = 0; i < 3; i++)
	{
		WideInt		v = WideFromInt192(wide[i]),
					p = WideMul(&v, &wk);

		memcpy(wide[i]->limb, p.limb, sizeof(wide[i]->limb));
	}
}
