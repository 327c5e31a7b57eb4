/*-------------------------------------------------------------------------
 *
 * moving.c
 *	  Moving-aggregate mode: forward and inverse transition and final
 *	  functions of jss_score, jss_satisfaction_ratio, jss_trend_slope,
 *	  jss_agg and jss_rollup as window aggregates.
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
 * number of frame rows at each distinct ended_at, in ascending order (a
 * TimeCounts).  jss_rollup keeps two: the number of frame states at each
 * distinct first_ended, and at each distinct last_ended (states without a
 * dated contract carry no times and are in neither); the frame's first is
 * the least of the first, its last the greatest of the last.
 *
 * A TimeCounts is an array used as a deque that grows at both ends.  In a
 * frame ordered by time, ascending, entries enter at the back and leave
 * from the front; descending, they enter at the front and leave from the
 * back: O(1) amortized either way.  In a frame ordered by anything else a
 * binary search finds the place, and the move costs at most the number of
 * distinct times between the place and the nearer end.
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
PG_FUNCTION_INFO_V1(jss_moving_rollup_accum);
PG_FUNCTION_INFO_V1(jss_moving_rollup_inverse);
PG_FUNCTION_INFO_V1(jss_moving_score_final);
PG_FUNCTION_INFO_V1(jss_moving_satisfaction_ratio_final);
PG_FUNCTION_INFO_V1(jss_moving_trend_slope_final);
PG_FUNCTION_INFO_V1(jss_moving_state_final);
PG_FUNCTION_INFO_V1(jss_moving_rollup_final);

/* The number of frame rows (or states) at one time. */
typedef struct EndedAtCount
{
	TimestampTz ended_at;
	int64		count;
} EndedAtCount;

/*
 * A multiset of times: items[head .. head + n - 1], ascending, distinct,
 * each with its count (> 0), inside an array of capacity entries with free
 * room at both ends.
 */
typedef struct TimeCounts
{
	EndedAtCount *items;
	int			head;
	int			n;
	int			capacity;
} TimeCounts;

