// Resolves found expressions into an appointment's local date, time, start and end, following
// ../shared/spec/conventions.md (weekdays strictly after today, the first future day-and-month, bare hours
// 1–6 as PM, parts of the day) in the IANA zone on the target date. Plain civil-date arithmetic: this runs
// on every request.
import {
  addDays,
  type CivilDate,
  compareDates,
  daysInMonth,
  isoDate,
  localDate,
  weekdayOf,
} from "./civil.js";
import type { DateSpec, PartOfDay, TemporalExpression, TimeSpec } from "./types.js";
import { formatAtOffset, resolveWallTime, zoneFor } from "./zone.js";

export type TemporalIssue =
  | { field: "date"; issue: "ambiguous"; reason: "weekday_mismatch" | "invalid_date"; options?: string[] }
  | { field: "time"; issue: "ambiguous"; reason: "part_of_day" | "repeated_time" }
  | { field: "time"; issue: "nonexistent_time"; reason: "nonexistent_time" };

export interface ResolvedTime {
  date: string | null;
  time: string | null;
  start: string | null;
  end: string | null;
  issues: TemporalIssue[];
  /** The lowest certainty among the expressions used, lowered where a default rule decided. */
  certainty: number;
}

export interface PolicyInput {
  expressions: readonly TemporalExpression[];
  now: number;
  zone: string;
  durationMinutes: number | null;
  defaultLengthMinutes: number;
}

const BARE_HOUR_CERTAINTY = 0.9;
const MINUTE = 60_000;

export function resolveAppointmentTime(input: PolicyInput): ResolvedTime {
  const { expressions, zone } = input;
  const today = localDate(input.now, zone);
  const dateExpression = expressions.find((e) => e.date !== undefined || e.offsetMinutes !== undefined);
  const timeExpression = expressions.find((e) => e.time !== undefined);
  const partOfDay = expressions.find((e) => e.partOfDay !== undefined)?.partOfDay;
  const issues: TemporalIssue[] = [];
  let certainty = Math.min(1, dateExpression?.certainty ?? 1, timeExpression?.certainty ?? 1);

  let day: CivilDate | null = null;
  let clock: { hour: number; minute: number } | null = null;
  if (dateExpression?.offsetMinutes !== undefined) {
    // "in 2 hours": the wall clock at now + offset, to the minute.
    const at = Math.floor((input.now + dateExpression.offsetMinutes * MINUTE) / MINUTE) * MINUTE;
    const local = new Date(at + zoneOffset(at, zone) * MINUTE);
    day = { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
    clock = timeExpression ? null : { hour: local.getUTCHours(), minute: local.getUTCMinutes() };
  } else if (dateExpression?.date !== undefined) {
    const resolved = resolveDate(dateExpression.date, today);
    if (resolved.kind === "ok") day = resolved.day;
    else if (resolved.kind === "issue") issues.push(resolved.issue);
  }

  if (timeExpression?.time !== undefined) {
    const { hour, minute, usedDefault } = resolveClock(timeExpression.time, partOfDay);
    const minutes = (hour * 60 + minute - (timeExpression.time.minutesBefore ?? 0) + 1440) % 1440;
    clock = { hour: Math.floor(minutes / 60), minute: minutes % 60 };
    if (usedDefault) certainty = Math.min(certainty, BARE_HOUR_CERTAINTY);
  } else if (clock === null && partOfDay !== undefined) {
    issues.push({ field: "time", issue: "ambiguous", reason: "part_of_day" });
  }

  let start: string | null = null;
  let end: string | null = null;
  if (day && clock) {
    const local = resolveWallTime(Date.UTC(day.year, day.month - 1, day.day, clock.hour, clock.minute), zone);
    if (local.kind === "nonexistent") {
      issues.push({ field: "time", issue: "nonexistent_time", reason: "nonexistent_time" });
    } else {
      if (local.kind === "repeated")
        issues.push({ field: "time", issue: "ambiguous", reason: "repeated_time" });
      start = formatAtOffset(local.millis, local.offset);
      const endMillis = local.millis + (input.durationMinutes ?? input.defaultLengthMinutes) * MINUTE;
      end = formatAtOffset(endMillis, zoneOffset(endMillis, zone));
    }
  }
  return {
    date: day ? isoDate(day) : null,
    time: clock ? `${pad(clock.hour)}:${pad(clock.minute)}` : null,
    start,
    end,
    issues,
    certainty,
  };
}

function zoneOffset(millis: number, zone: string): number {
  return zoneFor(zone).offset(millis);
}

type DateResolution =
  | { kind: "ok"; day: CivilDate }
  | { kind: "issue"; issue: TemporalIssue }
  | { kind: "none" };

function resolveDate(spec: DateSpec, today: CivilDate): DateResolution {
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

function resolveClock(
  time: TimeSpec,
  partOfDay: PartOfDay | undefined,
): { hour: number; minute: number; usedDefault: boolean } {
  const { hour, minute } = time;
  if (time.meridiem === "pm") return { hour: hour < 12 ? hour + 12 : hour, minute, usedDefault: false };
  if (time.meridiem === "am") return { hour: hour === 12 ? 0 : hour, minute, usedDefault: false };
  if (time.clock24 || hour > 12 || hour === 0) return { hour: hour % 24, minute, usedDefault: false };
  if (partOfDay !== undefined) {
    if (partOfDay === "morning" || partOfDay === "dawn") return { hour, minute, usedDefault: false };
    if (partOfDay === "noon") return { hour: hour <= 6 ? hour + 12 : hour, minute, usedDefault: false };
    if (partOfDay === "night" && hour === 12) return { hour: 0, minute, usedDefault: false };
    return { hour: hour < 12 ? hour + 12 : hour, minute, usedDefault: false };
  }
  // A bare hour: 1–6 is afternoon, 7–11 morning, 12 noon (conventions, rule 6).
  return { hour: hour <= 6 ? hour + 12 : hour, minute, usedDefault: true };
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
