/*-------------------------------------------------------------------------
 *
 * state.h
 *	  The fixed-point jss_state: layout, accumulation and final formulas.
 *
 * Plain C, no backend calls: the server glue (aggregates.c, accessors.c,
 * state_io.c) wraps it, and test harnesses can run it outside the server.
 *
 * Fixed point.  Each outcome o and weight w is rounded to
 * the nearest multiple of 2^-32, ties away from zero, and held as an int64
 * O = o * 2^32, Wt = w * 2^32.  Time is x, the UTC day number of ended_at
 * (whole days since 2000-01-01, floor).  The state keeps exact integer
 * sums of these rounded values; the unit of each sum is given beside it.
 *
 * Bounds.  |O| <= 2^32, 0 <= Wt <= 10^6 * 2^32 < 2^52, |x| < 2^27 over
 * PostgreSQL's whole timestamptz range, and at most 2^40 rows per state.
 * So sum_wo_pos <= 2^124 fits an int128, and sum_woo <= 2^156 fits an
 * Int192; a state past 2^40 rows is refused (ERROR 22003) instead of ever
 * wrapping.  StateCheck() enforces the same bounds on states read from
 * outside, so that merging two valid states can never overflow either.
 *
 *-------------------------------------------------------------------------
 */
#ifndef JSS_STATE_H
#define JSS_STATE_H

#include "wideint.h"

/* Format version of the stored state; every release reads every earlier one. */
#define JSS_STATE_VERSION		1

#define JSS_FRACTION_BITS		32
#define JSS_FIXED_ONE			(INT64_C(1) << JSS_FRACTION_BITS)
#define JSS_MAX_WEIGHT_INT		INT64_C(1000000)
#define JSS_MAX_WEIGHT			((double) JSS_MAX_WEIGHT_INT)
#define JSS_CONTRACT_BITS		40
#define JSS_MAX_CONTRACTS		(INT64_C(1) << JSS_CONTRACT_BITS)
#define JSS_USECS_PER_DAY		INT64_C(86400000000)

/* PostgreSQL's finite timestamptz range, [MIN_TIMESTAMP, END_TIMESTAMP). */
#define JSS_MIN_TIMESTAMP		INT64_C(-211813488000000000)
#define JSS_END_TIMESTAMP		INT64_C(9223371331200000000)

/*
 * Bit budgets.  Every bound above is a number of bits, and every
 * accumulator's width must hold its largest sum: a row's weight needs
 * WEIGHT + FRACTION bits, its outcome FRACTION + 1, its day number DAY, and
 * a state sums at most 2^CONTRACT rows.  PostgreSQL compiles with -fwrapv,
 * so an overflow would wrap silently: these assertions make raising any
 * bound without widening the sums a compile error.
 */
#define JSS_WEIGHT_BITS			20	/* JSS_MAX_WEIGHT_INT <= 2^20 */
#define JSS_DAY_BITS			27	/* |day number| < 2^27 over the whole range */
#define JSS_WIDE_SUM_BITS		160 /* what StateCheckBounds allows an Int192 sum */

#define JSS_ROW_W_BITS			(JSS_WEIGHT_BITS + JSS_FRACTION_BITS)	/* w * 2^32 */
#define JSS_ROW_O_BITS			JSS_FRACTION_BITS	/* |o * 2^32| <= 2^32 */

_Static_assert(JSS_MAX_WEIGHT_INT <= (INT64_C(1) << JSS_WEIGHT_BITS),
			   "JSS_MAX_WEIGHT must fit JSS_WEIGHT_BITS");
_Static_assert(JSS_ROW_W_BITS <= 52,
			   "a fixed-point weight must be exact in a double and fit an int64");
_Static_assert(-(JSS_MIN_TIMESTAMP / JSS_USECS_PER_DAY) + 1 < (INT64_C(1) << JSS_DAY_BITS) &&
			   JSS_END_TIMESTAMP / JSS_USECS_PER_DAY < (INT64_C(1) << JSS_DAY_BITS),
			   "day numbers must fit JSS_DAY_BITS");
/* 128-bit sums (signed: 127 bits of magnitude) */
_Static_assert(JSS_CONTRACT_BITS + JSS_ROW_W_BITS <= 126,
			   "sum_w, sum_w_pos and sum_w_neg must fit an int128 with room to add two states");
_Static_assert(JSS_CONTRACT_BITS + JSS_ROW_W_BITS + JSS_ROW_O_BITS <= 126,
			   "sum_wo_pos and sum_wo_neg must fit an int128 with room to add two states");
_Static_assert(JSS_CONTRACT_BITS + JSS_ROW_W_BITS + JSS_DAY_BITS <= 126,
			   "sum_wx must fit an int128 with room to add two states");
_Static_assert(JSS_ROW_W_BITS + 2 * JSS_ROW_O_BITS <= 126 &&
			   JSS_ROW_W_BITS + JSS_DAY_BITS + JSS_ROW_O_BITS <= 126 &&
			   JSS_ROW_W_BITS + 2 * JSS_DAY_BITS <= 126,
			   "one row's second-moment product must fit an int128");
/* 192-bit sums, bounded by JSS_WIDE_SUM_BITS on input */
_Static_assert(JSS_CONTRACT_BITS + JSS_ROW_W_BITS + 2 * JSS_DAY_BITS <= JSS_WIDE_SUM_BITS &&
			   JSS_CONTRACT_BITS + JSS_ROW_W_BITS + JSS_DAY_BITS + JSS_ROW_O_BITS <= JSS_WIDE_SUM_BITS &&
			   JSS_CONTRACT_BITS + JSS_ROW_W_BITS + 2 * JSS_ROW_O_BITS <= JSS_WIDE_SUM_BITS,
			   "sum_wxx, sum_wxo and sum_woo must stay below the 2^160 that states are checked against");
