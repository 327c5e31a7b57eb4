/*-------------------------------------------------------------------------
 *
 * wideint.c
 *	  192-bit accumulators and 512-bit products, exact, in plain C.
 *
 * Two's complement throughout; magnitudes are handled as unsigned limbs.
 * Callers keep every value far inside the range (state.c bounds the sums),
 * so nothing here needs to report overflow except decimal parsing.
 *
 *-------------------------------------------------------------------------
 */
#include <math.h>
#include <string.h>

#include "wideint.h"

#define TEN_TO_19 UINT64_C(10000000000000000000)

/* Two's complement negation of an n-limb integer, in place. */
static void
LimbsNegate(uint64_t *limb, int n)
{
	uint64_t	carry = 1;

	for (int i = 0; i < n; i++)
	{
		limb[i] = ~limb[i] + carry;
		carry = (carry && limb[i] == 0);
	}
}

/* limb = limb * m + add over n limbs; returns the carry out (0 if it fits). */
static uint64_t
LimbsMulAdd(uint64_t *limb, int n, uint64_t m, uint64_t add)
{
	uint64_t	carry = add;

	for (int i = 0; i < n; i++)
	{
		JssUInt128	p = UInt128MulAdd64(limb[i], m, carry, 0);

		limb[i] = UInt128Lo(p);
		carry = UInt128Hi(p);
	}
	return carry;
}

/* limb = limb / d over n limbs; returns the remainder. */
static uint64_t
LimbsDivMod(uint64_t *limb, int n, uint64_t d)
{
	uint64_t	rem = 0;

	/* each step divides rem * 2^64 + limb[i], rem < d */
	for (int i = n - 1; i >= 0; i--)
		limb[i] = UInt128DivMod64(UInt128FromParts(rem, limb[i]), d, &rem);
	return rem;
}

/* Is an Int192 zero? */
bool
Int192IsZero(const Int192 *a)
{
	return (a->limb[0] | a->limb[1] | a->limb[2]) == 0;
}

/* Sign-extend a 128-bit integer to 192 bits. */
Int192
Int192FromInt128(JssInt128 v)
{
	Int192		r;

	r.limb[0] = Int128Lo(v);
	r.limb[1] = (uint64_t) Int128Hi(v);
	r.limb[2] = Int128Hi(v) < 0 ? UINT64_MAX : 0;
	return r;
}

/* Narrow an Int192 to 128 bits; false if it does not fit. */
bool
Int192ToInt128(const Int192 *a, JssInt128 *result)
{
	uint64_t	sign_ext = (a->limb[1] >> 63) ? UINT64_MAX : 0;

	if (a->limb[2] != sign_ext)
		return false;
	*result = Int128FromParts((int64_t) a->limb[1], a->limb[0]);
	return true;
}

/* Write the digits of v (no padding) backwards ending at end; return start. */
static char *
DigitsBackward(uint64_t v, char *end, int min_digits)
{
	char	   *p = end;

	do
	{
		*--p = (char) ('0' + v % 10);
		v /= 10;
		min_digits--;
	} while (v != 0 || min_digits > 0);
	return p;
}

/*
 * Decimal text of an Int192, e.g. "-12884901888"; returns its length.
 * buf must hold INT192_DECIMAL_LEN bytes.
 */
int
Int192ToDecimal(const Int192 *a, char *buf)
{
	uint64_t	mag[3];
	uint64_t	chunk[4];
	int			nchunks = 0;
	bool		negative = (a->limb[2] >> 63) != 0;
	char		tmp[INT192_DECIMAL_LEN];
	char	   *end = tmp + sizeof(tmp);
	char	   *p = end;
	int			len;

	memcpy(mag, a->limb, sizeof(mag));
	if (negative)
		LimbsNegate(mag, 3);

	/* split the magnitude into base-10^19 chunks, least significant first */
	do
	{
		chunk[nchunks++] = LimbsDivMod(mag, 3, TEN_TO_19);
	} while ((mag[0] | mag[1] | mag[2]) != 0);

	for (int i = 0; i < nchunks; i++)
		p = DigitsBackward(chunk[i], p, i == nchunks - 1 ? 1 : 19);
	if (negative)
		*--p = '-';

	len = (int) (end - p);
	memcpy(buf, p, len);
	buf[len] = '\0';
	return len;
}

/*
 * Parse an optionally signed decimal integer ("-123") at str into an Int192.
 * Returns the first character after the digits, or NULL when there are no
 * digits or the value does not fit in 192 bits.
 */
const char *
Int192FromDecimal(const char *str, Int192 *result)
{
	const char *p = str;
	bool		negative = false;
	uint64_t	mag[3] = {0, 0, 0};
	const uint64_t limit_top = UINT64_C(1) << 63;

	if (*p == '-')
	{
		negative = true;
		p++;
	}
	if (*p < '0' || *p > '9')
		return NULL;

	/* skip leading zeros so that the digit count below bounds the value */
	while (*p == '0' && p[1] >= '0' && p[1] <= '9')
		p++;

	while (*p >= '0' && *p <= '9')
	{
		uint64_t	chunk = 0;
		uint64_t	scale = 1;

		/* up to 19 digits at a time fit in one uint64 */
		for (int i = 0; i < 19 && *p >= '0' && *p <= '9'; i++, p++)
		{
			chunk = chunk * 10 + (uint64_t) (*p - '0');
			scale *= 10;
		}
		if (LimbsMulAdd(mag, 3, scale, chunk) != 0)
			return NULL;
	}

	/* signed range: magnitude below 2^191, or exactly 2^191 if negative */
	if (mag[2] > limit_top ||
		(mag[2] == limit_top && (!negative || mag[1] != 0 || mag[0] != 0)))
		return NULL;

	if (negative)
		LimbsNegate(mag, 3);
	memcpy(result->limb, mag, sizeof(mag));
	return p;
}

