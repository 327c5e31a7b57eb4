/*-------------------------------------------------------------------------
 *
 * state.c
 *	  The fixed-point jss_state: add rows, merge states, check states read
 *	  from outside, and the final formulas (score, ratio, trend, review).
 *
 * Plain C, no backend calls (see state.h for the fixed point and bounds).
 * Every sum is an exact integer, so adding rows in any order and merging
 * any split of them gives the same bytes; the only rounding happens when a
 * final formula converts its exact integers to float8.
 *
 *-------------------------------------------------------------------------
 */
#include <math.h>
#include <string.h>

#include "state.h"

static JssInt128 StateNet(const JssState *s);
static void StateMoments(const JssState *s, WideInt *a, WideInt *b, WideInt *c);
static WideInt MomentsResidual(const WideInt *a, const WideInt *b, const WideInt *c);

/* An empty state: zero sums, current version. */
void
StateInit(JssState *s)
{
	int32_t		vl_len = s->vl_len_;

	memset(s, 0, sizeof(JssState));
	s->vl_len_ = vl_len;
	s->version = JSS_STATE_VERSION;
}

/*
 * Add (sign = 1) or remove (sign = -1) the sums of one row of rounded
 * weight w and rounded outcome o.  Integer sums make removal the exact
 * inverse of addition, whatever happened in between.
 */
static inline void
ApplyRow(JssState *s, int64_t w, int64_t o, int sign)
{
	JssInt128	sw = Int128FromInt64(sign * w);	/* |w| < 2^52 */
	JssInt128	swo = Int128Mul64(sign * w, o);

	s->contracts += sign;
	s->sum_w = Int128Add(s->sum_w, sw);
	if (o > 0)
	{
		s->sum_w_pos = Int128Add(s->sum_w_pos, sw);
		s->sum_wo_pos = Int128Add(s->sum_wo_pos, swo);
	}
	else if (o < 0)
	{
		s->sum_w_neg = Int128Add(s->sum_w_neg, sw);
		s->sum_wo_neg = Int128Sub(s->sum_wo_neg, swo);
	}
	else
		s->neutral += sign;
}

/*
 * Add or remove the time moments of one row at day x: the sums the trend
 * needs.  Every per-row product fits an int128: |w*x*o| < 2^52 * 2^27 * 2^32.
 */
static inline void
ApplyTime(JssState *s, int64_t w, int64_t o, int64_t x, int sign)
{
	JssInt128	wx = Int128Mul64(sign * w, x);
	JssInt128	wo = Int128Mul64(sign * w, o);

	s->dated += sign;
	s->sum_wx = Int128Add(s->sum_wx, wx);
	Int192AddInt128(&s->sum_wxx, Int128MulInt64(wx, x));
	Int192AddInt128(&s->sum_wxo, Int128MulInt64(wo, x));
	Int192AddInt128(&s->sum_woo, Int128MulInt64(wo, o));
}

/*
 * Add one row of rounded weight w and rounded outcome o (no time).
 * Returns false, leaving the state unchanged, when the state already
 * holds JSS_MAX_CONTRACTS rows.
 */
bool
StateAddRow(JssState *s, int64_t w, int64_t o)
{
	if (s->contracts >= JSS_MAX_CONTRACTS)
		return false;
	ApplyRow(s, w, o, 1);
	return true;
}

/*
 * Add one row with its ended_at (a finite timestamptz): the sums above plus
 * the time moments, first and last.
 */
bool
StateAddDatedRow(JssState *s, int64_t w, int64_t o, int64_t ended_at)
{
	if (s->contracts >= JSS_MAX_CONTRACTS)
		return false;

	if (s->dated == 0)
		s->first_ended = s->last_ended = ended_at;
	else if (ended_at < s->first_ended)
		s->first_ended = ended_at;
	else if (ended_at > s->last_ended)
		s->last_ended = ended_at;

	ApplyRow(s, w, o, 1);
	ApplyTime(s, w, o, JssDayNumber(ended_at), 1);
	return true;
}

/* Remove a row added by StateAddRow with the same w and o. */
void
StateRemoveRow(JssState *s, int64_t w, int64_t o)
{
	ApplyRow(s, w, o, -1);
}

