/*-------------------------------------------------------------------------
 *
 * test_wideint.c
 *	  Unit tests of src/wideint.[ch]: Int192 accumulators, 512-bit WideInt
 *	  products, decimal conversion and correctly rounded WideToDouble,
 *	  against 128-bit arithmetic (int128.h), long double and the base-10^9
 *	  bignum of unit.c.
 *
 *-------------------------------------------------------------------------
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "unit.h"
#include "wideint.h"

/* ---- helpers ---- */

static Big
BigOf192(const Int192 *a)
{
	return BigFromLimbs(a->limb, 3, true);
}

static Big
BigOfWide(const WideInt *a)
{
	return BigFromLimbs(a->limb, WIDEINT_LIMBS, true);
}

static void
Neg192(Int192 *a)
{
	unsigned	carry = 1;

	for (int i = 0; i < 3; i++)
	{
		a->limb[i] = ~a->limb[i] + carry;
		carry = carry && a->limb[i] == 0;
	}
}

/* A random limb pattern that likes edges: zero, all ones, top bit, random. */
static uint64_t
RandLimb(void)
{
	switch (RandBelow(8))
	{
		case 0:
			return 0;
		case 1:
			return UINT64_MAX;
		case 2:
			return UINT64_C(1) << 63;
		case 3:
			return RandU64() >> RandBelow(64);
		default:
			return RandU64();
	}
}

/* Random Int192 with magnitude below 2^bits (bits <= 191), random sign. */
static Int192
RandInt192(int bits)
{
	Int192		a;
	int			len = (int) RandBelow((uint64_t) bits + 1);

	for (int i = 0; i < 3; i++)
	{
		int			lo = 64 * i;

		a.limb[i] = RandLimb();
		if (len <= lo)
			a.limb[i] = 0;
		else if (len < lo + 64)
			a.limb[i] &= (UINT64_C(1) << (len - lo)) - 1;
	}
	if (RandBelow(2))
		Neg192(&a);
	return a;
}

/* Any 192 bits. */
static Int192
RandAny192(void)
{
	Int192		a;

	for (int i = 0; i < 3; i++)
		a.limb[i] = RandLimb();
	return a;
}

/* The low n bits set, 0 <= n <= 64. */
static uint64_t
LowBits(int n)
{
	return n >= 64 ? UINT64_MAX : (UINT64_C(1) << n) - 1;
}

/* A random 128-bit integer with magnitude below 2^bits (bits <= 127). */
static JssInt128
RandI128(int bits)
{
	int			len = (int) RandBelow((uint64_t) bits + 1);
	uint64_t	hi = RandLimb() & LowBits(len > 64 ? len - 64 : 0),
				lo = RandLimb() & LowBits(len);
	JssInt128	m = Int128FromParts((int64_t) hi, lo);

	return RandBelow(2) ? Int128Neg(m) : m;
}


static bool
Same192(const Int192 *a, const Int192 *b)
{
	return memcmp(a->limb, b->limb, sizeof(a->limb)) == 0;
}

static bool
SameWide(const WideInt *a, const WideInt *b)
{
	return memcmp(a->limb, b->limb, sizeof(a->limb)) == 0;
}

static const char *
Str192(const Int192 *a, char *buf)
{
	Int192ToDecimal(a, buf);
	return buf;
}

static const char *
StrBig(const Big *a, char *buf)
{
	BigToString(a, buf);
	return buf;
}

static WideInt
WideZero(void)
{
	return WideFromInt128(I128(0));
}

static WideInt
WideNeg(const WideInt *a)
{
	WideInt		z = WideZero();

	return WideSub(&z, a);
}

static WideInt
WideAdd(const WideInt *a, const WideInt *b)
{
	WideInt		nb = WideNeg(b);

	return WideSub(a, &nb);
}

/* The WideInt (non-negative) m * 2^k, for an unsigned 64-bit m; 0 <= k. */
static WideInt
WideShifted(uint64_t m, int k)
{
	WideInt		r;
	int			q = k / 64,
				s = k % 64;
	uint64_t	part[2];

	memset(&r, 0, sizeof(r));
	part[0] = m << s;
	part[1] = s ? m >> (64 - s) : 0;
	for (int i = 0; i < 2; i++)
		if (q + i < WIDEINT_LIMBS)
			r.limb[q + i] = part[i];
	return r;
}

/* r += 2^(64 j) * sign, exactly */
static WideInt
WideAddLimbUnit(const WideInt *a, int j, int sign)
{
	WideInt		u;

	memset(&u, 0, sizeof(u));
	u.limb[j] = 1;
	if (sign < 0)
		return WideSub(a, &u);
	return WideAdd(a, &u);
}

