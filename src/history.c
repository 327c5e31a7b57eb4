/*-------------------------------------------------------------------------
 *
 * history.c
 *	  The score history, jss_score_history(outcome, weight, ended_at,
 *	  as_of[]): for each date of as_of, what jss_score(outcome, weight,
 *	  ended_at, as_of) gives at that date, in one pass over the rows.
 *
 * The state is an array of jss_asof_state, one per date, in the order of
 * as_of: a real type, so that the aggregate runs in parallel and on Citus
 * as a partial aggregate (the array travels as text, each element checked
 * on input), and every element is exactly the state the as-of aggregate
 * builds at its date, so each score has the same bits.
 *
 * A row that ended at t counts at each date d with d - 24 months <= t <= d
 * (and, within such a date, in the windows that hold it).  Sorted, the
 * dates and their 24-month starts both ascend, so the dates that hold t
 * are one run of the sorted dates, found by two binary searches: a row
 * costs O(log n) plus one addition per date that holds it.  The sorted
 * dates are computed once per as_of array and kept in fn_extra; a row
 * whose as_of has the same bytes as the last one's reuses them.  Until a
 * row gives another as_of, every state was made for these dates; after,
 * each row checks that its as_of gives its group's dates (22023 otherwise).
 *
 * In an aggregate, the state array is updated in place: its elements all
 * have one size, so element i starts i strides after the first.
 *
 *-------------------------------------------------------------------------
 */
#include "jss.h"

#include "access/tupmacs.h"
#include "asof_state.h"
#include "calendar.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(jss_history_accum);
PG_FUNCTION_INFO_V1(jss_history_combine);
PG_FUNCTION_INFO_V1(jss_history_final);

/* The dates of one as_of array, as the transition function uses them. */
typedef struct HistoryDates
{
	ArrayType  *source;			/* a copy of the as_of array they were read from */
	int			n;				/* elements of as_of, NULL ones included */
	bool	   *has_date;		/* [n]: the element is not NULL */
	int64	   *date;			/* [n]: the element's timestamp */
	int			n_sorted;		/* the non-NULL elements ... */
	int		   *order;			/* [n_sorted]: their indexes, by date */
	int64	   *sorted;			/* [n_sorted]: their dates, ascending */
	int64	   *since;			/* [n_sorted]: each date - 24 months */
} HistoryDates;

/* What the functions keep in fn_extra. */
typedef struct HistoryCache
{
	Oid			elem_type;		/* jss_asof_state */
	int16		elem_len;
	bool		elem_byval;
	char		elem_align;
	Size		stride;			/* bytes from one state element to the next */
	HistoryDates dates;			/* the transition's last as_of */
	bool		dates_changed;	/* a row gave another as_of than an earlier one */
} HistoryCache;

/* jss_asof_state's type: in the schema of the function being called. */
static Oid
AsOfStateType(FunctionCallInfo fcinfo)
{
	Oid			type = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
									   CStringGetDatum("jss_asof_state"),
									   ObjectIdGetDatum(get_func_namespace(fcinfo->flinfo->fn_oid)));

	if (!OidIsValid(type))
		elog(ERROR, "type jss_asof_state not found beside function %u", fcinfo->flinfo->fn_oid);
	return type;
}

static HistoryCache *
GetHistoryCache(FunctionCallInfo fcinfo)
{
	HistoryCache *cache = (HistoryCache *) fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(HistoryCache));
		cache->elem_type = AsOfStateType(fcinfo);
		get_typlenbyvalalign(cache->elem_type, &cache->elem_len, &cache->elem_byval,
							 &cache->elem_align);
		cache->stride = att_align_nominal(sizeof(JssAsOfState), cache->elem_align);
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache;
}

static int
CompareDates(const void *a, const void *b, void *arg)
{
	const int64 *date = (const int64 *) arg;
	int64		x = date[*(const int *) a];
	int64		y = date[*(const int *) b];

	return (x > y) - (x < y);
}