/*
 * Remove a row added by StateAddDatedRow with the same arguments.  first
 * and last are left as they are: a minimum cannot be subtracted, so the
 * caller (the moving aggregate) keeps the end times itself.
 */
void
StateRemoveDatedRow(JssState *s, int64_t w, int64_t o, int64_t ended_at)
{
	ApplyRow(s, w, o, -1);
	ApplyTime(s, w, o, JssDayNumber(ended_at), -1);
}

/*
 * dst += src.  Returns false, leaving dst unchanged, when the merged state
 * would hold more than JSS_MAX_CONTRACTS rows.  Both states are valid
 * (StateCheck), so no sum can overflow below that count.
 */
bool
StateMerge(JssState *dst, const JssState *src)
{
	if (src->contracts > JSS_MAX_CONTRACTS - dst->contracts)
		return false;

	if (src->dated > 0)
	{
		if (dst->dated == 0)
		{
			dst->first_ended = src->first_ended;
			dst->last_ended = src->last_ended;
		}
		else
		{
			if (src->first_ended < dst->first_ended)
				dst->first_ended = src->first_ended;
			if (src->last_ended > dst->last_ended)
				dst->last_ended = src->last_ended;
		}
	}

	dst->contracts += src->contracts;
	dst->neutral += src->neutral;
	dst->dated += src->dated;
	dst->sum_w = Int128Add(dst->sum_w, src->sum_w);
	dst->sum_w_pos = Int128Add(dst->sum_w_pos, src->sum_w_pos);
	dst->sum_w_neg = Int128Add(dst->sum_w_neg, src->sum_w_neg);
	dst->sum_wo_pos = Int128Add(dst->sum_wo_pos, src->sum_wo_pos);
	dst->sum_wo_neg = Int128Add(dst->sum_wo_neg, src->sum_wo_neg);
	dst->sum_wx = Int128Add(dst->sum_wx, src->sum_wx);
	Int192Add(&dst->sum_wxx, &src->sum_wxx);
	Int192Add(&dst->sum_wxo, &src->sum_wxo);
	Int192Add(&dst->sum_woo, &src->sum_woo);
	return true;
}

/*
 * dst -= src, the exact inverse of StateMerge(dst, src) on every count and
 * sum; first and last are left as they are (a minimum cannot be
 * subtracted: the moving rollup keeps the end times itself).  src must be
 * a state merged into dst before, so that nothing goes below zero.
 */
void
StateUnmerge(JssState *dst, const JssState *src)
{
	dst->contracts -= src->contracts;
	dst->neutral -= src->neutral;
	dst->dated -= src->dated;
	dst->sum_w = Int128Sub(dst->sum_w, src->sum_w);
	dst->sum_w_pos = Int128Sub(dst->sum_w_pos, src->sum_w_pos);
	dst->sum_w_neg = Int128Sub(dst->sum_w_neg, src->sum_w_neg);
	dst->sum_wo_pos = Int128Sub(dst->sum_wo_pos, src->sum_wo_pos);
	dst->sum_wo_neg = Int128Sub(dst->sum_wo_neg, src->sum_wo_neg);
	dst->sum_wx = Int128Sub(dst->sum_wx, src->sum_wx);
	Int192Sub(&dst->sum_wxx, &src->sum_wxx);
	Int192Sub(&dst->sum_wxo, &src->sum_wxo);
	Int192Sub(&dst->sum_woo, &src->sum_woo);
}

/* Is 0 <= a <= bound? */
static bool
WideInRange(const WideInt *a, const WideInt *bound)
{
	return WideSign(a) >= 0 && WideCompare(a, bound) <= 0;
}

/* Is -bound <= a <= bound? */
static bool
WideWithin(const WideInt *a, const WideInt *bound)
{
	WideInt		zero = WideFromInt128(Int128FromInt64(0));
	WideInt		neg = WideSub(&zero, a);

	return WideCompare(a, bound) <= 0 && WideCompare(&neg, bound) <= 0;
}

/* Is |a| below 2^bits (bits < 191)? */
static bool
Int192Below(const Int192 *a, int bits)
{
	Int192		limit;
	Int192		mag = *a;

	if (a->limb[2] >> 63)
	{
		Int192		zero = {{0, 0, 0}};

		Int192Sub(&zero, a);
		mag = zero;
	}
	memset(&limit, 0, sizeof(limit));
	limit.limb[bits / 64] = UINT64_C(1) << (bits % 64);
	return mag.limb[2] < limit.limb[2] ||
		(mag.limb[2] == limit.limb[2] &&
		 (mag.limb[1] < limit.limb[1] ||
		  (mag.limb[1] == limit.limb[1] && mag.limb[0] < limit.limb[0])));
}