/* Sign-extend a 128-bit integer to 512 bits. */
WideInt
WideFromInt128(JssInt128 v)
{
	WideInt		r;
	uint64_t	ext = Int128Hi(v) < 0 ? UINT64_MAX : 0;

	r.limb[0] = Int128Lo(v);
	r.limb[1] = (uint64_t) Int128Hi(v);
	for (int i = 2; i < WIDEINT_LIMBS; i++)
		r.limb[i] = ext;
	return r;
}

/* Sign-extend a 192-bit integer to 512 bits. */
WideInt
WideFromInt192(const Int192 *a)
{
	WideInt		r;
	uint64_t	ext = (a->limb[2] >> 63) ? UINT64_MAX : 0;

	for (int i = 0; i < WIDEINT_LIMBS; i++)
		r.limb[i] = i < 3 ? a->limb[i] : ext;
	return r;
}

/* Is the sign bit of a 512-bit integer set? */
static bool
WideIsNegative(const WideInt *a)
{
	return (a->limb[WIDEINT_LIMBS - 1] >> 63) != 0;
}

/*
 * a * b, truncated to 512 bits (callers keep products below 2^500).
 * Schoolbook multiplication of the magnitudes, then the sign.
 */
WideInt
WideMul(const WideInt *a, const WideInt *b)
{
	WideInt		ma = *a;
	WideInt		mb = *b;
	WideInt		r;
	bool		negative = WideIsNegative(a) != WideIsNegative(b);

	if (WideIsNegative(&ma))
		LimbsNegate(ma.limb, WIDEINT_LIMBS);
	if (WideIsNegative(&mb))
		LimbsNegate(mb.limb, WIDEINT_LIMBS);

	memset(&r, 0, sizeof(r));
	for (int i = 0; i < WIDEINT_LIMBS; i++)
	{
		uint64_t	carry = 0;

		if (ma.limb[i] == 0)
			continue;
		for (int j = 0; i + j < WIDEINT_LIMBS; j++)
		{
			JssUInt128	p = UInt128MulAdd64(ma.limb[i], mb.limb[j],
											r.limb[i + j], carry);

			r.limb[i + j] = UInt128Lo(p);
			carry = UInt128Hi(p);
		}
	}
	if (negative)
		LimbsNegate(r.limb, WIDEINT_LIMBS);
	return r;
}

/* a - b. */
WideInt
WideSub(const WideInt *a, const WideInt *b)
{
	WideInt		r;
	uint64_t	borrow = 0;

	for (int i = 0; i < WIDEINT_LIMBS; i++)
	{
		uint64_t	d = a->limb[i] - b->limb[i];
		uint64_t	borrow_out = (a->limb[i] < b->limb[i]) || (d < borrow);

		r.limb[i] = d - borrow;
		borrow = borrow_out;
	}
	return r;
}

/* -1, 0 or 1 as a is negative, zero or positive. */
int
WideSign(const WideInt *a)
{
	if (WideIsNegative(a))
		return -1;
	for (int i = 0; i < WIDEINT_LIMBS; i++)
		if (a->limb[i] != 0)
			return 1;
	return 0;
}

/* -1, 0 or 1 as a < b, a = b or a > b (both far inside the range). */
int
WideCompare(const WideInt *a, const WideInt *b)
{
	WideInt		d = WideSub(a, b);

	return WideSign(&d);
}

/*
 * The float8 nearest to a, correctly rounded.
 *
 * The top 128 bits of the magnitude are converted by the exactly rounded
 * UInt128ToDouble (int128.h); every lower bit that is set is
 * folded into the window's lowest bit ("sticky"), which lies far below the
 * rounding position, so that a value just above a tie is not rounded as a
 * tie.
 */
double
WideToDouble(const WideInt *a)
{
	WideInt		mag = *a;
	bool		negative = WideIsNegative(a);
	int			top = WIDEINT_LIMBS - 1;
	JssUInt128	window;
	double		result;

	if (negative)
		LimbsNegate(mag.limb, WIDEINT_LIMBS);
	while (top >= 0 && mag.limb[top] == 0)
		top--;
	if (top < 0)
		return 0.0;

	if (top <= 1)
		result = UInt128ToDouble(UInt128FromParts(mag.limb[1], mag.limb[0]));
	else
	{
		uint64_t	sticky = 0;

		for (int i = 0; i < top - 1; i++)
			sticky |= mag.limb[i];
		window = UInt128FromParts(mag.limb[top], mag.limb[top - 1] | (sticky != 0));
		result = ldexp(UInt128ToDouble(window), 64 * (top - 1));
	}
	return negative ? -result : result;
}
