/*-------------------------------------------------------------------------
 *
 * fuzz_check.c
 *	  The invariants of a valid jss_state or jss_asof_state, checked by the
 *	  fuzz harnesses on every state a reader accepts or rows produce:
 *
 *	 - the check passes: StateCheck / AsOfCheck give NULL;
 *	 - the weight splits between neutral and other rows as the counts say
 *	   (checked here independently of StateCheck);
 *	 - text round trip: print, parse the print, the same bytes of state,
 *	   and printing that gives the same text (the canonical form), shorter
 *	   than the output buffer;
 *	 - binary round trip: encode, decode, the same bytes, re-encode the same;
 *	 - no proper prefix of the printed text is accepted (text cut short is
 *	   always refused, README "The jss_state text form"), unless the
 *	   harness turned fuzz_check_prefixes off for speed;
 *	 - every final function runs on it without a sanitizer report, and
 *	   merging it with itself either refuses (only past 2^40 rows) or gives
 *	   a state that passes the check again.
 *
 * Out-of-bounds reads and undefined behaviour are AddressSanitizer's and
 * UBSan's to find (built with -fno-sanitize-recover=all): every text is
 * parsed from a heap copy of exactly its length plus the NUL, and every
 * output buffer is a heap block of exactly the size the header promises.
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"

bool		fuzz_check_prefixes = true;

/* Report a broken invariant with the state's text and stop (a crash for libFuzzer). */
void
Fail(const char *what, const char *detail, const char *text)
{
	fprintf(stderr, "jss fuzz: invariant broken: %s\n", what);
	if (detail)
		fprintf(stderr, "  detail: %s\n", detail);
	if (text)
		fprintf(stderr, "  state: %s\n", text);
	abort();
}

/* A heap copy of the first len bytes of text, NUL-terminated. */
static char *
CopyText(const char *text, size_t len)
{
	char	   *copy = malloc(len + 1);

	memcpy(copy, text, len);
	copy[len] = '\0';
	return copy;
}

/* StateParseText on exactly the first len bytes of text. */
const char *
ParseStateText(const char *text, size_t len, JssState *s)
{
	char	   *copy = CopyText(text, len);
	const char *problem;

	s->vl_len_ = 0;
	problem = StateParseText(copy, s);
	free(copy);
	return problem;
}

/* AsOfParseText on exactly the first len bytes of text. */
const char *
ParseAsOfText(const char *text, size_t len, JssAsOfState *a)
{
	char	   *copy = CopyText(text, len);
	const char *problem;

	a->vl_len_ = 0;
	problem = AsOfParseText(copy, a);
	free(copy);
	return problem;
}

/* Run every final function of jss_state on s (results unused: the sanitizers watch). */
static void
ExerciseState(const JssState *s)
{
	static const double targets[] = {0.5, 50.0, 90.0, 99.999, 100.0};
	volatile double sink = 0;
	double		d;
	int64_t		k;

	if (StateScore(s, JSS_PRIOR_WEIGHT, JSS_PRIOR_MEAN, JSS_MIN_CONTRACTS, &d))
		sink += d;
	if (StateScore(s, 0.0, 0.0, 1, &d))
		sink += d;
	if (StateSatisfactionRatio(s, &d))
		sink += d;
	if (StateTrendSlope(s, &d))
		sink += d;
	if (StateTrendT(s, &d))
		sink += d;
	sink += StateTrendFalling(s);
	sink += StateNeedsReview(s);
	sink += StateClientWeight(s);
	for (size_t i = 0; i < sizeof(targets) / sizeof(targets[0]); i++)
		if (StateContractsNeeded(s, targets[i], INT32_MAX, &k))
			sink += (double) k;
	(void) sink;
}

/*
 * What rows imply of the weight sums, written out here apart from
 * StateCheck, so that the fuzzers catch a reader that accepts a state no
 * rows could give: with n rows of which z are neutral, the neutral rows
 * hold W - S - D (none when z = 0), each row weighs at most 10^6, and a
 * row of outcome o != 0 has |o| >= 2^-32, so sum w|o| >= its weight.
 */
static const char *
WeightSplitProblem(const JssState *s)
{
	const int64_t row = INT64_C(1000000) << 32;
	JssInt128	neutral_w = Int128Sub(Int128Sub(s->sum_w, s->sum_w_pos), s->sum_w_neg);

	if (Int128Sign(neutral_w) < 0)
		return "the positive and negative weights exceed the total";
	if (s->neutral == 0 && Int128Sign(neutral_w) != 0)
		return "weight on neutral rows without neutral rows";
	if (Int128Cmp(neutral_w, Int128Mul64(row, s->neutral)) > 0)
		return "more neutral weight than its rows can hold";
	if (Int128Cmp(Int128Add(s->sum_w_pos, s->sum_w_neg),
				  Int128Mul64(row, s->contracts - s->neutral)) > 0)
		return "more signed weight than its rows can hold";
	if (Int128Cmp(s->sum_wo_pos, s->sum_w_pos) < 0 || Int128Cmp(s->sum_wo_neg, s->sum_w_neg) < 0)
		return "outcome sums below their weights";
	return NULL;
}