/*
 * The cheap checks of a state, run on every state argument: NULL when each
 * field is within the bounds that rows can reach, else a sentence.  They
 * are what guarantee that merging and the final formulas cannot overflow:
 *
 *	 0 <= neutral, dated <= n <= 2^40
 *	 0 <= S, D and S + D <= W <= n * 10^6 (in units 2^-32)
 *	 0 <= sum_wo_pos <= S * 2^32, 0 <= sum_wo_neg <= D * 2^32	(|o| <= 1)
 *	 S + D > 0 only if some row is not neutral
 *	 dated = 0: no times and zero time sums; else first <= last, both finite,
 *	 |sum_wx| <= W * 2^27 and each 192-bit sum below 2^160 (a row adds at
 *	 most 2^116 to one, 2^40 rows at most 2^156)
 */
const char *
StateCheckBounds(const JssState *s)
{
	JssInt128	max_w,
				max_wx;

	if (s->version != JSS_STATE_VERSION)
		return "The state has an unsupported format version.";
	if (s->flags != 0)
		return "The state has reserved flags set.";
	if (s->contracts < 0 || s->contracts > JSS_MAX_CONTRACTS)
		return "The contract count is out of range.";
	if (s->neutral < 0 || s->neutral > s->contracts)
		return "The neutral count is not between 0 and the contract count.";
	if (s->dated < 0 || s->dated > s->contracts)
		return "The dated count is not between 0 and the contract count.";

	/* each bound first, so that the sum and products below cannot overflow */
	max_w = Int128Mul64(s->contracts, JSS_MAX_WEIGHT_INT * JSS_FIXED_ONE);
	if (Int128Cmp(s->sum_w, max_w) > 0 ||
		Int128Sign(s->sum_w_pos) < 0 || Int128Cmp(s->sum_w_pos, max_w) > 0 ||
		Int128Sign(s->sum_w_neg) < 0 || Int128Cmp(s->sum_w_neg, max_w) > 0 ||
		Int128Cmp(s->sum_w, Int128Add(s->sum_w_pos, s->sum_w_neg)) < 0)
		return "The weight sums are inconsistent with each other or with the contract count.";
	if (Int128Sign(s->sum_wo_pos) < 0 ||
		Int128Cmp(s->sum_wo_pos, Int128MulInt64(s->sum_w_pos, JSS_FIXED_ONE)) > 0 ||
		Int128Sign(s->sum_wo_neg) < 0 ||
		Int128Cmp(s->sum_wo_neg, Int128MulInt64(s->sum_w_neg, JSS_FIXED_ONE)) > 0)
		return "The outcome sums are inconsistent with the weight sums.";
	if (Int128Sign(Int128Add(s->sum_w_pos, s->sum_w_neg)) > 0 && s->neutral == s->contracts)
		return "The state has non-neutral weight but only neutral contracts.";

	if (s->dated == 0)
	{
		if (s->first_ended != 0 || s->last_ended != 0 || Int128Sign(s->sum_wx) != 0 ||
			!Int192IsZero(&s->sum_wxx) || !Int192IsZero(&s->sum_wxo) ||
			!Int192IsZero(&s->sum_woo))
			return "The state has time sums but no dated contracts.";
		return NULL;
	}
	if (s->first_ended < JSS_MIN_TIMESTAMP || s->last_ended >= JSS_END_TIMESTAMP ||
		s->first_ended > s->last_ended)
		return "The first and last end times are out of order or out of range.";
	max_wx = Int128MulInt64(s->sum_w, INT64_C(1) << JSS_DAY_BITS);
	if (Int128Cmp(s->sum_wx, max_wx) > 0 || Int128Cmp(s->sum_wx, Int128Neg(max_wx)) < 0 ||
		!Int192Below(&s->sum_wxx, JSS_WIDE_SUM_BITS) || !Int192Below(&s->sum_wxo, JSS_WIDE_SUM_BITS) ||
		!Int192Below(&s->sum_woo, JSS_WIDE_SUM_BITS))
		return "The time sums are out of range.";
	return NULL;
}

