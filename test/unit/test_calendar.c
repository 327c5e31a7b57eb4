/*-------------------------------------------------------------------------
 *
 * test_calendar.c
 *	  Unit tests of src/calendar.[ch], which the text form of the state
 *	  (and the as-of windows) stand on: day numbers of dates and back, and
 *	  PostgreSQL's "minus N months" rule, against the independent calendar
 *	  of unit.c (it counts leap years; calendar.c counts 400-year eras).
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "calendar.h"
#include "state.h"
#include "unit.h"

#define DAY JSS_USECS_PER_DAY

static int64_t
RefFloorDiv(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	if (a % b != 0 && (a < 0) != (b < 0))
		q--;
	return q;
}

/* ts - months by hand: step months back, clamp the day, keep the time of day */
static int64_t
RefMinusMonths(int64_t ts, int months)
{
	int64_t		days = RefFloorDiv(ts, DAY);
	int64_t		tod = ts - days * DAY;
	int64_t		y;
	int			m,
				d,
				last;
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	RefCivilFromDays(days, &y, &m, &d);
	for (int i = 0; i < months; i++)
	{
		if (--m == 0)
		{
			m = 12;
			y--;
		}
	}
	last = dim[m - 1] + (m == 2 && RefFloorDiv(y, 4) * 4 == y &&
						 (RefFloorDiv(y, 100) * 100 != y || RefFloorDiv(y, 400) * 400 == y));
	if (d > last)
		d = last;
	return RefDaysFromCivil(y, m, d) * DAY + tod;
}

static int64_t
Ts(int64_t y, int m, int d, int hh, int mm)
{
	return RefDaysFromCivil(y, m, d) * DAY + (int64_t) (hh * 60 + mm) * 60000000;
}

void
TestCalendar(void)
{
	int64_t		min_day = JSS_MIN_TIMESTAMP / DAY,
				end_day = JSS_END_TIMESTAMP / DAY;

	RandSeed(9001);
	CheckBegin("DaysFromCivil and CivilFromDays agree with the reference over the whole range");
	for (int i = 0; i < 20000; i++)
	{
		int64_t		days = i == 0 ? min_day : i == 1 ? end_day : i == 2 ? 0 : i == 3 ? -1 :
			RandBelow(2) ? RandRange(min_day, end_day) : RandRange(-800000, 800000);
		int64_t		y,
					ry;
		int			m,
					d,
					rm,
					rd;

		CivilFromDays(days, &y, &m, &d);
		RefCivilFromDays(days, &ry, &rm, &rd);
		EXPECT(y == ry && m == rm && d == rd, "day %lld: %lld-%d-%d want %lld-%d-%d", (long long) days,
			   (long long) y, m, d, (long long) ry, rm, rd);
		EXPECT(DaysFromCivil(ry, rm, rd) == days, "%lld-%d-%d: %lld want %lld", (long long) ry, rm, rd,
			   (long long) DaysFromCivil(ry, rm, rd), (long long) days);
	}
	CheckEnd();

	CheckBegin("DaysInMonth: leap years of the proleptic Gregorian calendar, BC included");
	EXPECT(DaysInMonth(2024, 2) == 29 && DaysInMonth(2023, 2) == 28, "2024, 2023");
	EXPECT(DaysInMonth(2000, 2) == 29 && DaysInMonth(1900, 2) == 28, "2000, 1900");
	EXPECT(DaysInMonth(0, 2) == 29 && DaysInMonth(-4, 2) == 29 && DaysInMonth(-1, 2) == 28 &&
		   DaysInMonth(-100, 2) == 28 && DaysInMonth(-400, 2) == 29, "BC years");
	for (int64_t y = -4800; y <= 2400; y++)
		for (int m = 1; m <= 12; m++)
			EXPECT(DaysInMonth(y, m) == RefDaysFromCivil(y + (m == 12), m % 12 + 1, 1) - RefDaysFromCivil(y, m, 1),
				   "%lld-%d", (long long) y, m);
	CheckEnd();

	CheckBegin("TimestampMinusMonths: the documented example and month-end clamping");
	EXPECT(TimestampMinusMonths(Ts(2026, 8, 31, 0, 0), 6) == Ts(2026, 2, 28, 0, 0), "2026-08-31 - 6 months");
	EXPECT(TimestampMinusMonths(Ts(2024, 8, 31, 13, 5), 6) == Ts(2024, 2, 29, 13, 5), "leap February, time kept");
	EXPECT(TimestampMinusMonths(Ts(2024, 2, 29, 0, 0), 12) == Ts(2023, 2, 28, 0, 0), "2024-02-29 - 12 months");
	EXPECT(TimestampMinusMonths(Ts(2026, 3, 31, 23, 59), 24) == Ts(2024, 3, 31, 23, 59), "24 months");
	EXPECT(TimestampMinusMonths(Ts(2026, 1, 15, 0, 0), 6) == Ts(2025, 7, 15, 0, 0), "across a year");
	EXPECT(TimestampMinusMonths(Ts(1, 3, 31, 0, 0), 6) == Ts(0, 9, 30, 0, 0), "into 1 BC");
	EXPECT(TimestampMinusMonths(Ts(0, 5, 31, 0, 0), 24) == Ts(-2, 5, 31, 0, 0), "BC years");
	EXPECT(TimestampMinusMonths(-1, 6) == Ts(1999, 6, 30, 23, 59) + 59999999, "one microsecond before 2000");
	CheckEnd();

	RandSeed(9002);
	CheckBegin("TimestampMinusMonths equals stepping months by hand, over the whole range");
	for (int i = 0; i < 20000; i++)
	{
		static const int months[] = {6, 12, 24, 1, 11, 13, 0};
		int			k = months[RandBelow(7)];
		int64_t		ts = RandBelow(2) ? RandRange(JSS_MIN_TIMESTAMP, JSS_END_TIMESTAMP - 1)
			: RandRange(-50 * 365 * DAY, 50 * 365 * DAY);

		if (i < 4)
			ts = i < 2 ? JSS_MIN_TIMESTAMP + i : JSS_END_TIMESTAMP - 1 - (i - 2);
		EXPECT(TimestampMinusMonths(ts, k) == RefMinusMonths(ts, k), "ts %lld - %d months: %lld want %lld",
			   (long long) ts, k, (long long) TimestampMinusMonths(ts, k), (long long) RefMinusMonths(ts, k));
	}
	CheckEnd();
}