typedef struct MovingState
{
	JssState	state;			/* sums of the frame; first/last unused */
	MemoryContext context;		/* where the TimeCounts' arrays live */
	TimeCounts	times;			/* jss_agg: ended_at of the dated rows;
								 * jss_rollup: first_ended of the dated states */
	TimeCounts	lasts;			/* jss_rollup: last_ended of the dated states */
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

/* Index in items of the first entry at or after ended_at (binary search). */
static int
TimesLowerBound(const TimeCounts *tc, TimestampTz ended_at)
{
	int			lo = tc->head;
	int			hi = tc->head + tc->n;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (tc->items[mid].ended_at < ended_at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Move the entries to the middle of an array with room at both ends: a
 * new one of twice the capacity when they fill half of it or more, else
 * the same.  Either way each end then has at least a quarter of the
 * capacity free, at least n / 2 entries, so the O(n) move is paid for by
 * the n / 2 or more insertions at that end before the next one: O(1)
 * amortized per insertion, at either end.
 */
static void
TimesRecentre(TimeCounts *tc, MemoryContext context)
{
	int			capacity = tc->capacity;
	int			head;
	EndedAtCount *items = tc->items;

	if (capacity == 0)
		capacity = INITIAL_TIMES;
	else if (tc->n >= capacity / 2)
	{
		if ((Size) capacity * 2 * sizeof(EndedAtCount) > MaxAllocSize)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many distinct ended_at values in one window frame")));
		capacity *= 2;
	}
	head = (capacity - tc->n) / 2;
	if (capacity != tc->capacity)
	{
		items = MemoryContextAlloc(context, capacity * sizeof(EndedAtCount));
		if (tc->n > 0)
			memcpy(items + head, tc->items + tc->head, tc->n * sizeof(EndedAtCount));
		if (tc->items)
			pfree(tc->items);
	}
	else
		memmove(items + head, items + tc->head, tc->n * sizeof(EndedAtCount));
	tc->items = items;
	tc->head = head;
	tc->capacity = capacity;
}

/* Count one more at ended_at. */
static void
TimesAdd(TimeCounts *tc, MemoryContext context, TimestampTz ended_at)
{
	int			pos;
	bool		front_side;

	if (tc->n > 0)
	{
		EndedAtCount *front = &tc->items[tc->head];
		EndedAtCount *back = &tc->items[tc->head + tc->n - 1];

		/* the fast paths: at or past either end */
		if (back->ended_at == ended_at)
		{
			back->count++;
			return;
		}
		if (front->ended_at == ended_at)
		{
			front->count++;
			return;
		}
		if (ended_at < front->ended_at)
		{
			if (tc->head == 0)
				TimesRecentre(tc, context);
			tc->head--;
			tc->n++;
			tc->items[tc->head].ended_at = ended_at;
			tc->items[tc->head].count = 1;
			return;
		}
	}
	pos = (tc->n == 0 || tc->items[tc->head + tc->n - 1].ended_at < ended_at)
		? tc->head + tc->n : TimesLowerBound(tc, ended_at);
	if (pos < tc->head + tc->n && tc->items[pos].ended_at == ended_at)
	{
		tc->items[pos].count++;
		return;
	}

	/* insert at pos, moving the shorter side outwards (into free room) */
	front_side = pos - tc->head < tc->head + tc->n - pos;
	if (front_side ? tc->head == 0 : tc->head + tc->n == tc->capacity)
	{
		int			offset = pos - tc->head;

		TimesRecentre(tc, context);
		pos = tc->head + offset;
	}
	if (front_side)
	{
		memmove(tc->items + tc->head - 1, tc->items + tc->head,
				(pos - tc->head) * sizeof(EndedAtCount));
		tc->head--;
		pos--;
	}
	else
		memmove(tc->items + pos + 1, tc->items + pos,
				(tc->head + tc->n - pos) * sizeof(EndedAtCount));
	tc->n++;
	tc->items[pos].ended_at = ended_at;
	tc->items[pos].count = 1;
}

/* Count one fewer at ended_at. */
static void
TimesRemove(TimeCounts *tc, TimestampTz ended_at)
{
	int			last = tc->head + tc->n - 1;
	int			pos;

	if (tc->n > 0 && tc->items[tc->head].ended_at == ended_at)
		pos = tc->head;
	else if (tc->n > 0 && tc->items[last].ended_at == ended_at)
		pos = last;
	else
		pos = TimesLowerBound(tc, ended_at);
	if (pos > last || tc->items[pos].ended_at != ended_at)
		elog(ERROR, "jss moving aggregate removed a row it never added");
	if (--tc->items[pos].count > 0)
		return;

	/* drop the entry, moving the shorter side inwards */
	if (pos - tc->head < last - pos)
	{
		memmove(tc->items + tc->head + 1, tc->items + tc->head,
				(pos - tc->head) * sizeof(EndedAtCount));
		tc->head++;
	}
	else
		memmove(tc->items + pos, tc->items + pos + 1, (last - pos) * sizeof(EndedAtCount));
	if (--tc->n == 0)
		tc->head = tc->capacity / 2;
}

/* The least time counted; the multiset is not empty. */
static inline TimestampTz
TimesMin(const TimeCounts *tc)
{
	return tc->items[tc->head].ended_at;
}

/* The greatest time counted; the multiset is not empty. */
static inline TimestampTz
TimesMax(const TimeCounts *tc)
{
	return tc->items[tc->head + tc->n - 1].ended_at;
}

/*
 * jss_moving_outcome_accum(internal, outcome [, weight]): forward
 * transition of jss_score and jss_satisfaction_ratio over a window.
 * Never returns NULL, as moving-aggregate mode requires.  The arguments
 * are checked in the plain aggregate's order, outcome first.
 */
Datum
jss_moving_outcome_accum(PG_FUNCTION_ARGS)
{
	MovingState *m = MovingStateArg(fcinfo);

	if (!PG_ARGISNULL(1))
	{
		int64		o = JssOutcomeArg(fcinfo, 1);
		int64		w = JssWeightArg(fcinfo, 2);

		if (!StateAddRow(&m->state, w, o))
			JssReportTooManyContracts();
	}
	PG_RETURN_POINTER(m);
}

/* jss_moving_outcome_inverse(internal, outcome [, weight]): the exact inverse. */
Datum
jss_moving_outcome_inverse(PG_FUNCTION_ARGS)
{
	MovingState *m = MovingStateArg(fcinfo);

	if (!PG_ARGISNULL(1))
	{
		int64		o = JssOutcomeArg(fcinfo, 1);
		int64		w = JssWeightArg(fcinfo, 2);

		StateRemoveRow(&m->state, w, o);
	}
	PG_RETURN_POINTER(m);
}

/*
 * jss_moving_agg_accum(internal, outcome, ended_at [, weight]): forward
 * transition of jss_trend_slope and jss_agg over a window.  Checks
 * outcome, ended_at, weight, in this order, as the plain aggregate does.
 */
Datum
jss_moving_agg_accum(PG_FUNCTION_ARGS)
{
	MovingState *m = MovingStateArg(fcinfo);

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		int64		o = JssOutcomeArg(fcinfo, 1);
		TimestampTz ended_at = JssTimeArg(fcinfo, 2, "ended_at");
		int64		w = JssWeightArg(fcinfo, 3);

		if (!StateAddDatedRow(&m->state, w, o, ended_at))
			JssReportTooManyContracts();
		TimesAdd(&m->times, m->context, ended_at);
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
		int64		w = JssWeightArg(fcinfo, 3);

		StateRemoveDatedRow(&m->state, w, o, ended_at);
		TimesRemove(&m->times, ended_at);
	}
	PG_RETURN_POINTER(m);
}

/*
 * jss_moving_rollup_accum(internal, state): forward transition of
 * jss_rollup over a window.  The state is checked as jss_rollup's
 * transition checks it; a NULL state is skipped.
 */
Datum
jss_moving_rollup_accum(PG_FUNCTION_ARGS)
{
	MovingState *m = MovingStateArg(fcinfo);

	if (!PG_ARGISNULL(1))
	{
		JssState   *src = PG_GETARG_JSS_STATE_P(1);

		JssCheckStateArg(src, "jss_state");
		if (!StateMerge(&m->state, src))
			JssReportTooManyContracts();
		if (src->dated > 0)
		{
			TimesAdd(&m->times, m->context, src->first_ended);
			TimesAdd(&m->lasts, m->context, src->last_ended);
		}
	}
	PG_RETURN_POINTER(m);
}

/*
 * jss_moving_rollup_inverse(internal, state): the exact inverse.  The
 * state is one the forward transition merged, and passed its check; it
 * is checked again, as cheaply, rather than trusted.
 */
Datum
jss_moving_rollup_inverse(PG_FUNCTION_ARGS)
{
	MovingState *m = MovingStateArg(fcinfo);

	if (!PG_ARGISNULL(1))
	{
		JssState   *src = PG_GETARG_JSS_STATE_P(1);

		JssCheckStateArg(src, "jss_state");
		if (src->contracts > m->state.contracts || src->dated > m->state.dated)
			elog(ERROR, "jss moving aggregate removed a state it never added");
		StateUnmerge(&m->state, src);
		if (src->dated > 0)
		{
			TimesRemove(&m->times, src->first_ended);
			TimesRemove(&m->lasts, src->last_ended);
		}
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
 * The frame's jss_state: a copy of the sums with first and last taken
 * from the least of firsts and the greatest of lasts (zero when the frame
 * holds no dated row, as in a state built afresh).
 */
static JssState *
FrameState(const MovingState *m, const TimeCounts *firsts, const TimeCounts *lasts)
{
	JssState   *s = JssStateCopy(CurrentMemoryContext, &m->state);

	if (firsts->n > 0)
	{
		s->first_ended = TimesMin(firsts);
		s->last_ended = TimesMax(lasts);
	}
	else
		s->first_ended = s->last_ended = 0;
	return s;
}

/*
 * jss_moving_state_final(internal): the frame's jss_state, byte for byte
 * the one jss_agg builds from the same rows; empty when the frame is.
 */
Datum
jss_moving_state_final(PG_FUNCTION_ARGS)
{
	MovingState *m;

	if (PG_ARGISNULL(0))
		PG_RETURN_JSS_STATE_P(JssStateNew(CurrentMemoryContext));
	m = (MovingState *) PG_GETARG_POINTER(0);
	PG_RETURN_JSS_STATE_P(FrameState(m, &m->times, &m->times));
}

/*
 * jss_moving_rollup_final(internal): the frame's jss_state, byte for byte
 * the one jss_rollup builds from the same states; empty when the frame is.
 */
Datum
jss_moving_rollup_final(PG_FUNCTION_ARGS)
{
	MovingState *m;

	if (PG_ARGISNULL(0))
		PG_RETURN_JSS_STATE_P(JssStateNew(CurrentMemoryContext));
	m = (MovingState *) PG_GETARG_POINTER(0);
	PG_RETURN_JSS_STATE_P(FrameState(m, &m->times, &m->lasts));
}