/*
 * The weight of a state's rows, split as its counts say.  With n rows of
 * which z are neutral (rounded outcome 0), W = S + D + Z where Z is the
 * neutral rows' weight, and each row weighs at most 10^6:
 *
 *	 z = 0 implies Z = 0, and Z <= z * 10^6, S + D <= (n - z) * 10^6
 *	 every positive row has o >= 2^-32, so sum_wo_pos >= S (units 2^-64
 *	 against 2^-32), and likewise sum_wo_neg >= D
 *
 * StateCheckBounds has already bounded every term, so nothing overflows.
 */
static const char *
StateCheckWeightSplit(const JssState *s)
{
	const int64_t max_row_w = JSS_MAX_WEIGHT_INT * JSS_FIXED_ONE;
	JssInt128	neutral_w = Int128Sub(Int128Sub(s->sum_w, s->sum_w_pos), s->sum_w_neg);

	if (s->neutral == 0 && Int128Sign(neutral_w) != 0)
		return "The state has weight on neutral contracts but no neutral contracts.";
	if (Int128Cmp(neutral_w, Int128Mul64(s->neutral, max_row_w)) > 0 ||
		Int128Cmp(Int128Add(s->sum_w_pos, s->sum_w_neg),
				  Int128Mul64(s->contracts - s->neutral, max_row_w)) > 0)
		return "The weight sums are more than the contracts they count can weigh.";
	if (Int128Cmp(s->sum_wo_pos, s->sum_w_pos) < 0 || Int128Cmp(s->sum_wo_neg, s->sum_w_neg) < 0)
		return "The outcome sums are too small for the weight sums.";
	return NULL;
}

/*
 * Check a state that came from outside (text or binary input): NULL if it
 * is one that rows could have produced, else a sentence saying what is
 * wrong.  Beyond StateCheckBounds, the sums must agree with each other:
 *
 *	 with X = the largest |x| of first and last:
 *	   |sum_wx| <= W*X, 0 <= sum_wxx <= W*X^2, |sum_wxo| <= W*X*2^32,
 *	   0 <= sum_woo <= (sum_wo_pos + sum_wo_neg) * 2^32
 *	 when every row is dated, what Cauchy-Schwarz says of real rows:
 *	   (sum w|o|)^2 <= W*sum_woo, Sxx >= 0, Syy >= 0, Sxy^2 <= Sxx*Syy
 *
 * and, whether dated or not, the weight must split between the neutral
 * and the other rows as the counts say (StateCheckWeightSplit).
 */
const char *
StateCheck(const JssState *s)
{
	const char *problem = StateCheckBounds(s);
	int64_t		x_first,
				x_last,
				x_max;
	WideInt		w,
				xw,
				x2w,
				bound,
				abs_sum,
				v;

	if (problem == NULL)
		problem = StateCheckWeightSplit(s);
	if (problem || s->dated == 0)
		return problem;

	x_first = JssDayNumber(s->first_ended);
	x_last = JssDayNumber(s->last_ended);
	x_max = x_first < 0 ? -x_first : x_first;
	if ((x_last < 0 ? -x_last : x_last) > x_max)
		x_max = x_last < 0 ? -x_last : x_last;

	w = WideFromInt128(s->sum_w);
	xw = WideFromInt128(Int128FromInt64(x_max));
	xw = WideMul(&w, &xw);
	x2w = WideFromInt128(Int128FromInt64(x_max));
	x2w = WideMul(&xw, &x2w);

	v = WideFromInt128(s->sum_wx);
	if (!WideWithin(&v, &xw))
		return "The time sums are out of range.";

	v = WideFromInt192(&s->sum_wxx);
	if (!WideInRange(&v, &x2w))
		return "The time sums are out of range.";

	bound = WideFromInt128(Int128FromInt64(JSS_FIXED_ONE));
	bound = WideMul(&xw, &bound);
	v = WideFromInt192(&s->sum_wxo);
	if (!WideWithin(&v, &bound))
		return "The time sums are out of range.";

	/* sum(w o^2) <= sum(w |o|) * 2^32, since |o| <= 1 (up to 2^156) */
	abs_sum = WideFromInt128(Int128Add(s->sum_wo_pos, s->sum_wo_neg));
	bound = WideFromInt128(Int128FromInt64(JSS_FIXED_ONE));
	bound = WideMul(&abs_sum, &bound);
	v = WideFromInt192(&s->sum_woo);
	if (!WideInRange(&v, &bound))
		return "The outcome moment is out of range.";

	/* (sum w |o|)^2 <= W * sum(w o^2), Cauchy-Schwarz, over all rows */
	if (s->dated == s->contracts)
	{
		WideInt		lower = WideMul(&abs_sum, &abs_sum);

		v = WideMul(&w, &v);
		if (WideCompare(&v, &lower) < 0)
			return "The outcome moment is inconsistent with the outcome sums.";
	}

	/* when every row is dated: Sxx >= 0, Syy >= 0, Sxx*Syy >= Sxy^2 */
	if (s->dated == s->contracts)
	{
		WideInt		a,
					b,
					c,
					r;

		StateMoments(s, &a, &b, &c);
		r = MomentsResidual(&a, &b, &c);
		if (WideSign(&a) < 0 || WideSign(&c) < 0 || WideSign(&r) < 0)
			return "The second moments are inconsistent with the first moments.";
	}
	return NULL;
}