_Static_assert(JSS_WIDE_SUM_BITS + 1 < 191,
			   "two checked Int192 sums must add without overflow");

/* Default score prior: K prior contracts of outcome m, n >= 2. */
#define JSS_PRIOR_WEIGHT		3.0
#define JSS_PRIOR_MEAN			1.0
#define JSS_MIN_CONTRACTS		2

/*
 * The state, as stored (native byte order, like every PostgreSQL type; the
 * binary send/receive form is network order, in its own field order).
 * Fixed size, no implicit padding, every byte written: states compare equal
 * byte for byte exactly when they hold the same rows' sums.
 *
 * Field order is for the cache: a row without a time changes contracts,
 * sum_w and one sign's pair of sums, which lie within the first 96 bytes,
 * a positive row (the common case) within the first 64.  A GROUP BY
 * touches one state per row at random, so each cache line not touched is
 * a miss saved.
 */
typedef struct JssState
{
	int32_t		vl_len_;		/* varlena header (do not touch directly) */
	uint16_t	version;		/* JSS_STATE_VERSION */
	uint16_t	flags;			/* reserved, always 0 in version 1 */
	/* what every row changes, first and together: see below */
	int64_t		contracts;		/* n: rows counted */
	JssInt128	sum_w;			/* W = sum of w, units 2^-32 */
	JssInt128	sum_w_pos;		/* S = sum of w over o > 0, units 2^-32 */
	JssInt128	sum_wo_pos;		/* sum of w*o over o > 0, units 2^-64 */
	JssInt128	sum_w_neg;		/* D = sum of w over o < 0, units 2^-32 */
	JssInt128	sum_wo_neg;		/* sum of w*|o| over o < 0, units 2^-64 */
	int64_t		neutral;		/* rows whose rounded outcome is 0 */
	/* the dated rows only; all zero when dated = 0 */
	int64_t		dated;			/* rows added with an ended_at */
	int64_t		first_ended;	/* earliest ended_at (TimestampTz); 0 if dated = 0 */
	int64_t		last_ended;		/* latest ended_at; 0 if dated = 0 */
	JssInt128	sum_wx;			/* sum of w*x, units 2^-32 */
	Int192		sum_wxx;		/* sum of w*x^2, units 2^-32 */
	Int192		sum_wxo;		/* sum of w*x*o, units 2^-64 */
	Int192		sum_woo;		/* sum of w*o^2, units 2^-96 */
} JssState;

/*
 * Round v * 2^32 to the nearest integer, ties away from zero.  Scaling by a
 * power of two is exact, and so are the truncation and the difference, so
 * this is the exact rounding of v.  The caller has checked |v| <= 10^6.
 */
static inline int64_t
JssToFixed(double v)
{
	double		scaled = v * (double) JSS_FIXED_ONE;
	int64_t		r = (int64_t) scaled;	/* truncates toward zero */
	double		rest = scaled - (double) r;

	if (rest >= 0.5)
		r++;
	else if (rest <= -0.5)
		r--;
	return r;
}

/* Whole days since 2000-01-01 UTC, rounded down, of a finite timestamptz. */
static inline int64_t
JssDayNumber(int64_t ended_at)
{
	int64_t		day = ended_at / JSS_USECS_PER_DAY;

	if (ended_at % JSS_USECS_PER_DAY < 0)
		day--;
	return day;
}

extern void StateInit(JssState *s);
extern bool StateAddRow(JssState *s, int64_t w, int64_t o);
extern bool StateAddDatedRow(JssState *s, int64_t w, int64_t o, int64_t ended_at);
extern void StateRemoveRow(JssState *s, int64_t w, int64_t o);
extern void StateRemoveDatedRow(JssState *s, int64_t w, int64_t o, int64_t ended_at);
extern bool StateMerge(JssState *dst, const JssState *src);
extern void StateUnmerge(JssState *dst, const JssState *src);
extern const char *StateCheckBounds(const JssState *s);
extern const char *StateCheck(const JssState *s);

extern bool JssScoreFromSums(int64_t n, JssInt128 sum_w, JssInt128 net,
							 double prior_weight, double prior_mean,
							 int64_t min_contracts, double *score);
extern bool StateScore(const JssState *s, double prior_weight, double prior_mean,
					   int64_t min_contracts, double *score);
extern bool StateSatisfactionRatio(const JssState *s, double *ratio);
extern bool StateTrendSlope(const JssState *s, double *slope);
extern bool StateTrendT(const JssState *s, double *t);
extern bool StateTrendFalling(const JssState *s);
extern int	StateNeedsReview(const JssState *s);
extern double StateClientWeight(const JssState *s);
extern bool StateContractsNeeded(const JssState *s, double target, int64_t max_k,
								 int64_t *needed);

/* External forms (state_format.c). */
#define JSS_STATE_TEXT_LEN		1024
#define JSS_STATE_BINARY_LEN	(2 + 2 + 5 * 8 + 6 * 16 + 3 * 24)

extern int	StateFormatText(const JssState *s, char *buf);
extern const char *StateParseText(const char *str, JssState *s);
extern void StateEncodeBinary(const JssState *s, unsigned char *buf);
extern const char *StateDecodeBinary(const unsigned char *buf, size_t len, JssState *s);

#endif							/* JSS_STATE_H */