/* Is g the float8 nearest to a (ties to even)?  Checked exactly on bignums. */
static bool
CorrectlyRounded(const WideInt *a, double g)
{
	Big			m = BigOfWide(a);
	Big			am = BigAbs(&m);
	Big			limit = BigPow2(53);
	double		ag = fabs(g);
	Big			gb,
				ub,
				db,
				e0,
				eu,
				ed;
	int			cu,
				cd;

	if (!isfinite(g))
		return false;
	if (BigIsZero(&m))
		return g == 0;
	if ((m.neg != 0) != (g < 0) || g == 0)
		return false;
	gb = BigFromDouble(ag);
	if (BigCmp(&am, &limit) <= 0)
		return BigCmp(&am, &gb) == 0;
	ub = BigFromDouble(nextafter(ag, INFINITY));
	db = BigFromDouble(nextafter(ag, 0));
	e0 = BigSub(&am, &gb);
	e0 = BigAbs(&e0);
	eu = BigSub(&am, &ub);
	eu = BigAbs(&eu);
	ed = BigSub(&am, &db);
	ed = BigAbs(&ed);
	cu = BigCmp(&e0, &eu);
	cd = BigCmp(&e0, &ed);
	if (cu > 0 || cd > 0)
		return false;
	if (cu == 0 || cd == 0)
	{
		int			e;
		int64_t		mant = (int64_t) ldexp(frexp(ag, &e), 53);

		return (mant & 1) == 0;
	}
	return true;
}

/* ---- Int192 ---- */