/*
 * Read the as_of array (argument argno) into cache->dates, unless it has
 * the bytes of the array read last time (compared, not its address: an
 * array built per row can come back at the same address with other dates).
 * 22023 for an array of more than one dimension, 22008 for an infinite
 * date.
 */
static HistoryDates *
ReadDates(FunctionCallInfo fcinfo, HistoryCache *cache, int argno)
{
	HistoryDates *d = &cache->dates;
	ArrayType  *array = PG_GETARG_ARRAYTYPE_P(argno);
	Datum	   *values;
	bool	   *nulls;
	int			n;
	MemoryContext old;

	if (d->source != NULL && VARSIZE(array) == VARSIZE(d->source) &&
		memcmp(array, d->source, VARSIZE(array)) == 0)
		return d;

	if (ARR_NDIM(array) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("as_of must be a one-dimensional array, got %d dimensions",
						ARR_NDIM(array))));
	deconstruct_array(array, ARR_ELEMTYPE(array), sizeof(int64), FLOAT8PASSBYVAL,
					  TYPALIGN_DOUBLE, &values, &nulls, &n);

	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	if (d->source != NULL)
	{
		cache->dates_changed = true;
		pfree(d->source);
		pfree(d->has_date);
		pfree(d->date);
		pfree(d->order);
		pfree(d->sorted);
		pfree(d->since);
	}
	d->source = (ArrayType *) pg_detoast_datum_copy((struct varlena *) array);
	d->n = n;
	d->has_date = palloc(Max(n, 1) * sizeof(bool));
	d->date = palloc(Max(n, 1) * sizeof(int64));
	d->order = palloc(Max(n, 1) * sizeof(int));
	d->sorted = palloc(Max(n, 1) * sizeof(int64));
	d->since = palloc(Max(n, 1) * sizeof(int64));
	MemoryContextSwitchTo(old);

	d->n_sorted = 0;
	for (int i = 0; i < n; i++)
	{
		d->has_date[i] = !nulls[i];
		d->date[i] = nulls[i] ? 0 : DatumGetInt64(values[i]);
		if (nulls[i])
			continue;
		if (TIMESTAMP_NOT_FINITE(d->date[i]))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
					 errmsg("as_of must be finite, got %s",
							TIMESTAMP_IS_NOBEGIN(d->date[i]) ? "-infinity" : "infinity")));
		d->order[d->n_sorted++] = i;
	}
	qsort_arg(d->order, d->n_sorted, sizeof(int), CompareDates, d->date);
	for (int j = 0; j < d->n_sorted; j++)
	{
		d->sorted[j] = d->date[d->order[j]];
		d->since[j] = TimestampMinusMonths(d->sorted[j], jss_asof_months[JSS_ASOF_WINDOWS - 1]);
	}
	return d;
}

/* Element i of a state array that this file built (one dimension, no NULLs). */
static inline JssAsOfState *
StateElement(ArrayType *states, const HistoryCache *cache, int i)
{
	Assert(ARR_NDIM(states) == 1 && !ARR_HASNULL(states));
	return (JssAsOfState *) ((char *) states + ARR_OVERHEAD_NONULLS(1) + i * cache->stride);
}

/* The number of elements of a state array (0 when empty). */
static int
StateCount(ArrayType *states)
{
	return ARR_NDIM(states) == 0 ? 0 : ARR_DIMS(states)[0];
}

/*
 * A new state array, in the current memory context (an aggregate copies
 * a new transition value into its own): one element per as_of element,
 * each an empty as-of state with its date when it has one, from dates;
 * or, when src is not NULL, copies of src's n elements.
 */
