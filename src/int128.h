/*-------------------------------------------------------------------------
 *
 * int128.h
 *	  Signed and unsigned 128-bit integers: the compiler's own where it has
 *	  one, two 64-bit limbs where it does not, in plain C.
 *
 * Two representations, one meaning.  JssInt128 is a two's complement
 * integer modulo 2^128 and JssUInt128 an unsigned one; every operation
 * below gives the same bits in both representations, and the value has the
 * same 16 bytes in memory in both, so that a state written by one build is
 * read unchanged by the other.
 *
 *	 native:	the compiler's 128-bit integer (gcc and clang on 64-bit
 *				platforms).  Each operation is a one-line inline function
 *				that compiles to the plain operator.
 *	 limbs:		a struct of two 64-bit halves, hi (signed in JssInt128) and
 *				lo, for 32-bit platforms such as i386 whose compiler has no
 *				128-bit integer.  The halves are in the platform's byte order
 *				(lo first on little-endian), so that the bytes are those of
 *				the native integer.
 *
 * Which one.  In the server build (the Makefile defines JSS_SERVER_BUILD)
 * PostgreSQL's configuration decides, as c.h does for its int128: native
 * when pg_config.h names a 128-bit type (PG_INT128_TYPE) and its alignment
 * can be held to MAXIMUM_ALIGNOF, the most that a varlena gets.  Outside
 * the server (unit tests, fuzzers) native when the compiler defines
 * __SIZEOF_INT128__, aligned to 8.  Defining JSS_INT128_FALLBACK forces the
 * limbs on any machine, so that 64-bit machines test them too.  The limb
 * struct needs no attribute: it is aligned like a uint64_t, which is never
 * more than MAXIMUM_ALIGNOF (4 on i386, 8 on amd64).
 *
 * The limb functions (Int128Limbs*, UInt128Limbs*) are defined in every
 * build, so that the unit tests can compare each of them with the native
 * operator on the same machine; everything else in jss calls only the
 * Int128* and UInt128* functions and never looks inside a value.
 *
 * Callers keep values inside the range (state.h bounds every sum), so the
 * operations wrap silently modulo 2^128, as the native operators do under
 * -fwrapv; none can trap.  Only what jss needs is here.
 *
 *-------------------------------------------------------------------------
 */
#ifndef JSS_INT128_H
#define JSS_INT128_H

#include <stdbool.h>
#include <stdint.h>

/* ---- which representation ---- */

#if defined(JSS_SERVER_BUILD)
#include "pg_config.h"
#define JSS_INT128_ALIGN MAXIMUM_ALIGNOF
#if defined(PG_INT128_TYPE) && \
	(defined(__GNUC__) || ALIGNOF_PG_INT128_TYPE <= MAXIMUM_ALIGNOF)
#define JSS_INT128_COMPILER_TYPE PG_INT128_TYPE
#endif
#else
#define JSS_INT128_ALIGN 8
#if defined(__SIZEOF_INT128__)
#define JSS_INT128_COMPILER_TYPE __int128
#endif
#endif

#if defined(JSS_INT128_COMPILER_TYPE) && !defined(JSS_INT128_FALLBACK)
#define JSS_INT128_NATIVE 1
#else
#define JSS_INT128_NATIVE 0
#endif

/* A file that included PostgreSQL's c.h first must agree with it. */
#if defined(HAVE_INT128) && !JSS_INT128_NATIVE && !defined(JSS_INT128_FALLBACK)
#error "PostgreSQL has a 128-bit integer type but int128.h chose the limbs"
#endif

/*
 * The compiler's 128-bit integers at their natural alignment, for the unit
 * tests that compare the limbs with them; JSS_INT128_HAVE_COMPILER says
 * whether they exist.  Nothing outside test/ uses them.
 */