static void
TestInt192AddSub(void)
{
	char		b1[BIG_STR_LEN],
				b2[BIG_STR_LEN];

	RandSeed(1001);
	CheckBegin("Int192AddInt128 equals 128-bit addition when the sum fits");
	for (int i = 0; i < 20000; i++)
	{
		JssInt128	x = RandI128(125),
					v = RandI128(125),
					got;
		Int192		a = Int192FromInt128(x);

		Int192AddInt128(&a, v);
		EXPECT(Int192ToInt128(&a, &got) && I128Eq(got, Int128Add(x, v)),
			   "i=%d x=%s", i, Str192(&a, b1));
	}
	CheckEnd();

	CheckBegin("Int192AddInt128 equals the bignum reference on 190-bit accumulators");
	for (int i = 0; i < 5000; i++)
	{
		Int192		a = RandInt192(190);
		JssInt128	v = RandI128(127);
		Big			ref = BigOf192(&a),
					bv = BigFromI128(v);

		ref = BigAdd(&ref, &bv);
		Int192AddInt128(&a, v);
		EXPECT(strcmp(Str192(&a, b1), StrBig(&ref, b2)) == 0,
			   "i=%d got %s want %s", i, b1, b2);
	}
	CheckEnd();

	CheckBegin("Int192AddInt128 with v = INT128 min and max");
	{
		JssInt128	vmax = Int128FromParts(INT64_MAX, UINT64_MAX);
		JssInt128	vmin = Int128FromParts(INT64_MIN, 0);

		for (int i = 0; i < 2000; i++)
		{
			Int192		a = RandInt192(189);
			JssInt128	v = RandBelow(2) ? vmax : vmin;
			Big			ref = BigOf192(&a),
						bv = BigFromI128(v);

			ref = BigAdd(&ref, &bv);
			Int192AddInt128(&a, v);
			EXPECT(strcmp(Str192(&a, b1), StrBig(&ref, b2)) == 0,
				   "i=%d got %s want %s", i, b1, b2);
		}
	}
	CheckEnd();

	CheckBegin("Int192Add and Int192Sub equal the bignum reference on 190-bit values");
	for (int i = 0; i < 5000; i++)
	{
		Int192		a = RandInt192(190),
					b = RandInt192(190),
					s = a,
					d = a;
		Big			ba = BigOf192(&a),
					bb = BigOf192(&b),
					rs = BigAdd(&ba, &bb),
					rd = BigSub(&ba, &bb);

		Int192Add(&s, &b);
		Int192Sub(&d, &b);
		EXPECT(strcmp(Str192(&s, b1), StrBig(&rs, b2)) == 0, "add i=%d got %s want %s", i, b1, b2);
		EXPECT(strcmp(Str192(&d, b1), StrBig(&rd, b2)) == 0, "sub i=%d got %s want %s", i, b1, b2);
	}
	CheckEnd();

	CheckBegin("(a+b)-b == a and (a-b)+b == a for any 192-bit limbs (wrapping)");
	for (int i = 0; i < 20000; i++)
	{
		Int192		a = RandAny192(),
					b = RandAny192(),
					t = a;

		Int192Add(&t, &b);
		Int192Sub(&t, &b);
		EXPECT(Same192(&t, &a), "i=%d", i);
		t = a;
		Int192Sub(&t, &b);
		Int192Add(&t, &b);
		EXPECT(Same192(&t, &a), "i=%d", i);
	}
	CheckEnd();

	CheckBegin("Int192Add is commutative and associative (identical limbs)");
	for (int i = 0; i < 20000; i++)
	{
		Int192		a = RandAny192(),
					b = RandAny192(),
					c = RandAny192(),
					ab = a,
					ba = b,
					l,
					r,
					bc;

		Int192Add(&ab, &b);
		Int192Add(&ba, &a);
		EXPECT(Same192(&ab, &ba), "i=%d", i);
		l = ab;
		Int192Add(&l, &c);
		bc = b;
		Int192Add(&bc, &c);
		r = a;
		Int192Add(&r, &bc);
		EXPECT(Same192(&l, &r), "i=%d", i);
	}
	CheckEnd();

	CheckBegin("Int192AddInt128(a, v) == Int192Add(a, Int192FromInt128(v)) for any limbs");
	for (int i = 0; i < 20000; i++)
	{
		Int192		a = RandAny192(),
					b = a,
					w;
		JssInt128	v = RandI128(127);

		w = Int192FromInt128(v);
		Int192AddInt128(&a, v);
		Int192Add(&b, &w);
		EXPECT(Same192(&a, &b), "i=%d", i);
	}
	CheckEnd();

	CheckBegin("Int192 sums in any order of many row-sized terms give identical limbs");
	for (int round = 0; round < 50; round++)
	{
		JssInt128	terms[200];
		Int192		fwd = Int192FromInt128(I128(0)),
					bwd = Int192FromInt128(I128(0)),
					split = Int192FromInt128(I128(0)),
					half = Int192FromInt128(I128(0));
		Big			ref = BigFromU64(0);

		for (int i = 0; i < 200; i++)
		{
			Big			t;

			terms[i] = RandI128(117);
			t = BigFromI128(terms[i]);
			ref = BigAdd(&ref, &t);
		}
		for (int i = 0; i < 200; i++)
			Int192AddInt128(&fwd, terms[i]);
		for (int i = 199; i >= 0; i--)
			Int192AddInt128(&bwd, terms[i]);
		for (int i = 0; i < 200; i += 2)
			Int192AddInt128(&split, terms[i]);
		for (int i = 1; i < 200; i += 2)
			Int192AddInt128(&half, terms[i]);
		Int192Add(&split, &half);
		EXPECT(Same192(&fwd, &bwd) && Same192(&fwd, &split), "round %d", round);
		EXPECT(strcmp(Str192(&fwd, b1), StrBig(&ref, b2)) == 0, "round %d got %s want %s", round, b1, b2);
	}
	CheckEnd();

	CheckBegin("Int192 carries and borrows across limb boundaries");
	{
		Int192		a,
					one = Int192FromInt128(I128(1));

		a = Int192FromInt128(Int128FromParts(0, UINT64_MAX));
		Int192Add(&a, &one);
		EXPECT(a.limb[0] == 0 && a.limb[1] == 1 && a.limb[2] == 0, "2^64-1 + 1");
		a = Int192FromInt128(Int128FromParts(INT64_MAX, UINT64_MAX));
		Int192AddInt128(&a, I128(1));
		EXPECT(a.limb[0] == 0 && a.limb[1] == UINT64_C(1) << 63 && a.limb[2] == 0, "2^127-1 + 1");
		a.limb[0] = a.limb[1] = UINT64_MAX;
		a.limb[2] = 0;
		Int192AddInt128(&a, I128(1));
		EXPECT(a.limb[0] == 0 && a.limb[1] == 0 && a.limb[2] == 1, "2^128-1 + 1");
		Int192AddInt128(&a, I128(-1));
		EXPECT(a.limb[0] == UINT64_MAX && a.limb[1] == UINT64_MAX && a.limb[2] == 0, "2^128 - 1");
		Int192Sub(&a, &one);
		EXPECT(a.limb[0] == UINT64_MAX - 1 && a.limb[1] == UINT64_MAX && a.limb[2] == 0, "2^128-1 - 1");
		a = Int192FromInt128(I128(0));
		Int192Sub(&a, &one);
		EXPECT(a.limb[0] == UINT64_MAX && a.limb[1] == UINT64_MAX && a.limb[2] == UINT64_MAX, "0 - 1");
		Int192AddInt128(&a, I128(1));
		EXPECT(Int192IsZero(&a), "-1 + 1");
		a = Int192FromInt128(I128(-1));
		Int192AddInt128(&a, I128(-1));
		EXPECT(a.limb[0] == UINT64_MAX - 1 && a.limb[1] == UINT64_MAX && a.limb[2] == UINT64_MAX, "-1 + -1");
		/* 2^128 + (-1) through the sign extension of v */
		a.limb[0] = 0;
		a.limb[1] = 0;
		a.limb[2] = 1;
		Int192AddInt128(&a, I128(-1));
		EXPECT(a.limb[0] == UINT64_MAX && a.limb[1] == UINT64_MAX && a.limb[2] == 0, "2^128 + -1");
	}
	CheckEnd();
}

