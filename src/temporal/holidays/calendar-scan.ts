// Reads other calendars through Intl (full ICU on Node 20 and Workers): every Gregorian day of a year is
// formatted once in the calendar and indexed by that calendar's month and day, so the holidays of lunar and
// lunisolar calendars become lookups, and each year is scanned once per calendar.
import { civilDate, dayNumber } from "./civil-date.js";

export type IntlCalendar = "hebrew" | "islamic" | "islamic-umalqura" | "chinese";

export interface CalendarDay {
  /** Month as the calendar names it: a number ("9"; "4bis" for a Chinese leap month) or a Hebrew name. */
  month: string;
  day: number;
  year: number;
}

/** A way of reading Gregorian days (counted from 1970-01-01) in another calendar; `name` keys the cache. */
export interface CalendarReading {
  name: string;
  dayOf(days: number): CalendarDay;
}

const MILLISECONDS_PER_DAY = 86_400_000;
const MAX_CACHED_SCANS = 512;
const scans = new Map<string, Map<string, number[]>>();

export function intlReading(calendar: IntlCalendar): CalendarReading {
  // Noon UTC formatted in UTC: the calendar date of exactly the Gregorian day asked for.
  const format = new Intl.DateTimeFormat(`en-u-ca-${calendar}`, {
    timeZone: "UTC",
    year: "numeric",
    month: calendar === "hebrew" ? "long" : "numeric",
    day: "numeric",
  });
  return {
    name: calendar,
    dayOf(days) {
      const instant = new Date(days * MILLISECONDS_PER_DAY + MILLISECONDS_PER_DAY / 2);
      let month = "";
      let day = 0;
      let year = 0;
      for (const part of format.formatToParts(instant)) {
        // "relatedYear" (the Gregorian year of a Chinese date) is missing from the ES2023 typings.
        const type: string = part.type;
        if (type === "month") month = part.value.toLowerCase();
        else if (type === "day") day = Number(part.value);
        else if (type === "year" || type === "relatedYear") year = Number(part.value);
      }
      return { month, day, year };
    },
  };
}

function dateKey(month: string, day: number): string {
  return `${month}/${day}`;
}

/** One Gregorian year indexed by the reading's "month/day", each key to its day numbers in order. */
function scanYear(reading: CalendarReading, year: number): Map<string, number[]> {
  const cacheKey = `${reading.name}:${year}`;
  const cached = scans.get(cacheKey);
  if (cached !== undefined) return cached;
  const index = new Map<string, number[]>();
  const next = dayNumber({ year: year + 1, month: 1, day: 1 });
  for (let days = dayNumber({ year, month: 1, day: 1 }); days < next; days++) {
    const date = reading.dayOf(days);
    const key = dateKey(date.month, date.day);
    const list = index.get(key);
    if (list === undefined) index.set(key, [days]);
    else list.push(days);
  }
  if (scans.size >= MAX_CACHED_SCANS) scans.clear();
  scans.set(cacheKey, index);
  return index;
}

/** Day numbers in [from, to) whose date in the reading is `month`/`day`, in order. */
export function daysWithDate(reading: CalendarReading, month: string, day: number, from: number, to: number) {
  const result: number[] = [];
  const lastYear = civilDate(to - 1).year;
  for (let year = civilDate(from).year; year <= lastYear; year++) {
    for (const days of scanYear(reading, year).get(dateKey(month, day)) ?? []) {
      if (days >= from && days < to) result.push(days);
    }
  }
  return result;
}
