/*-------------------------------------------------------------------------
 *
 * test_int128.c
 *	  Unit tests of src/int128.h: every limb operation against the
 *	  compiler's own 128-bit arithmetic, on random values and on the edges
 *	  (INT128 min and max, carries and borrows across the 64-bit boundary,
 *	  sign changes around zero, doubles near 2^53, 2^64 and 2^127 and their
 *	  rounding ties), and this build's Int128* and UInt128* functions
 *	  against the limbs.
 *
 * The limb functions exist in every build, so these checks mean the same
 * in the native run and in the JSS_INT128_FALLBACK run of test/unit/run.
 * A compiler without a 128-bit integer (i386) has nothing to compare
 * with: the checks are then left out, with a note; the rest of the suite
 * still runs the limbs against the bignum reference.
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "unit.h"

#if JSS_INT128_HAVE_COMPILER

#define ROUNDS 200000

typedef JssCompilerUInt128 NativeU;
typedef JssCompilerInt128 NativeS;

/* The native value with the bits of a. */
static NativeU
NU(JssUInt128Limbs a)
{
	return ((NativeU) a.hi << 64) | a.lo;
}

/* The native value with the bits of a. */
static NativeS
NS(JssInt128Limbs a)
{
	return (NativeS) NU(UInt128LimbsFromInt128(a));
}

/* The limbs with the bits of a native value. */
static JssInt128Limbs
LS(NativeS v)
{
	return Int128LimbsFromParts((int64_t) (uint64_t) ((NativeU) v >> 64), (uint64_t) v);
}

/* Are two doubles the same bits? */
static bool
SameBits(double a, double b)
{
	return memcmp(&a, &b, sizeof(a)) == 0;
}

/*
 * A 64-bit value that likes edges: 0, 1, all ones, the top bit, 2^32 and
 * its neighbours, INT64_MAX, and random values of random length.
 */
static uint64_t
EdgeU64(void)
{
	static const uint64_t edges[] = {
		0, 1, 2, UINT64_MAX, UINT64_MAX - 1, UINT64_C(1) << 63,
		(UINT64_C(1) << 63) - 1, (UINT64_C(1) << 63) + 1, UINT64_C(1) << 32,
		(UINT64_C(1) << 32) - 1, (UINT64_C(1) << 32) + 1, UINT32_MAX * (UINT64_C(1) << 32),
		UINT64_C(1) << 53, (UINT64_C(1) << 53) + 1, (UINT64_C(1) << 53) - 1,
	};

	switch (RandBelow(4))
	{
		case 0:
			return edges[RandBelow(sizeof(edges) / sizeof(edges[0]))];
		case 1:
			return RandU64() >> RandBelow(64);
		default:
			return RandU64();
	}
}

/*
 * A 128-bit value that likes edges: INT128 min and max, 0 and -1, the
 * powers of two at 2^53, 2^63, 2^64 and 2^127, each give or take a little
 * (so that sums carry or borrow across the 64-bit boundary and cross
 * zero), or halves from EdgeU64.
 */
static JssInt128Limbs
Edge128(void)
{
	static const int powers[] = {0, 52, 53, 54, 63, 64, 65, 116, 117, 126, 127};
	NativeS		v;

	switch (RandBelow(4))
	{
		case 0:
			{
				int			k = powers[RandBelow(sizeof(powers) / sizeof(powers[0]))];
				NativeU		p = (NativeU) 1 << k;
				int64_t		delta = RandRange(-3, 3);

				v = (NativeS) (p + (NativeU) (NativeS) delta);
				if (RandBelow(2))
					v = (NativeS) -(NativeU) v;
				break;
			}
		case 1:
			/* a small value of either sign: zero crossings */
			v = RandRange(-5, 5);
			break;
		default:
			return Int128LimbsFromParts((int64_t) EdgeU64(), EdgeU64());
	}
	return LS(v);
}

/* An int64 that likes edges. */
static int64_t
EdgeI64(void)
{
	int64_t		v = (int64_t) EdgeU64();

	switch (RandBelow(8))
	{
		case 0:
			return INT64_MIN;
		case 1:
			return INT64_MAX;
		case 2:
			return -1;
		default:
			return v;
	}
}