static void
TestInt192Conversions(void)
{
	char		b1[BIG_STR_LEN],
				b2[BIG_STR_LEN];
	JssInt128	i128max = Int128FromParts(INT64_MAX, UINT64_MAX);
	JssInt128	i128min = Int128FromParts(INT64_MIN, 0);

	RandSeed(1002);
	CheckBegin("Int192FromInt128 then Int192ToInt128 round trip, INT128 min and max included");
	for (int i = 0; i < 20000; i++)
	{
		JssInt128	v = i == 0 ? i128max : i == 1 ? i128min :
			i == 2 ? I128(0) : i == 3 ? I128(-1) : RandI128(127),
					got = I128(0);
		Int192		a = Int192FromInt128(v);
		Big			ref = BigFromI128(v);

		EXPECT(Int192ToInt128(&a, &got) && I128Eq(got, v), "i=%d", i);
		EXPECT(strcmp(Str192(&a, b1), StrBig(&ref, b2)) == 0, "i=%d got %s want %s", i, b1, b2);
	}
	CheckEnd();

	CheckBegin("Int192ToInt128 refuses values outside the int128 range");
	{
		Int192		a = Int192FromInt128(i128max);
		JssInt128	got = I128(7);

		Int192AddInt128(&a, I128(1));
		EXPECT(!Int192ToInt128(&a, &got) && I128Eq(got, I128(7)), "2^127");
		a = Int192FromInt128(i128min);
		Int192AddInt128(&a, I128(-1));
		EXPECT(!Int192ToInt128(&a, &got), "-2^127-1");
		for (int i = 0; i < 5000; i++)
		{
			Int192		r = RandAny192();
			Big			br = BigOf192(&r),
						lo = BigFromI128(i128min),
						hi = BigFromI128(i128max);
			bool		fits = BigCmp(&br, &lo) >= 0 && BigCmp(&br, &hi) <= 0;

			EXPECT(Int192ToInt128(&r, &got) == fits, "i=%d %s", i, Str192(&r, b1));
		}
	}
	CheckEnd();

	CheckBegin("Int192IsZero");
	{
		Int192		z = Int192FromInt128(I128(0)),
					t;

		EXPECT(Int192IsZero(&z), "0");
		for (int i = 0; i < 3; i++)
		{
			t = z;
			t.limb[i] = 1;
			EXPECT(!Int192IsZero(&t), "limb %d", i);
		}
	}
	CheckEnd();

	CheckBegin("Int192ToDecimal equals the bignum reference for any 192 bits");
	for (int i = 0; i < 10000; i++)
	{
		Int192		a = RandAny192();
		Big			ref = BigOf192(&a);
		char		buf[INT192_DECIMAL_LEN + 8];
		int			len;

		memset(buf, 'x', sizeof(buf));
		len = Int192ToDecimal(&a, buf);
		EXPECT(strcmp(buf, StrBig(&ref, b2)) == 0, "i=%d got %s want %s", i, buf, b2);
		EXPECT(len == (int) strlen(buf) && len < INT192_DECIMAL_LEN, "len %d", len);
		EXPECT(buf[INT192_DECIMAL_LEN] == 'x', "wrote past INT192_DECIMAL_LEN");
	}
	CheckEnd();

	CheckBegin("Int192FromDecimal(Int192ToDecimal(a)) == a and returns the end");
	for (int i = 0; i < 10000; i++)
	{
		Int192		a = i < 5000 ? RandAny192() : RandInt192(191),
					b;
		char		buf[INT192_DECIMAL_LEN + 2];
		int			len = Int192ToDecimal(&a, buf);
		const char *end;

		memset(&b, 0xA5, sizeof(b));
		end = Int192FromDecimal(buf, &b);
		EXPECT(end == buf + len && Same192(&a, &b), "i=%d %s", i, buf);
	}
	CheckEnd();
}

/* Parse str; true if accepted, value in *out, *consumed = characters read. */
static bool
Parse192(const char *str, Int192 *out, long *consumed)
{
	const char *end = Int192FromDecimal(str, out);

	if (end == NULL)
		return false;
	*consumed = end - str;
	return true;
}