/* The invariants of a valid jss_state. */
void
CheckState(const JssState *s)
{
	const char *problem;
	char	   *text = malloc(JSS_STATE_TEXT_LEN);
	char	   *text2 = malloc(JSS_STATE_TEXT_LEN);
	unsigned char *bin = malloc(JSS_STATE_BINARY_LEN);
	unsigned char *bin2 = malloc(JSS_STATE_BINARY_LEN);
	JssState	back,
				merged;
	int			len;

	if ((problem = StateCheck(s)) != NULL)
		Fail("jss_state: StateCheck refuses it", problem, NULL);
	if ((problem = WeightSplitProblem(s)) != NULL)
		Fail("jss_state: accepted, but no rows give it", problem, NULL);

	len = StateFormatText(s, text);
	if (len < 0 || len >= JSS_STATE_TEXT_LEN || strlen(text) != (size_t) len)
		Fail("jss_state: text length", NULL, text);
	if ((problem = ParseStateText(text, (size_t) len, &back)) != NULL)
		Fail("jss_state: printed text refused", problem, text);
	back.vl_len_ = s->vl_len_;
	if (memcmp(&back, s, sizeof(JssState)) != 0)
		Fail("jss_state: text round trip changes the state", NULL, text);
	if (StateFormatText(&back, text2) != len || strcmp(text, text2) != 0)
		Fail("jss_state: text round trip changes the text", text2, text);

	/* text cut short anywhere is refused */
	for (int cut = 0; fuzz_check_prefixes && cut < len; cut++)
		if (ParseStateText(text, (size_t) cut, &back) == NULL)
			Fail("jss_state: a proper prefix of the text is accepted", text + cut, text);

	StateEncodeBinary(s, bin);
	back.vl_len_ = s->vl_len_;
	if ((problem = StateDecodeBinary(bin, JSS_STATE_BINARY_LEN, &back)) != NULL)
		Fail("jss_state: binary form refused", problem, text);
	if (memcmp(&back, s, sizeof(JssState)) != 0)
		Fail("jss_state: binary round trip changes the state", NULL, text);
	StateEncodeBinary(&back, bin2);
	if (memcmp(bin, bin2, JSS_STATE_BINARY_LEN) != 0)
		Fail("jss_state: binary round trip changes the bytes", NULL, text);

	ExerciseState(s);

	/* merging two valid states never overflows and stays valid */
	merged = *s;
	if (StateMerge(&merged, s))
	{
		if ((problem = StateCheck(&merged)) != NULL)
			Fail("jss_state: merged with itself, StateCheck refuses it", problem, text);
		ExerciseState(&merged);
	}
	else if (s->contracts <= JSS_MAX_CONTRACTS / 2)
		Fail("jss_state: merge with itself refused below 2^40 rows", NULL, text);

	free(text);
	free(text2);
	free(bin);
	free(bin2);
}

/* The invariants of a valid jss_asof_state. */
void
CheckAsOf(const JssAsOfState *a)
{
	const char *problem;
	char	   *text = malloc(JSS_ASOF_TEXT_LEN);
	char	   *text2 = malloc(JSS_ASOF_TEXT_LEN);
	unsigned char *bin = malloc(JSS_ASOF_BINARY_LEN);
	unsigned char *bin2 = malloc(JSS_ASOF_BINARY_LEN);
	JssAsOfState back,
				merged;
	int			len;
	double		d;
	volatile double sink = 0;

	if ((problem = AsOfCheck(a)) != NULL)
		Fail("jss_asof_state: AsOfCheck refuses it", problem, NULL);

	len = AsOfFormatText(a, text);
	if (len < 0 || len >= JSS_ASOF_TEXT_LEN || strlen(text) != (size_t) len)
		Fail("jss_asof_state: text length", NULL, text);
	if ((problem = ParseAsOfText(text, (size_t) len, &back)) != NULL)
		Fail("jss_asof_state: printed text refused", problem, text);
	back.vl_len_ = a->vl_len_;
	if (memcmp(&back, a, sizeof(JssAsOfState)) != 0)
		Fail("jss_asof_state: text round trip changes the state", NULL, text);
	if (AsOfFormatText(&back, text2) != len || strcmp(text, text2) != 0)
		Fail("jss_asof_state: text round trip changes the text", text2, text);

	for (int cut = 0; fuzz_check_prefixes && cut < len; cut++)
		if (ParseAsOfText(text, (size_t) cut, &back) == NULL)
			Fail("jss_asof_state: a proper prefix of the text is accepted", text + cut, text);

	AsOfEncodeBinary(a, bin);
	back.vl_len_ = a->vl_len_;
	if ((problem = AsOfDecodeBinary(bin, JSS_ASOF_BINARY_LEN, &back)) != NULL)
		Fail("jss_asof_state: binary form refused", problem, text);
	if (memcmp(&back, a, sizeof(JssAsOfState)) != 0)
		Fail("jss_asof_state: binary round trip changes the state", NULL, text);
	AsOfEncodeBinary(&back, bin2);
	if (memcmp(bin, bin2, JSS_ASOF_BINARY_LEN) != 0)
		Fail("jss_asof_state: binary round trip changes the bytes", NULL, text);

	if (AsOfScore(a, &d))
		sink += d;
	merged = *a;
	switch (AsOfMerge(&merged, a))
	{
		case ASOF_OK:
			if ((problem = AsOfCheck(&merged)) != NULL)
				Fail("jss_asof_state: merged with itself, AsOfCheck refuses it", problem, text);
			if (AsOfScore(&merged, &d))
				sink += d;
			break;
		case ASOF_OTHER_AS_OF:
			Fail("jss_asof_state: merge with itself sees another as_of", NULL, text);
			break;
		case ASOF_TOO_MANY:
			if (a->window[JSS_ASOF_WINDOWS - 1].contracts <= JSS_MAX_CONTRACTS / 2)
				Fail("jss_asof_state: merge with itself refused below 2^40 rows", NULL, text);
			break;
	}
	(void) sink;

	free(text);
	free(text2);
	free(bin);
	free(bin2);
}
