/*-------------------------------------------------------------------------
 *
 * moving.c
 *	  Moving-aggregate mode (SPEC section 5): forward and inverse transition
 *	  and final functions of jss_score, jss_satisfaction_ratio,
 *	  jss_trend_slope and jss_agg as window aggregates.
 *
 * A frame that slides over a partition adds the rows that enter it and
 * removes the rows that leave it, O(1) each, instead of recomputing the
 * frame.  The sums are integers, so removal is the exact inverse of
 * addition: after any number of steps the state holds exactly the sums of
 * the frame's rows, and every result has the same bits as the aggregate
 * computed afresh over the frame.  The inverse therefore never returns
 * NULL (which would ask PostgreSQL to recompute the frame).
 *
 * jss_agg's state also holds the earliest and latest ended_at, which
 * cannot be subtracted.  The moving state keeps, beside the sums, the
 * number of frame rows at each distinct ended_at, in ascending order, in
 * an array used as a deque: in a frame ordered by ended_at, rows enter at
 * the back and leave from the front, O(1) amortized; in a frame ordered by
 * anything else a binary search finds the place, and the move costs at
 * most the number of distinct times in the frame.
 *
 * The moving state (MSTYPE internal) never leaves the backend, so it has
 * no text form; it lives in the window aggregate's context.
 *
 *-------------------------------------------------------------------------
 */
#include "jss.h"

#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(jss_moving_outcome_accum);
PG_FUNCTION_INFO_V1(jss_moving_outcome_inverse);
PG_FUNCTION_INFO_V1(jss_moving_agg_accum);
PG_FUNCTION_INFO_V1(jss_moving_agg_inverse);
PG_FUNCTION_INFO_V1(jss_moving_score_final);
PG_FUNCTION_INFO_V1(jss_moving_satisfaction_ratio_final);
PG_FUNCTION_INFO_V1(jss_moving_trend_slope_final);
PG_FUNCTION_INFO_V1(jss_moving_state_final);

/* The number of frame rows that ended at one time. */
typedef struct EndedAtCount
{
	TimestampTz ended_at;
	int64		count;
} EndedAtCount;

typedef struct MovingState
{
	JssState	state;			/* sums of the frame's rows; first/last unused */
	MemoryContext context;		/* where times lives */
	EndedAtCount *times;		/* times[head .. head + ntimes - 1], ascending */
	int			head;
	int			ntimes;
	int			capacity;
} MovingState;

#define INITIAL_TIMES 64

/* The moving state argument 0, created on the first call. */
static MovingState *
MovingStateArg(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;
	MovingState *m;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "jss moving-aggregate function called in non-aggregate context");
	if (!PG_ARGISNULL(0))
		return (MovingState *) PG_GETARG_POINTER(0);

	m = MemoryContextAllocZero(aggcontext, sizeof(MovingState));
	SET_VARSIZE(&m->state, sizeof(JssState));
	StateInit(&m->state);
	m->context = aggcontext;
	return m;
}