static void
TestInt192Parse(void)
{
	char		b1[BIG_STR_LEN],
				b2[BIG_STR_LEN];
	char		text[600];
	Int192		a;
	long		used;
	Big			p191 = BigPow2(191),
				p190 = BigPow2(190),
				p127 = BigPow2(127),
				one = BigFromU64(1),
				t;

	/* every edge: text, accepted?, value from the reference */
	struct
	{
		const char *name;
		Big			value;
	}			edges[12];
	int			nedges = 0;

	edges[nedges].name = "0";
	edges[nedges++].value = BigFromU64(0);
	edges[nedges].name = "-1";
	edges[nedges++].value = BigFromI64(-1);
	edges[nedges].name = "2^127";
	edges[nedges++].value = p127;
	edges[nedges].name = "-2^127";
	edges[nedges++].value = BigNeg(&p127);
	edges[nedges].name = "2^190";
	edges[nedges++].value = p190;
	edges[nedges].name = "-2^190";
	edges[nedges++].value = BigNeg(&p190);
	edges[nedges].name = "2^191-1 (max)";
	edges[nedges++].value = BigSub(&p191, &one);
	edges[nedges].name = "-2^191 (min)";
	edges[nedges++].value = BigNeg(&p191);
	edges[nedges].name = "-(2^191-1)";
	t = BigSub(&p191, &one);
	edges[nedges++].value = BigNeg(&t);

	CheckBegin("Int192FromDecimal accepts the edges 0, -1, +-2^127, +-2^190, 2^191-1, -2^191");
	for (int i = 0; i < nedges; i++)
	{
		BigToString(&edges[i].value, text);
		memset(&a, 0, sizeof(a));
		EXPECT(Parse192(text, &a, &used) && used == (long) strlen(text), "%s: %s", edges[i].name, text);
		t = BigOf192(&a);
		EXPECT(BigCmp(&t, &edges[i].value) == 0, "%s: parsed %s", edges[i].name, Str192(&a, b1));
		EXPECT(strcmp(Str192(&a, b1), text) == 0, "%s: printed back as %s", edges[i].name, b1);
	}
	/* the minimum is the limbs 0, 0, 2^63 */
	BigToString(&edges[7].value, text);
	EXPECT(Parse192(text, &a, &used) && a.limb[0] == 0 && a.limb[1] == 0 &&
		   a.limb[2] == UINT64_C(1) << 63, "min limbs");
	EXPECT(strlen(text) == 59, "min has 58 digits and a sign: %s", text);
	CheckEnd();

	CheckBegin("Int192FromDecimal rejects 2^191, -2^191-1, 2^192 and 10^58-1");
	{
		Big			bad[5];
		Big			p192 = BigPow2(192),
					ten58 = BigFromU64(1);
		Big			ten = BigFromU64(10);

		for (int i = 0; i < 58; i++)
			ten58 = BigMul(&ten58, &ten);
		bad[0] = p191;
		t = BigAdd(&p191, &one);
		bad[1] = BigNeg(&t);
		bad[2] = p192;
		bad[3] = BigSub(&ten58, &one);
		bad[4] = BigNeg(&p192);
		for (int i = 0; i < 5; i++)
		{
			BigToString(&bad[i], text);
			EXPECT(!Parse192(text, &a, &used), "accepted %s", text);
		}
		/* 2^256 and beyond: the carry out of 192 bits must be caught */
		t = BigPow2(256);
		BigToString(&t, text);
		EXPECT(!Parse192(text, &a, &used), "accepted 2^256 %s", text);
		t = BigSub(&t, &one);
		BigToString(&t, text);
		EXPECT(!Parse192(text, &a, &used), "accepted 2^256-1 %s", text);
		t = BigPow2(384);
		t = BigAdd(&t, &one);		/* low limbs look like 1 */
		BigToString(&t, text);
		EXPECT(!Parse192(text, &a, &used), "accepted 2^384+1");
		memset(text, '9', 500);
		text[500] = '\0';
		EXPECT(!Parse192(text, &a, &used), "accepted 500 nines");
	}
	CheckEnd();

	CheckBegin("Int192FromDecimal: random 58-digit values agree with the reference");
	RandSeed(1003);
	for (int i = 0; i < 3000; i++)
	{
		char	   *p = text;
		Big			ref;
		bool		fits;
		Big			lo = BigNeg(&p191),
					hi = BigSub(&p191, &one);

		if (RandBelow(2))
			*p++ = '-';
		*p++ = (char) ('1' + RandBelow(4));	/* 1..4 x 10^57: both sides of 2^191 */
		for (int k = 1; k < 58; k++)
			*p++ = (char) ('0' + RandBelow(10));
		*p = '\0';
		/* reference: digits into the bignum */
		ref = BigFromU64(0);
		for (const char *q = text[0] == '-' ? text + 1 : text; *q; q++)
		{
			Big			ten = BigFromU64(10),
						dg = BigFromU64((uint64_t) (*q - '0'));

			ref = BigMul(&ref, &ten);
			ref = BigAdd(&ref, &dg);
		}
		if (text[0] == '-')
			ref = BigNeg(&ref);
		fits = BigCmp(&ref, &lo) >= 0 && BigCmp(&ref, &hi) <= 0;
		EXPECT(Parse192(text, &a, &used) == fits, "i=%d %s", i, text);
		if (fits)
		{
			t = BigOf192(&a);
			EXPECT(BigCmp(&t, &ref) == 0, "i=%d %s parsed %s", i, text, Str192(&a, b1));
		}
	}
	CheckEnd();

	CheckBegin("Int192FromDecimal skips leading zeros without counting them");
	{
		char	   *p = text;

		memset(p, '0', 300);
		strcpy(p + 300, "123");
		EXPECT(Parse192(text, &a, &used) && used == 303 && Str192(&a, b1) && strcmp(b1, "123") == 0,
			   "300 zeros then 123");
		text[0] = '-';
		EXPECT(Parse192(text, &a, &used) && used == 303 && strcmp(Str192(&a, b1), "-123") == 0,
			   "-, 299 zeros then 123");
		/* leading zeros then the maximum: still accepted */
		t = BigSub(&p191, &one);
		memset(text, '0', 100);
		BigToString(&t, text + 100);
		BigToString(&t, b2);
		EXPECT(Parse192(text, &a, &used) && strcmp(Str192(&a, b1), b2) == 0, "zeros then max");
		EXPECT(Parse192("000", &a, &used) && used == 3 && Int192IsZero(&a), "000");
		EXPECT(Parse192("-000", &a, &used) && used == 4 && Int192IsZero(&a), "-000");
	}
	CheckEnd();

	CheckBegin("Int192FromDecimal: \"-0\" is zero (two's complement has no negative zero)");
	memset(&a, 0xFF, sizeof(a));
	EXPECT(Parse192("-0", &a, &used) && used == 2 && Int192IsZero(&a), "-0 gave %s", Str192(&a, b1));
	CheckEnd();

	CheckBegin("Int192FromDecimal rejects empty, \"-\", non-digits, signs and blanks");
	{
		static const char *const bad[] = {"", "-", "--1", "+1", " 1", "a", "-a", "x12", ".5", "- 1", "\t7"};

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		{
			Int192		keep = Int192FromInt128(I128(42));

			a = keep;
			EXPECT(!Parse192(bad[i], &a, &used) && Same192(&a, &keep), "accepted \"%s\" or wrote the result", bad[i]);
		}
	}
	CheckEnd();

	CheckBegin("Int192FromDecimal stops at the first non-digit and returns it");
	EXPECT(Parse192("12abc", &a, &used) && used == 2 && strcmp(Str192(&a, b1), "12") == 0, "12abc");
	EXPECT(Parse192("-7 8", &a, &used) && used == 2 && strcmp(Str192(&a, b1), "-7") == 0, "-7 8");
	EXPECT(Parse192("0x10", &a, &used) && used == 1 && Int192IsZero(&a), "0x10");
	EXPECT(Parse192("1234567890123456789012345", &a, &used) && used == 25 &&
		   strcmp(Str192(&a, b1), "1234567890123456789012345") == 0, "25 digits (chunk boundary)");
	for (int len = 1; len <= 58; len++)
	{
		/* 19-digit chunking: every length, digits 1..9 repeating */
		Big			ref = BigFromU64(0);

		for (int k = 0; k < len; k++)
		{
			Big			ten = BigFromU64(10),
						dg = BigFromU64((uint64_t) (1 + k % 9));

			text[k] = (char) ('1' + k % 9);
			ref = BigMul(&ref, &ten);
			ref = BigAdd(&ref, &dg);
		}
		text[len] = '\0';
		if (BigCmp(&ref, &p191) < 0)
		{
			EXPECT(Parse192(text, &a, &used) && used == len, "len %d", len);
			EXPECT(strcmp(Str192(&a, b1), text) == 0, "len %d printed %s", len, b1);
		}
		else
			EXPECT(!Parse192(text, &a, &used), "len %d accepted", len);
	}
	CheckEnd();
}