static ArrayType *
NewStates(const HistoryCache *cache, int n, const HistoryDates *dates, JssAsOfState *const *src)
{
	Datum	   *elems;

	if (n == 0)
		return construct_empty_array(cache->elem_type);
	elems = palloc(n * sizeof(Datum));
	for (int i = 0; i < n; i++)
	{
		JssAsOfState *s = JssAsOfStateNew(CurrentMemoryContext);

		if (src)
			memcpy(s, src[i], sizeof(JssAsOfState));
		else if (dates->has_date[i])
			AsOfSetAsOf(s, dates->date[i]);
		elems[i] = PointerGetDatum(s);
	}
	return construct_array(elems, n, cache->elem_type, cache->elem_len, cache->elem_byval,
						   cache->elem_align);
}

static void
ReportOtherDates(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("as_of must be the same array in every row of a group")));
}

/* Do the state array's elements carry exactly these dates? */
static bool
StatesHaveDates(ArrayType *states, const HistoryCache *cache, const HistoryDates *dates)
{
	if (StateCount(states) != dates->n)
		return false;
	for (int i = 0; i < dates->n; i++)
	{
		JssAsOfState *s = StateElement(states, cache, i);
		bool		has = (s->flags & JSS_ASOF_HAS_AS_OF) != 0;

		if (has != dates->has_date[i] || (has && s->as_of != dates->date[i]))
			return false;
	}
	return true;
}

/* The least j with key[j] > t (n when none): a binary search. */
static int
UpperBound(const int64 *key, int n, int64 t)
{
	int			lo = 0,
				hi = n;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (key[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The elements of a state array from outside (a partial aggregate's), each
 * checked as jss_asof_state input checks it.
 */
static JssAsOfState **
CheckedElements(ArrayType *array, const HistoryCache *cache, int *n)
{
	Datum	   *values;
	bool	   *nulls;
	JssAsOfState **elems;

	if (ARR_NDIM(array) > 1 || ARR_ELEMTYPE(array) != cache->elem_type)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("state is not a valid jss_score_history state"),
				 errdetail("It is not a one-dimensional array of jss_asof_state.")));
	deconstruct_array(array, cache->elem_type, cache->elem_len, cache->elem_byval,
					  cache->elem_align, &values, &nulls, n);
	elems = palloc(Max(*n, 1) * sizeof(JssAsOfState *));
	for (int i = 0; i < *n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("state is not a valid jss_score_history state"),
					 errdetail("Element %d is NULL.", i + 1)));
		elems[i] = (JssAsOfState *) PG_DETOAST_DATUM(values[i]);
		JssCheckAsOfStateArg(elems[i]);
	}
	return elems;
}

/*
 * jss_history_accum(state, outcome, weight, ended_at, as_of[]): transition
 * of jss_score_history.  A NULL as_of array skips the row; otherwise the
 * first row makes the state, one element per date, and a row with a NULL
 * outcome or ended_at then adds nothing.  A NULL weight counts as 1.
 */
