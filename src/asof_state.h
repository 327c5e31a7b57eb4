/*-------------------------------------------------------------------------
 *
 * asof_state.h
 *	  The state of the as-of score, jss_asof_state, in plain C.
 *
 * jss_score(outcome, weight, ended_at, as_of) is the best of the scores of
 * three windows ending at as_of: the 6, 12 and 24 months before it, on the
 * UTC calendar, bounds included.  The state holds as_of and, for each
 * window, the count, weight sum and net of its rows, in the fixed point of
 * state.h; the windows nest, so a row counts in every window that holds it.
 *
 *-------------------------------------------------------------------------
 */
#ifndef JSS_ASOF_STATE_H
#define JSS_ASOF_STATE_H

#include "state.h"

#define JSS_ASOF_VERSION		1
#define JSS_ASOF_WINDOWS		3

/* flags */
#define JSS_ASOF_HAS_AS_OF		0x0001

/* Window lengths in months, shortest first. */
extern const int jss_asof_months[JSS_ASOF_WINDOWS];

typedef struct JssWindowSums
{
	int64_t		contracts;		/* n of the window */
	JssInt128	sum_w;			/* W, units 2^-32 */
	JssInt128	sum_wo;			/* N = sum of w*o, units 2^-64 */
} JssWindowSums;

typedef struct JssAsOfState
{
	int32_t		vl_len_;		/* varlena header (do not touch directly) */
	uint16_t	version;		/* JSS_ASOF_VERSION */
	uint16_t	flags;			/* JSS_ASOF_HAS_AS_OF once a row gave as_of */
	int64_t		as_of;			/* TimestampTz; 0 until a row gives one */
	/* as_of minus each window's months: derived from as_of, kept so that
	 * rows are placed without calendar work; 0 until as_of is known */
	int64_t		window_start[JSS_ASOF_WINDOWS];
	JssWindowSums window[JSS_ASOF_WINDOWS];
} JssAsOfState;

/* What AsOfAddRow and AsOfMerge report. */
typedef enum AsOfResult
{
	ASOF_OK,
	ASOF_OTHER_AS_OF,			/* a different as_of than the state's */
	ASOF_TOO_MANY				/* more than JSS_MAX_CONTRACTS rows */
} AsOfResult;

extern void AsOfInit(JssAsOfState *s);
extern void AsOfSetAsOf(JssAsOfState *s, int64_t as_of);
extern AsOfResult AsOfAddRow(JssAsOfState *s, int64_t w, int64_t o,
							 int64_t ended_at, int64_t as_of);
extern AsOfResult AsOfMerge(JssAsOfState *dst, const JssAsOfState *src);
extern const char *AsOfCheck(const JssAsOfState *s);
extern bool AsOfScore(const JssAsOfState *s, double *score);

#define JSS_ASOF_TEXT_LEN		512
#define JSS_ASOF_BINARY_LEN		(2 + 2 + 8 + JSS_ASOF_WINDOWS * (8 + 16 + 16))

extern int	AsOfFormatText(const JssAsOfState *s, char *buf);
extern const char *AsOfParseText(const char *str, JssAsOfState *s);
extern void AsOfEncodeBinary(const JssAsOfState *s, unsigned char *buf);
extern const char *AsOfDecodeBinary(const unsigned char *buf, size_t len, JssAsOfState *s);

#endif							/* JSS_ASOF_STATE_H */