/* N = sum of w*o, units 2^-64. */
static JssInt128
StateNet(const JssState *s)
{
	return Int128Sub(s->sum_wo_pos, s->sum_wo_neg);
}

/*
 * Job Success Score of n rows with weight sum W (units 2^-32)
 * and net N = sum of w*o (units 2^-64):
 *
 *	 score = 100 * clamp((N + K*m) / (W + K), 0, 1)
 *
 * false (NULL) when n < min_contracts, or when W + K = 0 (K = 0 and every
 * weight 0: no evidence at all).
 */
bool
JssScoreFromSums(int64_t n, JssInt128 sum_w, JssInt128 net,
				 double prior_weight, double prior_mean,
				 int64_t min_contracts, double *score)
{
	double		den = ldexp(Int128ToDouble(sum_w), -JSS_FRACTION_BITS) + prior_weight;
	double		r;

	if (n < min_contracts || !(den > 0))
		return false;
	r = (ldexp(Int128ToDouble(net), -2 * JSS_FRACTION_BITS) + prior_weight * prior_mean) / den;
	if (r < 0)
		r = 0;
	else if (r > 1)
		r = 1;
	*score = 100.0 * r;
	return true;
}

/* Job Success Score of a state, with the prior and minimum given. */
bool
StateScore(const JssState *s, double prior_weight, double prior_mean,
		   int64_t min_contracts, double *score)
{
	return JssScoreFromSums(s->contracts, s->sum_w, StateNet(s),
							prior_weight, prior_mean, min_contracts, score);
}

/*
 * Satisfaction ratio: S / (S + D), false (NULL) when S + D = 0.
 * S + D is formed exactly before the one rounding of each side.
 */
bool
StateSatisfactionRatio(const JssState *s, double *ratio)
{
	JssInt128	total = Int128Add(s->sum_w_pos, s->sum_w_neg);

	if (Int128Sign(total) == 0)
		return false;
	*ratio = Int128ToDouble(s->sum_w_pos) / Int128ToDouble(total);
	return true;
}

/*
 * Client weight, over a state built with unit weights:
 *
 *	 (G + 5) / (G + P + 5),  G = sum of max(o, 0), P = sum of max(-o, 0)
 *
 * Numerator and denominator are exact integers (units 2^-64); 1 when empty.
 */
double
StateClientWeight(const JssState *s)
{
	JssInt128	five = Int128FromParts(5, 0);	/* 5 * 2^64 */
	JssInt128	num = Int128Add(s->sum_wo_pos, five);

	return Int128ToDouble(num) / Int128ToDouble(Int128Add(num, s->sum_wo_neg));
}

/*
 * The exact centred moments of the trend regression, each multiplied by W
 * so that they stay integers (units in brackets):
 *
 *	 A = W*Sxx = W*sum(w x^2) - (sum w x)^2				[2^-64]
 *	 B = W*Sxy = W*sum(w x o) - (sum w x)(sum w o)		[2^-96]
 *	 C = W*Syy = W*sum(w o^2) - (sum w o)^2				[2^-128]
 *
 * (o stands for y = 100*o; the factor 100 is applied by the callers.)
 * Meaningful when every row is dated (dated = n).
 */
