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

function fromUtc(millis: number): CivilDate {
  const value = new Date(millis);
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
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
  return ((new Date(utcDay(date)).getUTCDay() + 6) % 7) + 1;
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