/* A double-rounding test value: m * 2^k, m of 54 or more bits, near a tie. */
static JssUInt128Limbs
NearTie(void)
{
	int			mbits = 54 + (int) RandBelow(11);	/* 54 to 64 bits */
	uint64_t	m = (RandU64() >> (64 - mbits)) | (UINT64_C(1) << (mbits - 1));
	int			k = (int) RandBelow((uint64_t) (128 - mbits + 1));
	int			tie_bit = mbits - 54;
	NativeU		v;

	/* make the bits below the 53 kept ones an exact tie, then nudge it */
	m &= ~((UINT64_C(1) << tie_bit << 1) - 1);
	m |= UINT64_C(1) << tie_bit;
	v = (NativeU) m << k;
	switch (RandBelow(4))
	{
		case 0:
			break;
		case 1:
			v += 1;
			break;
		case 2:
			v -= 1;
			break;
		default:
			if (k > 0)
				v += (NativeU) 1 << RandBelow((uint64_t) k);
			break;
	}
	return UInt128LimbsFromParts((uint64_t) (v >> 64), (uint64_t) v);
}

static void
TestLimbsAgainstNative(void)
{
	RandSeed(1301);

	CheckBegin("int128 limbs: the struct has the bytes of the native integer");
	for (int i = 0; i < ROUNDS; i++)
	{
		JssInt128Limbs a = Edge128();
		NativeS		n = NS(a);

		EXPECT(sizeof(a) == sizeof(n) && memcmp(&a, &n, sizeof(n)) == 0, "i=%d", i);
	}
	CheckEnd();

	CheckBegin("int128 limbs: FromInt64, FromParts, and the signed/unsigned casts equal native");
	for (int i = 0; i < ROUNDS; i++)
	{
		int64_t		v = EdgeI64();
		JssInt128Limbs a = Edge128();

		EXPECT(NS(Int128LimbsFromInt64(v)) == (NativeS) v, "v=%lld", (long long) v);
		EXPECT(NU(UInt128LimbsFromInt128(a)) == (NativeU) NS(a), "i=%d", i);
		EXPECT(NS(Int128LimbsFromUInt128(UInt128LimbsFromInt128(a))) == NS(a), "i=%d", i);
	}
	CheckEnd();

	CheckBegin("int128 limbs: Add, Sub and Neg equal native, modulo 2^128");
	for (int i = 0; i < ROUNDS; i++)
	{
		JssInt128Limbs a = Edge128(),
					b = Edge128();
		JssUInt128Limbs ua = UInt128LimbsFromInt128(a),
					ub = UInt128LimbsFromInt128(b);

		EXPECT(NU(UInt128LimbsAdd(ua, ub)) == NU(ua) + NU(ub), "i=%d", i);
		EXPECT(NU(UInt128LimbsSub(ua, ub)) == NU(ua) - NU(ub), "i=%d", i);
		EXPECT(NS(Int128LimbsAdd(a, b)) == (NativeS) (NU(ua) + NU(ub)), "i=%d", i);
		EXPECT(NS(Int128LimbsSub(a, b)) == (NativeS) (NU(ua) - NU(ub)), "i=%d", i);
		EXPECT(NS(Int128LimbsNeg(a)) == (NativeS) -NU(ua), "i=%d", i);
	}
	CheckEnd();

	CheckBegin("int128 limbs: Mul64, MulAdd64 and MulInt64 equal native");
	for (int i = 0; i < ROUNDS; i++)
	{
		uint64_t	x = EdgeU64(),
					y = EdgeU64(),
					c = EdgeU64(),
					d = EdgeU64();
		int64_t		sx = EdgeI64(),
					sy = EdgeI64();
		JssInt128Limbs a = Edge128();

		EXPECT(NU(UInt128LimbsMul64(x, y)) == (NativeU) x * y, "%llx * %llx",
			   (unsigned long long) x, (unsigned long long) y);
		EXPECT(NU(UInt128LimbsMulAdd64(x, y, c, d)) == (NativeU) x * y + c + d, "i=%d", i);
		EXPECT(NS(Int128LimbsMul64(sx, sy)) == (NativeS) sx * sy, "%lld * %lld",
			   (long long) sx, (long long) sy);
		EXPECT(NS(Int128LimbsMulInt64(a, sy)) == (NativeS) (NU(UInt128LimbsFromInt128(a)) *
															(NativeU) (NativeS) sy),
			   "i=%d m=%lld", i, (long long) sy);
	}
	CheckEnd();

	CheckBegin("int128 limbs: Cmp (signed and unsigned) equals native");
	for (int i = 0; i < ROUNDS; i++)
	{
		JssInt128Limbs a = Edge128(),
					b = RandBelow(8) ? Edge128() : a;
		JssUInt128Limbs ua = UInt128LimbsFromInt128(a),
					ub = UInt128LimbsFromInt128(b);

		EXPECT(Int128LimbsCmp(a, b) == (NS(a) > NS(b)) - (NS(a) < NS(b)), "i=%d", i);
		EXPECT(UInt128LimbsCmp(ua, ub) == (NU(ua) > NU(ub)) - (NU(ua) < NU(ub)), "i=%d", i);
	}
	CheckEnd();

	CheckBegin("int128 limbs: DivMod64 equals native division when the quotient fits");
	for (int i = 0; i < ROUNDS; i++)
	{
		uint64_t	d = EdgeU64() | (RandBelow(2) ? 0 : 1),
					rem,
					q;
		JssUInt128Limbs n;

		if (d == 0)
			d = UINT64_C(10000000000000000000);
		n = UInt128LimbsFromParts(RandBelow(d), EdgeU64());	/* hi < d */
		q = UInt128LimbsDivMod64(n, d, &rem);
		EXPECT(q == (uint64_t) (NU(n) / d) && rem == (uint64_t) (NU(n) % d),
			   "i=%d d=%llu", i, (unsigned long long) d);
	}
	CheckEnd();

	CheckBegin("int128 limbs: ToDouble has the bits of the native conversion (edges, near ties at every scale)");
	for (int i = 0; i < ROUNDS; i++)
	{
		JssInt128Limbs a = Edge128();
		JssUInt128Limbs t = NearTie(),
					ua = UInt128LimbsFromInt128(a);
		JssInt128Limbs st = Int128LimbsFromUInt128(t);

		EXPECT(SameBits(Int128LimbsToDouble(a), (double) NS(a)), "i=%d got %a want %a",
			   i, Int128LimbsToDouble(a), (double) NS(a));
		EXPECT(SameBits(UInt128LimbsToDouble(ua), (double) NU(ua)), "i=%d", i);
		EXPECT(SameBits(UInt128LimbsToDouble(t), (double) NU(t)), "i=%d tie got %a want %a",
			   i, UInt128LimbsToDouble(t), (double) NU(t));
		EXPECT(SameBits(Int128LimbsToDouble(st), (double) NS(st)), "i=%d signed tie", i);
		st = Int128LimbsNeg(st);
		EXPECT(SameBits(Int128LimbsToDouble(st), (double) NS(st)), "i=%d negated tie", i);
	}
	CheckEnd();

	CheckBegin("int128 limbs: ToDouble of every 2^k - 1, 2^k and 2^k + 1, and INT128 min and max");
	for (int k = 0; k < 128; k++)
	{
		for (int delta = -1; delta <= 1; delta++)
		{
			NativeU		v = ((NativeU) 1 << k) + (NativeU) (NativeS) delta;
			JssUInt128Limbs u = UInt128LimbsFromParts((uint64_t) (v >> 64), (uint64_t) v);
			JssInt128Limbs s = Int128LimbsFromUInt128(u);

			EXPECT(SameBits(UInt128LimbsToDouble(u), (double) v), "2^%d%+d", k, delta);
			EXPECT(SameBits(Int128LimbsToDouble(s), (double) NS(s)), "signed 2^%d%+d", k, delta);
		}
	}
	EXPECT(SameBits(Int128LimbsToDouble(Int128LimbsFromParts(INT64_MIN, 0)), -0x1p127), "INT128 min");
	EXPECT(SameBits(Int128LimbsToDouble(Int128LimbsFromParts(INT64_MAX, UINT64_MAX)), 0x1p127), "INT128 max");
	EXPECT(SameBits(UInt128LimbsToDouble(UInt128LimbsFromParts(UINT64_MAX, UINT64_MAX)), 0x1p128), "UINT128 max");
	CheckEnd();
}