#if defined(JSS_INT128_COMPILER_TYPE)
#define JSS_INT128_HAVE_COMPILER 1
typedef JSS_INT128_COMPILER_TYPE JssCompilerInt128;
typedef unsigned JSS_INT128_COMPILER_TYPE JssCompilerUInt128;
#else
#define JSS_INT128_HAVE_COMPILER 0
#endif

/* ---- the limb form ---- */

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
typedef struct JssInt128Limbs
{
	int64_t		hi;
	uint64_t	lo;
} JssInt128Limbs;
typedef struct JssUInt128Limbs
{
	uint64_t	hi;
	uint64_t	lo;
} JssUInt128Limbs;
#else
typedef struct JssInt128Limbs
{
	uint64_t	lo;
	int64_t		hi;
} JssInt128Limbs;
typedef struct JssUInt128Limbs
{
	uint64_t	lo;
	uint64_t	hi;
} JssUInt128Limbs;
#endif

/* hi * 2^64 + lo */
static inline JssInt128Limbs
Int128LimbsFromParts(int64_t hi, uint64_t lo)
{
	JssInt128Limbs r;

	r.hi = hi;
	r.lo = lo;
	return r;
}

/* hi * 2^64 + lo */
static inline JssUInt128Limbs
UInt128LimbsFromParts(uint64_t hi, uint64_t lo)
{
	JssUInt128Limbs r;

	r.hi = hi;
	r.lo = lo;
	return r;
}

/*
 * a + b and a - b modulo 2^128, on the halves: the low halves wrap modulo
 * 2^64, and the sum wrapped (carried) exactly when it is below an addend;
 * the difference borrowed exactly when a.lo < b.lo.  Unsigned arithmetic
 * on the high halves too, so that the signed form wraps instead of
 * overflowing.
 */
static inline JssUInt128Limbs
UInt128LimbsAdd(JssUInt128Limbs a, JssUInt128Limbs b)
{
	uint64_t	lo = a.lo + b.lo;

	return UInt128LimbsFromParts(a.hi + b.hi + (lo < a.lo), lo);
}

/* a - b modulo 2^128 (see UInt128LimbsAdd). */
static inline JssUInt128Limbs
UInt128LimbsSub(JssUInt128Limbs a, JssUInt128Limbs b)
{
	return UInt128LimbsFromParts(a.hi - b.hi - (a.lo < b.lo), a.lo - b.lo);
}

/* The same 128 bits, read as unsigned. */
static inline JssUInt128Limbs
UInt128LimbsFromInt128(JssInt128Limbs a)
{
	return UInt128LimbsFromParts((uint64_t) a.hi, a.lo);
}

/* The same 128 bits, read as signed. */
static inline JssInt128Limbs
Int128LimbsFromUInt128(JssUInt128Limbs a)
{
	return Int128LimbsFromParts((int64_t) a.hi, a.lo);
}

/* a + b modulo 2^128. */
static inline JssInt128Limbs
Int128LimbsAdd(JssInt128Limbs a, JssInt128Limbs b)
{
	return Int128LimbsFromUInt128(UInt128LimbsAdd(UInt128LimbsFromInt128(a),
												  UInt128LimbsFromInt128(b)));
}

/* a - b modulo 2^128. */
static inline JssInt128Limbs
Int128LimbsSub(JssInt128Limbs a, JssInt128Limbs b)
{
	return Int128LimbsFromUInt128(UInt128LimbsSub(UInt128LimbsFromInt128(a),
												  UInt128LimbsFromInt128(b)));
}

/* -a modulo 2^128: 0 - a. */
static inline JssInt128Limbs
Int128LimbsNeg(JssInt128Limbs a)
{
	return Int128LimbsSub(Int128LimbsFromParts(0, 0), a);
}

/* v sign-extended to 128 bits. */
static inline JssInt128Limbs
Int128LimbsFromInt64(int64_t v)
{
	return Int128LimbsFromParts(v < 0 ? -1 : 0, (uint64_t) v);
}