/* Index in times of the first entry at or after ended_at (binary search). */
static int
TimesLowerBound(const MovingState *m, TimestampTz ended_at)
{
	int			lo = m->head;
	int			hi = m->head + m->ntimes;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (m->times[mid].ended_at < ended_at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Make room for one more entry at the end of the used part of times. */
static void
TimesReserve(MovingState *m)
{
	if (m->head + m->ntimes < m->capacity)
		return;
	if (m->capacity == 0)
	{
		m->capacity = INITIAL_TIMES;
		m->times = MemoryContextAlloc(m->context, m->capacity * sizeof(EndedAtCount));
		return;
	}
	if (m->head >= m->capacity / 2)
	{
		/* at least half the array is free at the front: slide down */
		memmove(m->times, m->times + m->head, m->ntimes * sizeof(EndedAtCount));
		m->head = 0;
		return;
	}
	if ((Size) m->capacity * 2 * sizeof(EndedAtCount) > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many distinct ended_at values in one window frame")));
	m->capacity *= 2;
	m->times = repalloc(m->times, m->capacity * sizeof(EndedAtCount));
}

/* Count one more frame row at ended_at. */
static void
TimesAdd(MovingState *m, TimestampTz ended_at)
{
	int			end = m->head + m->ntimes;
	int			pos;

	if (m->ntimes > 0 && m->times[end - 1].ended_at == ended_at)
	{
		m->times[end - 1].count++;
		return;
	}
	pos = (m->ntimes == 0 || m->times[end - 1].ended_at < ended_at)
		? end : TimesLowerBound(m, ended_at);
	if (pos < end && m->times[pos].ended_at == ended_at)
	{
		m->times[pos].count++;
		return;
	}
	TimesReserve(m);
	pos -= (end - (m->head + m->ntimes));	/* the array may have slid down */
	end = m->head + m->ntimes;
	memmove(m->times + pos + 1, m->times + pos, (end - pos) * sizeof(EndedAtCount));
	m->times[pos].ended_at = ended_at;
	m->times[pos].count = 1;
	m->ntimes++;
}

/* Count one frame row fewer at ended_at. */
static void
TimesRemove(MovingState *m, TimestampTz ended_at)
{
	int			pos = (m->ntimes > 0 && m->times[m->head].ended_at == ended_at)
		? m->head : TimesLowerBound(m, ended_at);
	int			end = m->head + m->ntimes;

	if (pos >= end || m->times[pos].ended_at != ended_at)
		elog(ERROR, "jss moving aggregate removed a row it never added");
	if (--m->times[pos].count > 0)
		return;
	if (pos == m->head)
		m->head++;
	else
		memmove(m->times + pos, m->times + pos + 1, (end - pos - 1) * sizeof(EndedAtCount));
	m->ntimes--;
	if (m->ntimes == 0)
		m->head = 0;
}

/*
 * jss_moving_outcome_accum(internal, outcome [, weight]): forward
 * transition of jss_score and jss_satisfaction_ratio over a window.
 * Never returns NULL, as moving-aggregate mode requires.
 */
Datum
jss_moving_outcome_accum(PG_FUNCTION_ARGS)
{
	MovingState *m = MovingStateArg(fcinfo);

	if (!PG_ARGISNULL(1) &&
		!StateAddRow(&m->state, JssWeightArg(fcinfo, 2), JssOutcomeArg(fcinfo, 1)))
		JssReportTooManyContracts();
	PG_RETURN_POINTER(m);
}

/* jss_moving_outcome_inverse(internal, outcome [, weight]): the exact inverse. */
Datum
jss_moving_outcome_inverse(PG_FUNCTION_ARGS)
{
	MovingState *m = MovingStateArg(fcinfo);

	if (!PG_ARGISNULL(1))
		StateRemoveRow(&m->state, JssWeightArg(fcinfo, 2), JssOutcomeArg(fcinfo, 1));
	PG_RETURN_POINTER(m);
}

/*
 * jss_moving_agg_accum(internal, outcome, ended_at [, weight]): forward
 * transition of jss_trend_slope and jss_agg over a window.
 */
Datum
jss_moving_agg_accum(PG_FUNCTION_ARGS)
{
	MovingState *m = MovingStateArg(fcinfo);

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		int64		o = JssOutcomeArg(fcinfo, 1);
		TimestampTz ended_at = JssTimeArg(fcinfo, 2, "ended_at");

		if (!StateAddDatedRow(&m->state, JssWeightArg(fcinfo, 3), o, ended_at))
			JssReportTooManyContracts();
		TimesAdd(m, ended_at);
	}
	PG_RETURN_POINTER(m);
}

/* jss_moving_agg_inverse(internal, outcome, ended_at [, weight]): the exact inverse. */
Datum
jss_moving_agg_inverse(PG_FUNCTION_ARGS)
{
	MovingState *m = MovingStateArg(fcinfo);

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		int64		o = JssOutcomeArg(fcinfo, 1);
		TimestampTz ended_at = JssTimeArg(fcinfo, 2, "ended_at");

		StateRemoveDatedRow(&m->state, JssWeightArg(fcinfo, 3), o, ended_at);
		TimesRemove(m, ended_at);
	}
	PG_RETURN_POINTER(m);
}

/* jss_moving_score_final(internal): the default score of the frame. */
Datum
jss_moving_score_final(PG_FUNCTION_ARGS)
{
	MovingState *m = (MovingState *) PG_GETARG_POINTER(0);
	double		score;

	if (!StateScore(&m->state, JSS_PRIOR_WEIGHT, JSS_PRIOR_MEAN, JSS_MIN_CONTRACTS, &score))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(score);
}

/* jss_moving_satisfaction_ratio_final(internal): the frame's ratio. */
Datum
jss_moving_satisfaction_ratio_final(PG_FUNCTION_ARGS)
{
	MovingState *m = (MovingState *) PG_GETARG_POINTER(0);
	double		ratio;

	if (!StateSatisfactionRatio(&m->state, &ratio))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(ratio);
}

/* jss_moving_trend_slope_final(internal): the frame's trend slope. */
Datum
jss_moving_trend_slope_final(PG_FUNCTION_ARGS)
{
	MovingState *m = (MovingState *) PG_GETARG_POINTER(0);
	double		slope;

	if (!StateTrendSlope(&m->state, &slope))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(slope);
}

/*
 * jss_moving_state_final(internal): the frame's jss_state, byte for byte
 * the one jss_agg builds from the same rows; empty when the frame is.
 */
Datum
jss_moving_state_final(PG_FUNCTION_ARGS)
{
	MovingState *m;
	JssState   *s;

	if (PG_ARGISNULL(0))
		PG_RETURN_JSS_STATE_P(JssStateNew(CurrentMemoryContext));
	m = (MovingState *) PG_GETARG_POINTER(0);
	s = JssStateCopy(CurrentMemoryContext, &m->state);
	if (m->ntimes > 0)
	{
		s->first_ended = m->times[m->head].ended_at;
		s->last_ended = m->times[m->head + m->ntimes - 1].ended_at;
	}
	else
		s->first_ended = s->last_ended = 0;
	PG_RETURN_JSS_STATE_P(s);
}
