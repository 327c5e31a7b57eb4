/*-------------------------------------------------------------------------
 *
 * calendar.c
 *	  UTC calendar arithmetic on PostgreSQL timestamps, in plain C.
 *
 *-------------------------------------------------------------------------
 */
#include "calendar.h"
#include "state.h"

/* Days from 1970-01-01 (the origin of the algorithms below) to 2000-01-01. */
#define UNIX_DAYS_AT_2000	10957

/*
 * Day number (days since 2000-01-01) of a date, after Howard Hinnant's
 * days_from_civil: the year is shifted to start in March, so that the leap
 * day is the last day of the year, and counted in 400-year eras of 146097
 * days.
 */
int64_t
DaysFromCivil(int64_t year, int month, int day)
{
	int64_t		y = year - (month <= 2);
	int64_t		era = (y >= 0 ? y : y - 399) / 400;
	int64_t		yoe = y - era * 400;
	int64_t		doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	int64_t		doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468 - UNIX_DAYS_AT_2000;
}

/* The date of a day number; the inverse of DaysFromCivil. */
void
CivilFromDays(int64_t days, int64_t *year, int *month, int *day)
{
	int64_t		z = days + UNIX_DAYS_AT_2000 + 719468;
	int64_t		era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t		doe = z - era * 146097;
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t		mp = (5 * doy + 2) / 153;

	*day = (int) (doy - (153 * mp + 2) / 5 + 1);
	*month = (int) (mp < 10 ? mp + 3 : mp - 9);
	*year = yoe + era * 400 + (*month <= 2);
}

/* Number of days in a month of the proleptic Gregorian calendar. */
int
DaysInMonth(int64_t year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool		leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

	return days[month - 1] + (month == 2 && leap);
}

/*
 * ts - months, on the UTC calendar, by PostgreSQL's rule for subtracting
 * an interval of months: step the month back, keep the time of day, and
 * clamp the day to the end of the month (2026-08-31 - 6 months is
 * 2026-02-28).  ts is finite; the result may precede PostgreSQL's range.
 */
int64_t
TimestampMinusMonths(int64_t ts, int months)
{
	int64_t		days = JssDayNumber(ts);
	int64_t		time_of_day = ts - days * JSS_USECS_PER_DAY;
	int64_t		year;
	int			month,
				day;
	int64_t		month_index;

	CivilFromDays(days, &year, &month, &day);
	month_index = year * 12 + (month - 1) - months;
	year = month_index >= 0 ? month_index / 12 : -((-month_index + 11) / 12);
	month = (int) (month_index - year * 12) + 1;
	if (day > DaysInMonth(year, month))
		day = DaysInMonth(year, month);
	return DaysFromCivil(year, month, day) * JSS_USECS_PER_DAY + time_of_day;
}
