// Gregorian calendar arithmetic on plain dates, with no zone and no Date objects: a day is counted from
// 1970-01-01, so shifting and comparing dates is integer arithmetic and cannot be moved by a DST change.
import type { Weekday } from "../types.js";

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970-01-01 (proleptic Gregorian). */
export function dayNumber(date: CivilDate): number {
  const year = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const monthFromMarch = (date.month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilDate(days: number): CivilDate {
  const shifted = days + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return civilDate(dayNumber(date) + days);
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(days: number): Weekday {
  return (((((days + 3) % 7) + 7) % 7) + 1) as Weekday;
}

export function daysInMonth(year: number, month: number): number {
  return (
    dayNumber({ year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1 }) -
    dayNumber({ year, month, day: 1 })
  );
}

/** The nth weekday of a month (1 = first); a negative n counts from the end (-1 = last). */
export function nthWeekdayOfMonth(
  year: number,
  month: number,
  weekday: Weekday,
  n: number,
): CivilDate | null {
  if (n > 0) {
    const first = dayNumber({ year, month, day: 1 });
    const day = first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
    const date = civilDate(day);
    return date.month === month ? date : null;
  }
  const last = dayNumber({ year, month, day: daysInMonth(year, month) });
  const day = last - ((weekdayOf(last) - weekday + 7) % 7) + (n + 1) * 7;
  const date = civilDate(day);
  return date.month === month ? date : null;
}

/** Years the module answers for: the Gregorian computus and the Intl calendars are sound over this range. */
export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1583 && year <= 9999;
}
