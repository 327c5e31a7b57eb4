/*-------------------------------------------------------------------------
 *
 * calendar.h
 *	  UTC calendar arithmetic on PostgreSQL timestamps, in plain C.
 *
 * Timestamps are int64 microseconds since 2000-01-01 00:00 UTC, as
 * TimestampTz is.  The calendar is the proleptic Gregorian one PostgreSQL
 * uses, with astronomical years (1 BC is year 0).
 *
 *-------------------------------------------------------------------------
 */
#ifndef JSS_CALENDAR_H
#define JSS_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

extern int64_t DaysFromCivil(int64_t year, int month, int day);
extern void CivilFromDays(int64_t days, int64_t *year, int *month, int *day);
extern int	DaysInMonth(int64_t year, int month);
extern int64_t TimestampMinusMonths(int64_t ts, int months);

#endif							/* JSS_CALENDAR_H */
