/*-------------------------------------------------------------------------
 *
 * unit.h
 *	  A tiny harness for the plain-C unit tests of jss's arithmetic core,
 *	  and an independent reference: a signed base-10^9 bignum.
 *
 * A named check is a block between CheckBegin() and CheckEnd(); EXPECT()
 * inside it records a failure (printing the first few, with the file, the
 * line and a message) without stopping the check.  CheckEnd() counts the
 * whole check once, as passed or failed, so that a loop over ten thousand
 * random values is one named check, not ten thousand.
 *
 * The bignum shares no code with src/wideint.c: it works in base 10^9 on
 * sign and magnitude, so that agreeing with it means something.
 *
 *-------------------------------------------------------------------------
 */
#ifndef JSS_UNIT_H
#define JSS_UNIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "state.h"

/* ---- checks ---- */

extern long unit_passed;
extern long unit_failed;

extern void CheckBegin(const char *name);
extern bool CheckEnd(void);
extern void CheckFail(const char *file, int line, const char *cond,
					  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Record a failure of the current check when cond is false. */
#define EXPECT(cond, ...) \
	do { \
		if (!(cond)) \
			CheckFail(__FILE__, __LINE__, #cond, __VA_ARGS__); \
	} while (0)

/* A check made of a single condition. */
#define CHECK(name, cond, ...) \
	do { \
		CheckBegin(name); \
		EXPECT(cond, __VA_ARGS__); \
		CheckEnd(); \
	} while (0)

/* ---- 128-bit shorthands (int128.h) ---- */

/* v as a JssInt128 */
#define I128(v) Int128FromInt64(v)

/* Is a = b? */
static inline bool
I128Eq(JssInt128 a, JssInt128 b)
{
	return Int128Cmp(a, b) == 0;
}

/* a as a long double, to within a unit or two of its last place */
static inline long double
I128ToLongDouble(JssInt128 a)
{
	return (long double) Int128Hi(a) * 0x1p64L + (long double) Int128Lo(a);
}

/* ---- deterministic PRNG (xorshift64*) ---- */

extern void RandSeed(uint64_t seed);
extern uint64_t RandU64(void);
/* uniform in [0, n), n > 0 */
extern uint64_t RandBelow(uint64_t n);
/* uniform in [lo, hi] */
extern int64_t RandRange(int64_t lo, int64_t hi);
/* a double uniform in [0, 1) */
extern double RandUnit(void);

/* ---- reference bignum: sign and magnitude, base 10^9 ---- */

#define BIG_BASE 1000000000u
#define BIG_MAX_LIMBS 80		/* 720 decimal digits */

typedef struct Big
{
	int			neg;			/* 1 if negative; never set for zero */
	int			n;				/* limbs in use; 0 for zero */
	uint32_t	d[BIG_MAX_LIMBS];	/* least significant first */
} Big;

extern Big	BigFromU64(uint64_t v);
extern Big	BigFromI64(int64_t v);
extern Big	BigFromI128(JssInt128 v);
/* sum of limb[i] * 2^(64 i); minus 2^(64 n) when is_signed and the top bit is set */
extern Big	BigFromLimbs(const uint64_t *limb, int n, bool is_signed);
/* the exact value of a finite double */
extern Big	BigFromDouble(double v);
extern Big	BigPow2(int k);
extern Big	BigAdd(const Big *a, const Big *b);
extern Big	BigSub(const Big *a, const Big *b);
extern Big	BigMul(const Big *a, const Big *b);
extern Big	BigNeg(const Big *a);
extern Big	BigAbs(const Big *a);
extern int	BigCmp(const Big *a, const Big *b);
extern bool BigIsZero(const Big *a);
/* decimal text, "-123"; buf of at least 8 + 9 * BIG_MAX_LIMBS bytes */
extern void BigToString(const Big *a, char *buf);
#define BIG_STR_LEN (8 + 9 * BIG_MAX_LIMBS)

/* ---- reference calendar (proleptic Gregorian, astronomical years) ---- */

/* days since 2000-01-01 of y-m-d, by counting leap years, not by eras */
extern int64_t RefDaysFromCivil(int64_t y, int m, int d);
extern void RefCivilFromDays(int64_t days, int64_t *y, int *m, int *d);
/* "2026-01-01T00:00:00Z", ".ffffff" only when there are microseconds */
extern void RefFormatTimestamp(int64_t ts, char *buf);

/* ---- suites ---- */

extern void TestInt128(void);
extern void TestWideInt(void);
extern void TestState(void);
extern void TestFormat(void);
extern void TestCalendar(void);

/* Multiply every count and sum of a one-row-kind state by k (exactly). */
extern void ScaleState(JssState *s, int64_t k);

#endif							/* JSS_UNIT_H */