static void
StateMoments(const JssState *s, WideInt *a, WideInt *b, WideInt *c)
{
	WideInt		w = WideFromInt128(s->sum_w);
	WideInt		wx = WideFromInt128(s->sum_wx);
	WideInt		net = WideFromInt128(StateNet(s));
	WideInt		t1,
				t2;

	t1 = WideFromInt192(&s->sum_wxx);
	t1 = WideMul(&w, &t1);
	t2 = WideMul(&wx, &wx);
	*a = WideSub(&t1, &t2);

	t1 = WideFromInt192(&s->sum_wxo);
	t1 = WideMul(&w, &t1);
	t2 = WideMul(&wx, &net);
	*b = WideSub(&t1, &t2);

	t1 = WideFromInt192(&s->sum_woo);
	t1 = WideMul(&w, &t1);
	t2 = WideMul(&net, &net);
	*c = WideSub(&t1, &t2);
}

/* R = C*A - B^2 = W^2 * (Syy*Sxx - Sxy^2), >= 0 by Cauchy-Schwarz. */
static WideInt
MomentsResidual(const WideInt *a, const WideInt *b, const WideInt *c)
{
	WideInt		ca = WideMul(c, a);
	WideInt		bb = WideMul(b, b);

	return WideSub(&ca, &bb);
}

/*
 * The moments A, B, C of a state whose trend is defined: false when n < 2,
 * a row has no time, W = 0 or Sxx = 0.
 */
static bool
StateTrendMoments(const JssState *s, WideInt *a, WideInt *b, WideInt *c)
{
	if (s->contracts < 2 || s->dated != s->contracts || Int128Sign(s->sum_w) == 0)
		return false;
	StateMoments(s, a, b, c);
	return WideSign(a) > 0;
}

/*
 * Trend slope, in score points per quarter:
 *
 *	 slope = 91.3125 * Sxy / Sxx = 91.3125 * 100 * B / A * 2^-32
 */
bool
StateTrendSlope(const JssState *s, double *slope)
{
	WideInt		a,
				b,
				c;

	if (!StateTrendMoments(s, &a, &b, &c))
		return false;
	*slope = 9131.25 * ldexp(WideToDouble(&b) / WideToDouble(&a), -JSS_FRACTION_BITS);
	return true;
}

/*
 * t-statistic of the slope: t = b / sqrt(s^2 / Sxx) with
 * b = Sxy/Sxx and s^2 = (Syy - b*Sxy) / (n - 2).  Substituting A, B, C:
 *
 *	 R = C*A - B^2  (= W^2 * (Syy*Sxx - Sxy^2) >= 0, exact)
 *	 t = B * sqrt(n - 2) / sqrt(R)
 *
 * (the scale of y cancels).  When R = 0 the fit is perfect: t = -Infinity
 * for a falling line, +Infinity for a rising one; false (NULL) when the
 * slope is undefined, n < 3, or the line is flat and perfect (0/0).
 */
bool
StateTrendT(const JssState *s, double *t)
{
	WideInt		a,
				b,
				c,
				r;
	int			sign_b;

	if (s->contracts < 3 || !StateTrendMoments(s, &a, &b, &c))
		return false;
	sign_b = WideSign(&b);
	r = MomentsResidual(&a, &b, &c);
	if (WideSign(&r) <= 0)
	{
		if (sign_b == 0)
			return false;
		*t = sign_b < 0 ? -INFINITY : INFINITY;
		return true;
	}
	*t = WideToDouble(&b) * sqrt((double) (s->contracts - 2)) / sqrt(WideToDouble(&r));
	return true;
}

/*
 * The significantly negative trend: n >= 5, slope <= -5 points
 * per quarter and t <= -2.
 */
bool
StateTrendFalling(const JssState *s)
{
	double		slope,
				t;

	return s->contracts >= 5 &&
		StateTrendSlope(s, &slope) && slope <= -5 &&
		StateTrendT(s, &t) && t <= -2;
}

/*
 * Needs review: -1 (NULL) when the default score is NULL;
 * 1 when score < 70 or the trend is falling; else 0.
 */