/*
 * The full product of two unsigned 64-bit integers, schoolbook on 32-bit
 * halves a = a1*2^32 + a0, b = b1*2^32 + b0:
 *
 *	 a*b = a1*b1*2^64 + (a1*b0 + a0*b1)*2^32 + a0*b0
 *
 * Each partial product of two 32-bit halves fits 64 bits.  mid collects
 * bits 32 to 63: the high half of a0*b0 and the low halves of the two
 * cross products, at most 3 * (2^32 - 1), so it cannot wrap; its own high
 * bits (at most 2) carry into the high half with the cross products' high
 * halves.  The high half cannot wrap either, as a*b < 2^128.
 */
static inline JssUInt128Limbs
UInt128LimbsMul64(uint64_t a, uint64_t b)
{
	uint64_t	a0 = a & UINT32_MAX,
				a1 = a >> 32,
				b0 = b & UINT32_MAX,
				b1 = b >> 32;
	uint64_t	p00 = a0 * b0,
				p01 = a0 * b1,
				p10 = a1 * b0;
	uint64_t	mid = (p00 >> 32) + (p01 & UINT32_MAX) + (p10 & UINT32_MAX);

	return UInt128LimbsFromParts(a1 * b1 + (p01 >> 32) + (p10 >> 32) + (mid >> 32),
								 (mid << 32) | (p00 & UINT32_MAX));
}

/*
 * a * b + c + d, exact: at most (2^64 - 1)^2 + 2 * (2^64 - 1) = 2^128 - 1,
 * so each addition's carry out of the low half always fits the high half.
 */
static inline JssUInt128Limbs
UInt128LimbsMulAdd64(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
	JssUInt128Limbs r = UInt128LimbsMul64(a, b);

	r = UInt128LimbsAdd(r, UInt128LimbsFromParts(0, c));
	return UInt128LimbsAdd(r, UInt128LimbsFromParts(0, d));
}

/*
 * The exact product of two int64, from the unsigned one.  Read as
 * unsigned, a is ua = a + 2^64 * [a < 0], and likewise b, so
 *
 *	 ua*ub = a*b + 2^64 * ([a < 0]*b + [b < 0]*a) + 2^128 * [a < 0][b < 0]
 *
 * and modulo 2^128, a*b is ua*ub with the middle term taken off the high
 * half.
 */
static inline JssInt128Limbs
Int128LimbsMul64(int64_t a, int64_t b)
{
	JssUInt128Limbs p = UInt128LimbsMul64((uint64_t) a, (uint64_t) b);

	p.hi -= (a < 0 ? (uint64_t) b : 0) + (b < 0 ? (uint64_t) a : 0);
	return Int128LimbsFromUInt128(p);
}

/*
 * a * m modulo 2^128.  With a = a.hi*2^64 + a.lo (a.lo unsigned) and a
 * negative m read as m + 2^64:
 *
 *	 a*m = a.lo*m + 2^64 * a.hi*m
 *		 = a.lo*(m + 2^64) - 2^64 * a.lo + 2^64 * a.hi*m	when m < 0
 *
 * so the unsigned product a.lo*um, plus 2^64 * (a.hi*m - (m < 0 ? a.lo : 0))
 * of which only the low 64 bits matter.
 */
static inline JssInt128Limbs
Int128LimbsMulInt64(JssInt128Limbs a, int64_t m)
{
	JssUInt128Limbs p = UInt128LimbsMul64(a.lo, (uint64_t) m);

	p.hi += (uint64_t) a.hi * (uint64_t) m - (m < 0 ? a.lo : 0);
	return Int128LimbsFromUInt128(p);
}

/* -1, 0 or 1 as a < b, a = b or a > b: the high halves first. */
static inline int
Int128LimbsCmp(JssInt128Limbs a, JssInt128Limbs b)
{
	if (a.hi != b.hi)
		return a.hi < b.hi ? -1 : 1;
	return (a.lo > b.lo) - (a.lo < b.lo);
}