/* The public value with the bits of a. */
static JssInt128
Pub(JssInt128Limbs a)
{
	return Int128FromParts(a.hi, a.lo);
}

/* Does the public value v have the bits of the limbs a? */
static bool
SamePub(JssInt128 v, JssInt128Limbs a)
{
	return Int128Hi(v) == a.hi && Int128Lo(v) == a.lo;
}

/* Does the public value v have the bits of the limbs a? */
static bool
SamePubU(JssUInt128 v, JssUInt128Limbs a)
{
	return UInt128Hi(v) == a.hi && UInt128Lo(v) == a.lo;
}

static void
TestPublicAgainstLimbs(void)
{
	RandSeed(1302);
	CheckBegin(JSS_INT128_NATIVE ?
			   "int128 (native build): every Int128 and UInt128 function equals its limb form" :
			   "int128 (limb build): every Int128 and UInt128 function equals its limb form");
	for (int i = 0; i < ROUNDS; i++)
	{
		JssInt128Limbs a = Edge128(),
					b = Edge128();
		JssUInt128Limbs ua = UInt128LimbsFromInt128(a),
					ub = UInt128LimbsFromInt128(b);
		JssUInt128	pa = UInt128FromInt128(Pub(a)),
					pb = UInt128FromInt128(Pub(b));
		int64_t		m = EdgeI64();
		uint64_t	x = EdgeU64(),
					y = EdgeU64(),
					d = UInt128LimbsFromInt128(a).hi | 1,
					r1,
					r2;
		JssUInt128Limbs n = UInt128LimbsFromParts(RandBelow(d), x);

		EXPECT(SamePub(Int128FromInt64(m), Int128LimbsFromInt64(m)), "i=%d", i);
		EXPECT(SamePub(Int128Add(Pub(a), Pub(b)), Int128LimbsAdd(a, b)), "i=%d", i);
		EXPECT(SamePub(Int128Sub(Pub(a), Pub(b)), Int128LimbsSub(a, b)), "i=%d", i);
		EXPECT(SamePub(Int128Neg(Pub(a)), Int128LimbsNeg(a)), "i=%d", i);
		EXPECT(SamePub(Int128Mul64(m, (int64_t) x), Int128LimbsMul64(m, (int64_t) x)), "i=%d", i);
		EXPECT(SamePub(Int128MulInt64(Pub(a), m), Int128LimbsMulInt64(a, m)), "i=%d", i);
		EXPECT(Int128Cmp(Pub(a), Pub(b)) == Int128LimbsCmp(a, b), "i=%d", i);
		EXPECT(Int128Sign(Pub(a)) == Int128LimbsCmp(a, Int128LimbsFromInt64(0)), "i=%d", i);
		EXPECT(SameBits(Int128ToDouble(Pub(a)), Int128LimbsToDouble(a)), "i=%d", i);
		EXPECT(SamePubU(UInt128FromParts(ua.hi, ua.lo), ua), "i=%d", i);
		EXPECT(SamePubU(UInt128Add(pa, pb), UInt128LimbsAdd(ua, ub)), "i=%d", i);
		EXPECT(SamePubU(UInt128Sub(pa, pb), UInt128LimbsSub(ua, ub)), "i=%d", i);
		EXPECT(UInt128Cmp(pa, pb) == UInt128LimbsCmp(ua, ub), "i=%d", i);
		EXPECT(SamePubU(UInt128Mul64(x, y), UInt128LimbsMul64(x, y)), "i=%d", i);
		EXPECT(SamePubU(UInt128MulAdd64(x, y, ua.lo, ub.lo), UInt128LimbsMulAdd64(x, y, ua.lo, ub.lo)), "i=%d", i);
		EXPECT(UInt128DivMod64(UInt128FromParts(n.hi, n.lo), d, &r1) == UInt128LimbsDivMod64(n, d, &r2) &&
			   r1 == r2, "i=%d", i);
		EXPECT(SameBits(UInt128ToDouble(pa), UInt128LimbsToDouble(ua)), "i=%d", i);
	}
	CheckEnd();
}

void
TestInt128(void)
{
	TestLimbsAgainstNative();
	TestPublicAgainstLimbs();
}

#else							/* !JSS_INT128_HAVE_COMPILER */

void
TestInt128(void)
{
	printf("note: this compiler has no 128-bit integer to compare the limbs with; "
		   "the other suites test them against the bignum reference\n");
}

#endif
