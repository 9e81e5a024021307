// Which day a date names, under the conventions (../shared/spec/conventions.md): a weekday is the first one
// strictly after today ("next", "this" and "last" weeks as said, or N calendar weeks on), a day and month
// the first on or after today, a day alone this month or the next that has it, an ordinal weekday of a
// month (rule 17) and a holiday (rule 26) the first not before today; a weekday that contradicts the date,
// and a week without a day (rule 18), are issues. Calendar weeks start on Monday (ISO 8601).
import { addDays, type CivilDate, compareDates, daysInMonth, isoDate, weekdayOf } from "./civil.js";
import { nthWeekdayOfMonth } from "./holidays/civil-date.js";
import { holidayDay } from "./regional-holidays.js";
import type { DateSpec } from "./types.js";

export type DateIssue = {
  field: "date";
  issue: "ambiguous";
  reason: "weekday_mismatch" | "invalid_date" | "whole_week" | "midnight";
  options?: string[];
};

export type DateResolution =
  | { kind: "ok"; day: CivilDate }
  | { kind: "issue"; issue: DateIssue }
  | { kind: "none" };

/** How far ahead an ordinal weekday or a holiday is looked for (a fifth Monday can skip years). */
const YEARS_AHEAD = 8;

export function resolveDate(spec: DateSpec, today: CivilDate, country?: string): DateResolution {
  switch (spec.kind) {
    case "relative":
      return { kind: "ok", day: addDays(today, spec.days) };
    case "weekday":
      if (spec.weeksAhead !== undefined) {
        const monday = addDays(today, 1 - weekdayOf(today));
        return { kind: "ok", day: addDays(monday, 7 * spec.weeksAhead + spec.weekday - 1) };
      }
      return { kind: "ok", day: weekdayDate(spec.weekday, spec.week, today) };
    case "nthWeekday":
      return found(ordinalWeekdayDate(spec, today));
    case "holiday":
      return found(holidayDate(spec, today, country));
    case "cycle":
      // "next week", "la semana que viene" alone: a week, not a day (rule 18).
      return spec.unit === "week" && spec.offset !== 0
        ? { kind: "issue", issue: { field: "date", issue: "ambiguous", reason: "whole_week" } }
        : { kind: "none" };
    case "calendar": {
      const day = calendarDate(spec, today);
      if (day === null)
        return { kind: "issue", issue: { field: "date", issue: "ambiguous", reason: "invalid_date" } };
      if (spec.weekday !== undefined && weekdayOf(day) !== spec.weekday) {
        const byWeekday = weekdayDate(spec.weekday, undefined, addDays(today, -1));
        return {
          kind: "issue",
          issue: {
            field: "date",
            issue: "ambiguous",
            reason: "weekday_mismatch",
            options: [...new Set([isoDate(day), isoDate(byWeekday)])],
          },
        };
      }
      return { kind: "ok", day };
    }
    default:
      // A month, a week, a year: no single day to book.
      return { kind: "none" };
  }
}

function found(day: CivilDate | null): DateResolution {
  return day === null
    ? { kind: "issue", issue: { field: "date", issue: "ambiguous", reason: "invalid_date" } }
    : { kind: "ok", day };
}

/**
 * "el primer lunes de abril": in the year said, else the first year where it is not before today. "Del
 * mes" is this month, or the next one once this month's has passed (as a day alone, rule 4).
 */
function ordinalWeekdayDate(
  spec: Extract<DateSpec, { kind: "nthWeekday" }>,
  today: CivilDate,
): CivilDate | null {
  const { ordinal, weekday } = spec;
  const month = spec.month;
  if (month === undefined) {
    const offset = spec.monthOffset ?? 0;
    for (let shift = offset; shift <= (offset === 0 ? 1 : offset); shift++) {
      const index = today.month - 1 + shift;
      const candidate = nthWeekdayOfMonth(
        today.year + Math.floor(index / 12),
        (((index % 12) + 12) % 12) + 1,
        weekday,
        ordinal,
      );
      if (candidate !== null && (offset !== 0 || compareDates(candidate, today) >= 0)) return candidate;
    }
    return null;
  }
  if (spec.year !== undefined) return nthWeekdayOfMonth(spec.year, month, weekday, ordinal);
  return firstNotBefore(today.year, today, (year) => nthWeekdayOfMonth(year, month, weekday, ordinal));
}

/** A holiday (and the days said around it) at its first occurrence not before today, in the country. */
function holidayDate(
  spec: Extract<DateSpec, { kind: "holiday" }>,
  today: CivilDate,
  country?: string,
): CivilDate | null {
  const at = (year: number) => {
    const day = holidayDay(spec.id, year, country);
    return day === null ? null : addDays(day, spec.days ?? 0);
  };
  if (spec.year !== undefined) return at(spec.year);
  // From last year: "the day after New Year's Eve" said on 1 January is today.
  return firstNotBefore(today.year - 1, today, at);
}

/** The first year's day, from `fromYear`, that is not before today. */
function firstNotBefore(
  fromYear: number,
  today: CivilDate,
  dayIn: (year: number) => CivilDate | null,
): CivilDate | null {
  for (let year = fromYear; year <= today.year + YEARS_AHEAD; year++) {
    const candidate = dayIn(year);
    if (candidate !== null && compareDates(candidate, today) >= 0) return candidate;
  }
  return null;
}

/**
 * The first such weekday strictly after `today`; in the next, this or the previous calendar week; or the
 * last one before today.
 */
function weekdayDate(
  weekday: number,
  week: "next" | "last" | "this" | "previous" | undefined,
  today: CivilDate,
): CivilDate {
  const todayWeekday = weekdayOf(today);
  const monday = addDays(today, 1 - todayWeekday);
  if (week === "next") return addDays(monday, 7 + weekday - 1);
  if (week === "this") return addDays(monday, weekday - 1);
  if (week === "previous") return addDays(monday, weekday - 1 - 7);
  if (week === "last") return addDays(today, -((todayWeekday - weekday + 7) % 7 || 7));
  return addDays(today, (weekday - todayWeekday + 7) % 7 || 7);
}

function calendarDate(spec: Extract<DateSpec, { kind: "calendar" }>, today: CivilDate): CivilDate | null {
  if (spec.year !== undefined && spec.month !== undefined) return dayIn(spec.year, spec.month, spec.day);
  if (spec.month !== undefined) {
    // The first occurrence on or after today; a 29 February waits for a leap year.
    for (let year = today.year; year <= today.year + 8; year++) {
      const candidate = dayIn(year, spec.month, spec.day);
      if (candidate && compareDates(candidate, today) >= 0) return candidate;
    }
    return null;
  }
  // A day alone: this month if not past, else the next month that has that day.
  for (let months = 0; months <= 2; months++) {
    const month = ((today.month - 1 + months) % 12) + 1;
    const year = today.year + Math.floor((today.month - 1 + months) / 12);
    const candidate = dayIn(year, month, spec.day);
    if (candidate && compareDates(candidate, today) >= 0) return candidate;
  }
  return null;
}

/** The date `day` of that month, or null when the month has no such day. */
function dayIn(year: number, month: number, day: number): CivilDate | null {
  return day >= 1 && day <= daysInMonth(year, month) ? { year, month, day } : null;
}