/* -1, 0 or 1 as a < b, a = b or a > b. */
static inline int
UInt128LimbsCmp(JssUInt128Limbs a, JssUInt128Limbs b)
{
	if (a.hi != b.hi)
		return a.hi < b.hi ? -1 : 1;
	return (a.lo > b.lo) - (a.lo < b.lo);
}

/*
 * n / d and n % d for n = n.hi*2^64 + n.lo with n.hi < d, so that the
 * quotient fits 64 bits.  Restoring long division, one bit of n.lo at a
 * time: the remainder r < d is doubled and the next bit brought in, and
 * wherever that reaches d, d is taken off and the quotient bit is 1.  2r + 1
 * < 2d can pass 2^64: the bit shifted out of r then says that it is >= d,
 * and the subtraction modulo 2^64 still gives the true remainder.
 */
static inline uint64_t
UInt128LimbsDivMod64(JssUInt128Limbs n, uint64_t d, uint64_t *rem)
{
	uint64_t	r = n.hi,
				q = 0;

	for (int i = 63; i >= 0; i--)
	{
		uint64_t	out = r >> 63;

		r = (r << 1) | ((n.lo >> i) & 1);
		q <<= 1;
		if (out || r >= d)
		{
			r -= d;
			q |= 1;
		}
	}
	*rem = r;
	return q;
}

/* The number of leading zero bits of a nonzero v, by halving. */
static inline int
LeadingZeros64(uint64_t v)
{
	int			n = 0;

	for (int step = 32; step > 0; step /= 2)
		if ((v >> (64 - step)) == 0)
		{
			v <<= step;
			n += step;
		}
	return n;
}

/*
 * The double nearest to a, ties to even, as the native conversion rounds.
 *
 * When a.hi = 0 the uint64 conversion does it.  Otherwise let a have
 * L = 128 - shift significant bits (65 <= L <= 128), and take its leading
 * 64 bits, top = floor(a / 2^(64 - shift)), with every lower bit that is
 * set ORed into the lowest bit of top ("sticky"):
 *
 *	 a = (top + f) * 2^(64 - shift),  0 <= f < 1
 *
 * A double keeps the leading 53 bits, so the rounding of a is decided by
 * bit 10 of top (the half) and whether anything below it is nonzero.
 * Bits 0 to 9 of top and f lie wholly below the half bit: replacing f by
 * (f != 0) in bit 0 changes neither the half bit nor whether anything below
 * it is set, so round(top | sticky) = round(top + f).  The scale 2^(64 -
 * shift) <= 2^64 is a power of two, exact in a double, and a product with
 * it is exact (no overflow below 2^1024, no subnormals): one rounding, in
 * the uint64 conversion, which is correctly rounded in the current mode
 * (round to nearest even), as the native 128-bit one is.
 */
static inline double
UInt128LimbsToDouble(JssUInt128Limbs a)
{
	int			shift;
	uint64_t	top;
	uint64_t	below;

	if (a.hi == 0)
		return (double) a.lo;
	shift = LeadingZeros64(a.hi);
	top = shift == 0 ? a.hi : (a.hi << shift) | (a.lo >> (64 - shift));
	below = shift == 0 ? a.lo : a.lo << shift;
	top |= (uint64_t) (below != 0);
	return (double) top * ((double) (UINT64_C(1) << (63 - shift)) * 2.0);
}

/*
 * The double nearest to a, ties to even: the conversion of |a|, then the
 * sign, since rounding to nearest even is symmetric about 0.  |INT128_MIN|
 * = 2^127 is exact as unsigned.
 */
static inline double
Int128LimbsToDouble(JssInt128Limbs a)
{
	if (a.hi == ((a.lo >> 63) ? -1 : 0))
		return (double) (int64_t) a.lo;
	if (a.hi < 0)
		return -UInt128LimbsToDouble(UInt128LimbsFromInt128(Int128LimbsNeg(a)));
	return UInt128LimbsToDouble(UInt128LimbsFromInt128(a));
}