int
StateNeedsReview(const JssState *s)
{
	double		score;

	if (!StateScore(s, JSS_PRIOR_WEIGHT, JSS_PRIOR_MEAN, JSS_MIN_CONTRACTS, &score))
		return -1;
	return score < 70 || StateTrendFalling(s);
}

/* Does the default score of s plus k contracts of outcome 1, weight 1 reach target? */
static bool
ScoreWithPerfectReaches(const JssState *s, int64_t k, double target)
{
	JssInt128	kw = Int128Mul64(k, JSS_FIXED_ONE); /* k rows of weight 1 */
	JssInt128	kwo = Int128MulInt64(kw, JSS_FIXED_ONE);	/* and outcome 1 */
	double		score;

	return JssScoreFromSums(s->contracts + k, Int128Add(s->sum_w, kw), Int128Add(StateNet(s), kwo),
							JSS_PRIOR_WEIGHT, JSS_PRIOR_MEAN, JSS_MIN_CONTRACTS, &score) &&
		score >= target;
}

/*
 * Contracts needed: the least k >= 0 of additional contracts of
 * outcome 1 and weight 1 such that the default score of the state plus
 * them is >= target, 0 < target <= 100.  With t = target / 100 < 1 the
 * score of k more is 100 * (N + k + K*m) / (W + k + K), so
 *
 *	 k = max(0, ceil((t*(W + K) - N - K*m) / (1 - t))), and n + k >= 2.
 *
 * The score rises with k, so the least k whose score, computed as
 * jss_score computes it, reaches the target is found by bisection over
 * [least, max_k]: k contracts reach the target and k - 1 do not.  The
 * formula places the first probe, which with its neighbour settles k in
 * two evaluations when the float formula is exact or one contract off.
 * It can be far off: with W near its bound and a target close to 100, by
 * 10^9 contracts, so stepping one contract at a time from it could run
 * for seconds, and uninterruptibly.  Bisection takes at most log2(max_k)
 * + 1 evaluations: 32 for jss_contracts_needed, whose k is an int.
 * Target 100 is reached only when no outcome is below 1 (N = W).  Returns
 * false when no k reaches the target (only possible for target 100) or
 * when k would pass max_k (only below 100).
 */
bool
StateContractsNeeded(const JssState *s, double target, int64_t max_k, int64_t *needed)
{
	int64_t		lo = s->contracts < 2 ? 2 - s->contracts : 0;
	int64_t		hi = max_k;
	bool		hi_reaches = false; /* known: hi contracts reach the target */
	double		t = target / 100.0;

	if (t >= 1.0)
	{
		if (Int128Cmp(StateNet(s), Int128MulInt64(s->sum_w, JSS_FIXED_ONE)) < 0)
			return false;
	}
	else
	{
		double		w = ldexp(Int128ToDouble(s->sum_w), -JSS_FRACTION_BITS);
		double		net = ldexp(Int128ToDouble(StateNet(s)), -2 * JSS_FRACTION_BITS);
		double		candidate = ceil((t * (w + JSS_PRIOR_WEIGHT) - net -
									  JSS_PRIOR_WEIGHT * JSS_PRIOR_MEAN) / (1.0 - t));

		/*
		 * The formula's answer is usually exact: probe it and the neighbour
		 * that would settle it, and bisect only what they leave open.
		 */
		if (candidate > (double) lo && candidate < (double) hi)
		{
			int64_t		c = (int64_t) candidate;

			if (ScoreWithPerfectReaches(s, c, target))
			{
				if (!ScoreWithPerfectReaches(s, c - 1, target))
				{
					*needed = c;
					return true;
				}
				hi = c - 1;
				hi_reaches = true;
			}
			else if (ScoreWithPerfectReaches(s, c + 1, target))
			{
				*needed = c + 1;
				return true;
			}
			else
				lo = c + 2;
		}
	}

	if (lo > hi || (!hi_reaches && !ScoreWithPerfectReaches(s, hi, target)))
		return false;
	/* hi reaches the target; no k below lo does */
	while (lo < hi)
	{
		int64_t		mid = lo + (hi - lo) / 2;

		if (ScoreWithPerfectReaches(s, mid, target))
			hi = mid;
		else
			lo = mid + 1;
	}
	*needed = hi;
	return true;
}
