// Which day a date names, under the conventions (../shared/spec/conventions.md): a weekday is the first one
// strictly after today ("next", "this" and "last" weeks as said), a day and month the first on or after
// today, a day alone this month or the next that has it; a weekday that contradicts the date is an issue.
import { addDays, type CivilDate, compareDates, daysInMonth, isoDate, weekdayOf } from "./civil.js";
import type { DateSpec } from "./types.js";

export type DateIssue = {
  field: "date";
  issue: "ambiguous";
  reason: "weekday_mismatch" | "invalid_date";
  options?: string[];
};

export type DateResolution =
  | { kind: "ok"; day: CivilDate }
  | { kind: "issue"; issue: DateIssue }
  | { kind: "none" };

export function resolveDate(spec: DateSpec, today: CivilDate): DateResolution {
  switch (spec.kind) {
    case "relative":
      return { kind: "ok", day: addDays(today, spec.days) };
    case "weekday":
      return { kind: "ok", day: weekdayDate(spec.weekday, spec.week, today) };
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