/* ---- the types jss uses ---- */

#if JSS_INT128_NATIVE
#if defined(__GNUC__)
typedef JSS_INT128_COMPILER_TYPE JssInt128 __attribute__((aligned(JSS_INT128_ALIGN)));
typedef unsigned JSS_INT128_COMPILER_TYPE JssUInt128 __attribute__((aligned(JSS_INT128_ALIGN)));
#else
typedef JSS_INT128_COMPILER_TYPE JssInt128;
typedef unsigned JSS_INT128_COMPILER_TYPE JssUInt128;
#endif
#else
typedef JssInt128Limbs JssInt128;
typedef JssUInt128Limbs JssUInt128;
#endif

_Static_assert(sizeof(JssInt128) == 16 && sizeof(JssUInt128) == 16,
			   "a 128-bit integer must take 16 bytes, without padding");
_Static_assert(_Alignof(JssInt128) <= JSS_INT128_ALIGN,
			   "a 128-bit integer inside a state must not need more alignment than a varlena gets");

/*
 * The operations.  Native: the operator.  Limbs: the function above.
 */

/* hi * 2^64 + lo */
static inline JssInt128
Int128FromParts(int64_t hi, uint64_t lo)
{
#if JSS_INT128_NATIVE
	return (JssInt128) (((JssUInt128) (uint64_t) hi << 64) | lo);
#else
	return Int128LimbsFromParts(hi, lo);
#endif
}

/* v sign-extended to 128 bits. */
static inline JssInt128
Int128FromInt64(int64_t v)
{
#if JSS_INT128_NATIVE
	return v;
#else
	return Int128LimbsFromInt64(v);
#endif
}

/* The high 64 bits, signed: floor(a / 2^64). */
static inline int64_t
Int128Hi(JssInt128 a)
{
#if JSS_INT128_NATIVE
	return (int64_t) (uint64_t) ((JssUInt128) a >> 64);
#else
	return a.hi;
#endif
}

/* The low 64 bits: a mod 2^64 (a itself, as an int64, when it fits). */
static inline uint64_t
Int128Lo(JssInt128 a)
{
#if JSS_INT128_NATIVE
	return (uint64_t) a;
#else
	return a.lo;
#endif
}

/* a + b modulo 2^128. */
static inline JssInt128
Int128Add(JssInt128 a, JssInt128 b)
{
#if JSS_INT128_NATIVE
	return (JssInt128) ((JssUInt128) a + (JssUInt128) b);
#else
	return Int128LimbsAdd(a, b);
#endif
}

/* a - b modulo 2^128. */
static inline JssInt128
Int128Sub(JssInt128 a, JssInt128 b)
{
#if JSS_INT128_NATIVE
	return (JssInt128) ((JssUInt128) a - (JssUInt128) b);
#else
	return Int128LimbsSub(a, b);
#endif
}

/* -a modulo 2^128. */
static inline JssInt128
Int128Neg(JssInt128 a)
{
#if JSS_INT128_NATIVE
	return (JssInt128) -(JssUInt128) a;
#else
	return Int128LimbsNeg(a);
#endif
}

/* The exact product of two int64. */
static inline JssInt128
Int128Mul64(int64_t a, int64_t b)
{
#if JSS_INT128_NATIVE
	return (JssInt128) a * b;
#else
	return Int128LimbsMul64(a, b);
#endif
}

/* a * m modulo 2^128 (callers know that it fits). */
static inline JssInt128
Int128MulInt64(JssInt128 a, int64_t m)
{
#if JSS_INT128_NATIVE
	return (JssInt128) ((JssUInt128) a * (JssUInt128) (JssInt128) m);
#else
	return Int128LimbsMulInt64(a, m);
#endif
}