/* ---- WideInt ---- */

static WideInt
RandWide(int bits)
{
	Int192		lo = RandInt192(bits > 191 ? 191 : bits);
	WideInt		r = WideFromInt192(&lo);

	if (bits > 191)
	{
		/* a magnitude up to 'bits' bits: random limbs, masked, random sign */
		int			len = (int) RandBelow((uint64_t) bits + 1);

		for (int i = 0; i < WIDEINT_LIMBS; i++)
		{
			int			base = 64 * i;

			r.limb[i] = RandLimb();
			if (len <= base)
				r.limb[i] = 0;
			else if (len < base + 64)
				r.limb[i] &= (UINT64_C(1) << (len - base)) - 1;
		}
		if (RandBelow(2))
			r = WideNeg(&r);
	}
	return r;
}

static void
TestWideArithmetic(void)
{
	char		b1[BIG_STR_LEN],
				b2[BIG_STR_LEN];

	RandSeed(1004);
	CheckBegin("WideFromInt128 and WideFromInt192 sign-extend");
	for (int i = 0; i < 5000; i++)
	{
		JssInt128	v = RandI128(127);
		Int192		a = RandAny192();
		WideInt		wv = WideFromInt128(v),
					wa = WideFromInt192(&a);
		Big			r1 = BigOfWide(&wv),
					e1 = BigFromI128(v),
					r2 = BigOfWide(&wa),
					e2 = BigOf192(&a);

		EXPECT(BigCmp(&r1, &e1) == 0, "i=%d", i);
		EXPECT(BigCmp(&r2, &e2) == 0, "i=%d", i);
	}
	CheckEnd();

	CheckBegin("WideMul equals 128-bit multiplication for operands below 2^62");
	for (int i = 0; i < 20000; i++)
	{
		int64_t		x = (int64_t) (RandU64() >> (2 + RandBelow(62))) * (RandBelow(2) ? -1 : 1);
		int64_t		y = (int64_t) (RandU64() >> (2 + RandBelow(62))) * (RandBelow(2) ? -1 : 1);
		WideInt		wx = WideFromInt128(Int128FromInt64(x)),
					wy = WideFromInt128(Int128FromInt64(y)),
					p = WideMul(&wx, &wy),
					e = WideFromInt128(Int128Mul64(x, y));

		EXPECT(SameWide(&p, &e), "%lld * %lld", (long long) x, (long long) y);
	}
	CheckEnd();

	CheckBegin("WideMul equals the bignum reference for 255-bit signed operands");
	for (int i = 0; i < 3000; i++)
	{
		WideInt		x = RandWide(255),
					y = RandWide(255),
					p = WideMul(&x, &y);
		Big			bx = BigOfWide(&x),
					by = BigOfWide(&y),
					e = BigMul(&bx, &by),
					g = BigOfWide(&p);

		EXPECT(BigCmp(&g, &e) == 0, "i=%d got %s want %s", i, StrBig(&g, b1), StrBig(&e, b2));
	}
	CheckEnd();

	CheckBegin("WideMul is commutative and follows the sign rules");
	for (int i = 0; i < 5000; i++)
	{
		WideInt		x = RandWide(250),
					y = RandWide(250),
					nx = WideNeg(&x),
					ny = WideNeg(&y),
					xy = WideMul(&x, &y),
					yx = WideMul(&y, &x),
					nxy = WideMul(&nx, &y),
					xny = WideMul(&x, &ny),
					nxny = WideMul(&nx, &ny),
					neg = WideNeg(&xy);

		EXPECT(SameWide(&xy, &yx), "x*y != y*x, i=%d", i);
		EXPECT(SameWide(&nxy, &neg) && SameWide(&xny, &neg), "(-x)*y, i=%d", i);
		EXPECT(SameWide(&nxny, &xy), "(-x)*(-y), i=%d", i);
		EXPECT(WideSign(&xy) == WideSign(&x) * WideSign(&y), "sign, i=%d", i);
	}
	CheckEnd();

	CheckBegin("WideMul distributes: a*(b+c) == a*b + a*c for 192-bit operands");
	for (int i = 0; i < 5000; i++)
	{
		Int192		ia = RandAny192(),
					ib = RandAny192(),
					ic = RandAny192();
		WideInt		a = WideFromInt192(&ia),
					b = WideFromInt192(&ib),
					c = WideFromInt192(&ic),
					bc = WideAdd(&b, &c),
					l = WideMul(&a, &bc),
					ab = WideMul(&a, &b),
					ac = WideMul(&a, &c),
					r = WideAdd(&ab, &ac);

		EXPECT(SameWide(&l, &r), "i=%d", i);
	}
	CheckEnd();

	CheckBegin("WideMul by 0, 1 and -1; INT128 min squared");
	{
		JssInt128	i128min = Int128FromParts(INT64_MIN, 0);
		WideInt		m = WideFromInt128(i128min),
					sq = WideMul(&m, &m),
					zero = WideZero(),
					one = WideFromInt128(I128(1)),
					mone = WideFromInt128(I128(-1));
		Big			bm = BigFromI128(i128min),
					e = BigMul(&bm, &bm),
					g = BigOfWide(&sq);

		EXPECT(BigCmp(&g, &e) == 0, "(-2^127)^2");
		for (int i = 0; i < 1000; i++)
		{
			WideInt		x = RandWide(400),
						p0 = WideMul(&x, &zero),
						p1 = WideMul(&one, &x),
						pm = WideMul(&x, &mone),
						nx = WideNeg(&x);

			EXPECT(WideSign(&p0) == 0 && SameWide(&p0, &zero), "x*0, i=%d", i);
			EXPECT(SameWide(&p1, &x), "1*x, i=%d", i);
			EXPECT(SameWide(&pm, &nx), "x*-1, i=%d", i);
		}
	}
	CheckEnd();

	CheckBegin("WideSub, WideSign and WideCompare agree with the reference");
	for (int i = 0; i < 5000; i++)
	{
		WideInt		x = RandWide(500),
					y = RandBelow(8) == 0 ? x : RandWide(500),
					d = WideSub(&x, &y);
		Big			bx = BigOfWide(&x),
					by = BigOfWide(&y),
					e = BigSub(&bx, &by),
					g = BigOfWide(&d),
					z = BigFromU64(0);

		EXPECT(BigCmp(&g, &e) == 0, "sub i=%d", i);
		EXPECT(WideSign(&x) == BigCmp(&bx, &z), "sign i=%d", i);
		EXPECT(WideCompare(&x, &y) == BigCmp(&bx, &by), "compare i=%d", i);
	}
	CheckEnd();
}

