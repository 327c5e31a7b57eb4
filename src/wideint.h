/*-------------------------------------------------------------------------
 *
 * wideint.h
 *	  Exact integer arithmetic wider than 64 bits, in plain C.
 *
 * jss accumulates fixed-point sums in integers so that every plan gives the
 * same bits.  Most sums fit in 128 bits (JssInt128, int128.h); the three
 * second-moment sums (w*x^2, w*x*o, w*o^2) need up to 156 bits and live in
 * a 192-bit accumulator (Int192).  Final functions form products of sums,
 * such as W*Sxx and (W*Syy)*(W*Sxx) - (W*Sxy)^2, in 512-bit integers
 * (WideInt), so that no cancellation ever loses a bit before the one
 * rounding to float8.
 *
 * Nothing here calls the backend: the state code built on it is fuzzed and
 * unit-tested outside the server.
 *
 *-------------------------------------------------------------------------
 */
#ifndef JSS_WIDEINT_H
#define JSS_WIDEINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "int128.h"

/* Signed 192-bit two's complement integer, least significant limb first. */
typedef struct Int192
{
	uint64_t	limb[3];
} Int192;

/* Signed 512-bit two's complement integer, least significant limb first. */
#define WIDEINT_LIMBS 8
typedef struct WideInt
{
	uint64_t	limb[WIDEINT_LIMBS];
} WideInt;

/* Longest decimal text of an Int192, with sign and terminating NUL. */
#define INT192_DECIMAL_LEN 60

/* a += v, for a signed 128-bit v (one row's contribution). */
static inline void
Int192AddInt128(Int192 *a, JssInt128 v)
{
	JssUInt128	low = UInt128FromParts(a->limb[1], a->limb[0]);
	JssUInt128	sum = UInt128Add(low, UInt128FromInt128(v));

	a->limb[0] = UInt128Lo(sum);
	a->limb[1] = UInt128Hi(sum);
	/* carry out of the low 128 bits, plus the sign extension of v */
	a->limb[2] += (uint64_t) (UInt128Cmp(sum, low) < 0) +
		(Int128Hi(v) < 0 ? UINT64_MAX : 0);
}

/* a += b. */
static inline void
Int192Add(Int192 *a, const Int192 *b)
{
	JssUInt128	low = UInt128FromParts(a->limb[1], a->limb[0]);
	JssUInt128	blow = UInt128FromParts(b->limb[1], b->limb[0]);
	JssUInt128	sum = UInt128Add(low, blow);

	a->limb[0] = UInt128Lo(sum);
	a->limb[1] = UInt128Hi(sum);
	a->limb[2] += b->limb[2] + (uint64_t) (UInt128Cmp(sum, low) < 0);
}

/* a -= b. */
static inline void
Int192Sub(Int192 *a, const Int192 *b)
{
	JssUInt128	low = UInt128FromParts(a->limb[1], a->limb[0]);
	JssUInt128	blow = UInt128FromParts(b->limb[1], b->limb[0]);
	JssUInt128	diff = UInt128Sub(low, blow);

	a->limb[0] = UInt128Lo(diff);
	a->limb[1] = UInt128Hi(diff);
	a->limb[2] -= b->limb[2] + (uint64_t) (UInt128Cmp(low, blow) < 0);
}

extern bool Int192IsZero(const Int192 *a);
extern Int192 Int192FromInt128(JssInt128 v);
extern bool Int192ToInt128(const Int192 *a, JssInt128 *result);
extern int	Int192ToDecimal(const Int192 *a, char *buf);
extern const char *Int192FromDecimal(const char *str, Int192 *result);

extern WideInt WideFromInt128(JssInt128 v);
extern WideInt WideFromInt192(const Int192 *a);
extern WideInt WideMul(const WideInt *a, const WideInt *b);
extern WideInt WideSub(const WideInt *a, const WideInt *b);
extern int	WideSign(const WideInt *a);
extern int	WideCompare(const WideInt *a, const WideInt *b);
extern double WideToDouble(const WideInt *a);

#endif							/* JSS_WIDEINT_H */