/* -1, 0 or 1 as a < b, a = b or a > b. */
static inline int
Int128Cmp(JssInt128 a, JssInt128 b)
{
#if JSS_INT128_NATIVE
	return (a > b) - (a < b);
#else
	return Int128LimbsCmp(a, b);
#endif
}

/* -1, 0 or 1 as a is negative, zero or positive. */
static inline int
Int128Sign(JssInt128 a)
{
	return Int128Cmp(a, Int128FromInt64(0));
}

/* The double nearest to a, ties to even. */
static inline double
Int128ToDouble(JssInt128 a)
{
#if JSS_INT128_NATIVE
	return (double) a;
#else
	return Int128LimbsToDouble(a);
#endif
}

/* hi * 2^64 + lo */
static inline JssUInt128
UInt128FromParts(uint64_t hi, uint64_t lo)
{
#if JSS_INT128_NATIVE
	return ((JssUInt128) hi << 64) | lo;
#else
	return UInt128LimbsFromParts(hi, lo);
#endif
}

/* The same 128 bits, read as unsigned. */
static inline JssUInt128
UInt128FromInt128(JssInt128 a)
{
#if JSS_INT128_NATIVE
	return (JssUInt128) a;
#else
	return UInt128LimbsFromInt128(a);
#endif
}

/* The high 64 bits. */
static inline uint64_t
UInt128Hi(JssUInt128 a)
{
#if JSS_INT128_NATIVE
	return (uint64_t) (a >> 64);
#else
	return a.hi;
#endif
}

/* The low 64 bits. */
static inline uint64_t
UInt128Lo(JssUInt128 a)
{
#if JSS_INT128_NATIVE
	return (uint64_t) a;
#else
	return a.lo;
#endif
}

/* a + b modulo 2^128. */
static inline JssUInt128
UInt128Add(JssUInt128 a, JssUInt128 b)
{
#if JSS_INT128_NATIVE
	return a + b;
#else
	return UInt128LimbsAdd(a, b);
#endif
}

/* a - b modulo 2^128. */
static inline JssUInt128
UInt128Sub(JssUInt128 a, JssUInt128 b)
{
#if JSS_INT128_NATIVE
	return a - b;
#else
	return UInt128LimbsSub(a, b);
#endif
}

/* -1, 0 or 1 as a < b, a = b or a > b. */
static inline int
UInt128Cmp(JssUInt128 a, JssUInt128 b)
{
#if JSS_INT128_NATIVE
	return (a > b) - (a < b);
#else
	return UInt128LimbsCmp(a, b);
#endif
}

/* The full product of two uint64. */
static inline JssUInt128
UInt128Mul64(uint64_t a, uint64_t b)
{
#if JSS_INT128_NATIVE
	return (JssUInt128) a * b;
#else
	return UInt128LimbsMul64(a, b);
#endif
}

/* a * b + c + d, exact (it never exceeds 2^128 - 1). */
static inline JssUInt128
UInt128MulAdd64(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
#if JSS_INT128_NATIVE
	return (JssUInt128) a * b + c + d;
#else
	return UInt128LimbsMulAdd64(a, b, c, d);
#endif
}

/* n / d, and n % d in *rem, for UInt128Hi(n) < d (the quotient fits 64 bits). */
static inline uint64_t
UInt128DivMod64(JssUInt128 n, uint64_t d, uint64_t *rem)
{
#if JSS_INT128_NATIVE
	*rem = (uint64_t) (n % d);
	return (uint64_t) (n / d);
#else
	return UInt128LimbsDivMod64(n, d, rem);
#endif
}

/* The double nearest to a, ties to even. */
static inline double
UInt128ToDouble(JssUInt128 a)
{
#if JSS_INT128_NATIVE
	return (double) a;
#else
	return UInt128LimbsToDouble(a);
#endif
}

#endif							/* JSS_INT128_H */
