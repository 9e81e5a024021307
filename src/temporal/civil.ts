// Civil (wall-calendar) dates as plain numbers, for the hot path of the appointment policy: day
// arithmetic through Date.UTC, and the zone's offset only where a wall-clock time meets an instant.
import { type CivilDate, civilDate, daysInMonth } from "./holidays/civil-date.js";
import { zoneFor } from "./zone.js";

export type { CivilDate };
export { daysInMonth };

const DAY = 86_400_000;

function utcDay(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

/** The largest instant a Date can hold, in either direction (ECMAScript's time value range). */
const MAX_TIME = 8.64e15;

/**
 * The UTC calendar date of an instant, by arithmetic on the day count (civil-date.ts) rather than through a
 * Date and three getters: this runs several times a request. Past Date's range the date is NaN, as Date's.
 */
function fromUtc(millis: number): CivilDate {
  if (!(Math.abs(millis) <= MAX_TIME)) return { year: Number.NaN, month: Number.NaN, day: Number.NaN };
  return civilDate(Math.floor(millis / DAY));
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

export function compareDates(a: CivilDate, b: CivilDate): number {
  return utcDay(a) - utcDay(b);
}

export function isoDate(date: CivilDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