Datum
jss_history_accum(PG_FUNCTION_ARGS)
{
	HistoryCache *cache;
	HistoryDates *dates;
	ArrayType  *states;
	int64		o = 0,
				w = 0;
	TimestampTz ended_at = 0;
	bool		has_row,
				in_aggregate;
	int			first,
				last;

	if (PG_ARGISNULL(4))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	/* the row's arguments first, in the as-of aggregate's order, then as_of */
	has_row = !PG_ARGISNULL(1) && !PG_ARGISNULL(3);
	if (has_row)
	{
		o = JssOutcomeArg(fcinfo, 1);
		w = JssWeightArg(fcinfo, 2);
		ended_at = JssTimeArg(fcinfo, 3, "ended_at");
	}
	cache = GetHistoryCache(fcinfo);
	dates = ReadDates(fcinfo, cache, 4);
	in_aggregate = AggCheckCallContext(fcinfo, NULL);
	if (PG_ARGISNULL(0))
		states = NewStates(cache, dates->n, dates, NULL);
	else
	{
		states = PG_GETARG_ARRAYTYPE_P(0);
		/* outside an aggregate the state is anyone's: check it, change a copy */
		if (!in_aggregate)
		{
			int			n;
			JssAsOfState **elems = CheckedElements(states, cache, &n);

			states = NewStates(cache, n, NULL, elems);
		}
		/*
		 * Every state this function made was made for its dates, so a state
		 * can only be for other dates once a row gave others, or when it
		 * came from outside: check each row's then, never before.
		 */
		if ((cache->dates_changed || !in_aggregate) && !StatesHaveDates(states, cache, dates))
			ReportOtherDates();
	}
	if (!has_row)
		PG_RETURN_ARRAYTYPE_P(states);

	/* the sorted dates that hold ended_at: d >= t and d - 24 months <= t */
	first = UpperBound(dates->sorted, dates->n_sorted, ended_at - 1);
	last = UpperBound(dates->since, dates->n_sorted, ended_at);
	for (int j = first; j < last; j++)
	{
		JssAsOfState *s = StateElement(states, cache, dates->order[j]);

		if (AsOfAddRow(s, w, o, ended_at, dates->sorted[j]) == ASOF_TOO_MANY)
			JssReportTooManyContracts();
	}
	PG_RETURN_ARRAYTYPE_P(states);
}

/*
 * jss_history_combine(state, state): merge element by element; 22023 when
 * the two were built for other dates.
 */
Datum
jss_history_combine(PG_FUNCTION_ARGS)
{
	HistoryCache *cache;
	JssAsOfState **src;
	ArrayType  *dst;
	int			n;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	cache = GetHistoryCache(fcinfo);
	src = CheckedElements(PG_GETARG_ARRAYTYPE_P(1), cache, &n);
	if (PG_ARGISNULL(0))
		PG_RETURN_ARRAYTYPE_P(NewStates(cache, n, NULL, src));

	dst = PG_GETARG_ARRAYTYPE_P(0);
	/* outside an aggregate the state is anyone's: check it, change a copy */
	if (!AggCheckCallContext(fcinfo, NULL))
	{
		int			dst_n;
		JssAsOfState **elems = CheckedElements(dst, cache, &dst_n);

		dst = NewStates(cache, dst_n, NULL, elems);
	}
	if (StateCount(dst) != n)
		ReportOtherDates();
	for (int i = 0; i < n; i++)
	{
		JssAsOfState *s = StateElement(dst, cache, i);

		if (((s->flags ^ src[i]->flags) & JSS_ASOF_HAS_AS_OF) != 0)
			ReportOtherDates();
		switch (AsOfMerge(s, src[i]))
		{
			case ASOF_OK:
				break;
			case ASOF_OTHER_AS_OF:
				ReportOtherDates();
				break;
			case ASOF_TOO_MANY:
				JssReportTooManyContracts();
				break;
		}
	}
	PG_RETURN_ARRAYTYPE_P(dst);
}

/*
 * jss_history_final(state): the score at each date, in the order of
 * as_of; NULL where as_of is NULL or no window has a score.
 */
Datum
jss_history_final(PG_FUNCTION_ARGS)
{
	HistoryCache *cache = GetHistoryCache(fcinfo);
	int			n;
	JssAsOfState **elems = CheckedElements(PG_GETARG_ARRAYTYPE_P(0), cache, &n);
	Datum	   *scores = palloc(Max(n, 1) * sizeof(Datum));
	bool	   *nulls = palloc(Max(n, 1) * sizeof(bool));
	int			dims[1] = {n};
	int			lbs[1] = {1};

	if (n == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(FLOAT8OID));
	for (int i = 0; i < n; i++)
	{
		double		score;

		nulls[i] = !AsOfScore(elems[i], &score);
		scores[i] = nulls[i] ? (Datum) 0 : Float8GetDatum(score);
	}
	PG_RETURN_ARRAYTYPE_P(construct_md_array(scores, nulls, 1, dims, lbs, FLOAT8OID,
											 sizeof(float8), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}