static void
TestWideToDouble(void)
{
	RandSeed(1005);
	CheckBegin("WideToDouble equals (double) for values that fit in 64 bits");
	for (int i = 0; i < 20000; i++)
	{
		int64_t		v = (int64_t) (RandU64() >> RandBelow(64));
		WideInt		w;

		if (RandBelow(2))
			v = -v;
		if (i == 0)
			v = INT64_MIN;
		if (i == 1)
			v = INT64_MAX;
		if (i == 2)
			v = 0;
		w = WideFromInt128(I128(v));
		EXPECT(WideToDouble(&w) == (double) v, "v=%lld got %a want %a",
			   (long long) v, WideToDouble(&w), (double) v);
	}
	CheckEnd();

	CheckBegin("WideToDouble of zero is +0");
	{
		WideInt		z = WideZero();
		double		d = WideToDouble(&z);

		EXPECT(d == 0 && !signbit(d), "got %a", d);
	}
	CheckEnd();

	CheckBegin("WideToDouble equals the long double rounding of m*2^k (64-bit m, exact in long double)");
	for (int i = 0; i < 20000; i++)
	{
		uint64_t	m = RandU64() >> RandBelow(40);
		int			k = (int) RandBelow(447);	/* m * 2^k < 2^511 */
		WideInt		w = WideShifted(m, k);
		long double ref = ldexpl((long double) m, k);
		double		want = (double) ref;
		bool		neg = RandBelow(2);

		if (neg)
		{
			w = WideNeg(&w);
			want = -want;
		}
		EXPECT(WideToDouble(&w) == want, "m=%llu k=%d neg=%d got %a want %a",
			   (unsigned long long) m, k, neg, WideToDouble(&w), want);
	}
	CheckEnd();

	CheckBegin("WideToDouble is correctly rounded for random wide values (exact check)");
	for (int i = 0; i < 4000; i++)
	{
		WideInt		w = RandWide(510);
		double		g = WideToDouble(&w);

		EXPECT(CorrectlyRounded(&w, g), "i=%d got %a", i, g);
	}
	/* long runs of ones, which round up across limbs */
	for (int top = 0; top < WIDEINT_LIMBS; top++)
	{
		WideInt		w;

		memset(&w, 0, sizeof(w));
		for (int i = 0; i <= top; i++)
			w.limb[i] = UINT64_MAX;
		if (top == WIDEINT_LIMBS - 1)
			w.limb[top] >>= 1;
		EXPECT(CorrectlyRounded(&w, WideToDouble(&w)), "all ones to limb %d", top);
		w = WideNeg(&w);
		EXPECT(CorrectlyRounded(&w, WideToDouble(&w)), "minus all ones to limb %d", top);
	}
	CheckEnd();

	CheckBegin("WideToDouble rounds exact halfway cases to even");
	for (int k = 0; k <= 457; k++)
	{
		for (int rep = 0; rep < 4; rep++)
		{
			/* m = 2q + 1 has 54 bits: halfway between q*2 and (q+1)*2 */
			uint64_t	q = (UINT64_C(1) << 52) | (RandU64() >> 12);
			uint64_t	m;
			double		want;
			WideInt		w;

			if (rep == 0)
				q &= ~UINT64_C(1);		/* even q: round down */
			else if (rep == 1)
				q |= 1;					/* odd q: round up */
			else if (rep == 2)
				q = (UINT64_C(1) << 53) - 1;	/* rounds up to 2^53 */
			m = 2 * q + 1;
			want = ldexp((double) ((q & 1) ? q + 1 : q), k + 1);
			w = WideShifted(m, k);
			EXPECT(WideToDouble(&w) == want, "k=%d q=%llx got %a want %a",
				   k, (unsigned long long) q, WideToDouble(&w), want);
			w = WideNeg(&w);
			EXPECT(WideToDouble(&w) == -want, "negative k=%d q=%llx got %a want %a",
				   k, (unsigned long long) q, WideToDouble(&w), -want);
		}
	}
	CheckEnd();

	CheckBegin("WideToDouble: one unit above or below a tie, in any lower limb, is not a tie (sticky bit)");
	for (int k = 1; k <= 457; k++)
	{
		uint64_t	q = (UINT64_C(1) << 52) | (RandU64() >> 12);
		uint64_t	m;
		double		up,
					down;
		WideInt		tie;

		q &= ~UINT64_C(1);				/* even q, so the tie itself goes down */
		m = 2 * q + 1;
		up = ldexp((double) (q + 1), k + 1);
		down = ldexp((double) q, k + 1);
		tie = WideShifted(m, k);

		/* +-1 in the lowest bit, and +-2^(64j) for every limb j below the tie bit */
		for (int j = 0; 64 * j < k; j++)
		{
			WideInt		above = WideAddLimbUnit(&tie, j, 1),
						below = WideAddLimbUnit(&tie, j, -1),
						nabove = WideNeg(&above),
						nbelow = WideNeg(&below);

			EXPECT(WideToDouble(&above) == up, "k=%d j=%d above: got %a want %a", k, j, WideToDouble(&above), up);
			EXPECT(WideToDouble(&below) == down, "k=%d j=%d below: got %a want %a", k, j, WideToDouble(&below), down);
			EXPECT(WideToDouble(&nabove) == -up, "k=%d j=%d -above", k, j);
			EXPECT(WideToDouble(&nbelow) == -down, "k=%d j=%d -below", k, j);
		}
	}
	CheckEnd();

	CheckBegin("WideToDouble with a short top limb (65-bit window) keeps the sticky bit below the round bit");
	for (int t = 2; t < WIDEINT_LIMBS; t++)
	{
		for (int bits = 1; bits <= 12; bits++)
		{
			/* top limb has 'bits' bits; the 54-bit m ends inside limb t-1 */
			WideInt		w;
			int			k = 64 * t + bits - 54;
			uint64_t	q = (UINT64_C(1) << 52) | (RandU64() >> 12);

			q &= ~UINT64_C(1);
			w = WideShifted(2 * q + 1, k);
			w = WideAddLimbUnit(&w, 0, 1);	/* lowest limb: only the sticky bit knows */
			EXPECT(WideToDouble(&w) == ldexp((double) (q + 1), k + 1), "t=%d bits=%d", t, bits);
			EXPECT(CorrectlyRounded(&w, WideToDouble(&w)), "t=%d bits=%d exact check", t, bits);
		}
	}
	CheckEnd();
}

void
TestWideInt(void)
{
	TestInt192AddSub();
	TestInt192Conversions();
	TestInt192Parse();
	TestWideArithmetic();
	TestWideToDouble();
}
