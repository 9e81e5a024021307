// Civil (wall-calendar) dates as plain numbers, for the hot path of the appointment policy: day
// arithmetic through Date.UTC, and the zone's offset only where a wall-clock time meets an instant.
import { zoneFor } from "./zone.js";

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const DAY = 86_400_000;

function utcDay(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

/** The largest instant a Date can hold, in either direction (ECMAScript's time value range). */
const MAX_TIME = 8.64e15;

/**
 * The UTC calendar date of an instant, by arithmetic on the day count (the proleptic Gregorian calendar,
 * as Date reads it) rather than through a Date and three getters: this runs several times a request.
 */
function fromUtc(millis: number): CivilDate {
  if (!(Math.abs(millis) <= MAX_TIME)) return { year: Number.NaN, month: Number.NaN, day: Number.NaN };
  // Days since 0000-03-01, so that the leap day ends each 400-year era and each year (H. Hinnant).
  const days = Math.floor(millis / DAY) + 719_468;
  const era = Math.floor(days / 146_097);
  const dayOfEra = days - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The local date in `zone` at an instant. */
export function localDate(instant: number, zone: string): CivilDate {
  return fromUtc(instant + zoneFor(zone).offset(instant) * 60_000);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromUtc(utcDay(date) + days * DAY);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function weekdayOf(date: CivilDate): number {
  // 1970-01-01, day 0, was a Thursday (4).
  const days = Math.floor(utcDay(date) / DAY);
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return utcDay(a) - utcDay(b);
}

export function isoDate(date: CivilDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
