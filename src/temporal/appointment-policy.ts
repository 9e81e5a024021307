// Resolves found expressions into an appointment's local date, time, start and end, following
// ../shared/spec/conventions.md (weekdays strictly after today, the first future day-and-month, bare hours
// 1–6 as PM, parts of the day) in the IANA zone on the target date.
import { DateTime } from "luxon";
import type { DateSpec, PartOfDay, TemporalExpression, TimeSpec } from "./types.js";
import { formatInstant, resolveLocal } from "./zone.js";

export type TemporalIssue =
  | { field: "date"; issue: "ambiguous"; reason: "weekday_mismatch" | "invalid_date"; options?: string[] }
  | { field: "time"; issue: "ambiguous"; reason: "part_of_day" | "repeated_time" }
  | { field: "time"; issue: "nonexistent_time"; reason: "nonexistent_time" };

export interface ResolvedTime {
  date: string | null;
  time: string | null;
  start: string | null;
  end: string | null;
  /** Epoch ms of `start`, or of the local midnight of `date` when there is no time. */
  startMillis: number | null;
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

export function resolveAppointmentTime(input: PolicyInput): ResolvedTime {
  const { expressions, zone } = input;
  const now = DateTime.fromMillis(input.now, { zone });
  const today = now.startOf("day");
  const dateExpression = expressions.find((e) => e.date !== undefined || e.offsetMinutes !== undefined);
  const timeExpression = expressions.find((e) => e.time !== undefined);
  const partOfDay = expressions.find((e) => e.partOfDay !== undefined)?.partOfDay;
  const issues: TemporalIssue[] = [];
  let certainty = Math.min(1, ...[dateExpression, timeExpression].map((e) => e?.certainty ?? 1));

  let day: DateTime | null = null;
  let clock: { hour: number; minute: number } | null = null;
  if (dateExpression?.offsetMinutes !== undefined) {
    const at = now.plus({ minutes: dateExpression.offsetMinutes }).startOf("minute");
    day = at.startOf("day");
    clock = timeExpression ? null : { hour: at.hour, minute: at.minute };
  } else if (dateExpression?.date !== undefined) {
    const resolved = resolveDate(dateExpression.date, today);
    if (resolved.kind === "ok") day = resolved.day;
    else issues.push(resolved.issue);
  }

  if (timeExpression?.time !== undefined) {
    const { hour, minute, usedDefault } = resolveClock(timeExpression.time, partOfDay);
    const minutes = (hour * 60 + minute - (timeExpression.time.minutesBefore ?? 0) + 1440) % 1440;
    clock = { hour: Math.floor(minutes / 60), minute: minutes % 60 };
    if (usedDefault) certainty = Math.min(certainty, BARE_HOUR_CERTAINTY);
  } else if (clock === null && partOfDay !== undefined) {
    issues.push({ field: "time", issue: "ambiguous", reason: "part_of_day" });
  }

  const date = day?.toISODate() ?? null;
  const time = clock ? `${pad(clock.hour)}:${pad(clock.minute)}` : null;
  let start: string | null = null;
  let end: string | null = null;
  let startMillis: number | null = day ? day.toMillis() : null;
  if (day && clock) {
    const local = resolveLocal({ year: day.year, month: day.month, day: day.day, ...clock }, zone);
    if (local.kind === "nonexistent") {
      issues.push({ field: "time", issue: "nonexistent_time", reason: "nonexistent_time" });
      startMillis = null;
    } else {
      if (local.kind === "repeated")
        issues.push({ field: "time", issue: "ambiguous", reason: "repeated_time" });
      start = formatInstant(local.instant);
      end = formatInstant(
        local.instant.plus({ minutes: input.durationMinutes ?? input.defaultLengthMinutes }),
      );
      startMillis = local.instant.toMillis();
    }
  }
  return { date, time, start, end, startMillis, issues, certainty };
}

type DateResolution = { kind: "ok"; day: DateTime } | { kind: "issue"; issue: TemporalIssue };

function resolveDate(spec: DateSpec, today: DateTime): DateResolution {
  switch (spec.kind) {
    case "relative":
      return { kind: "ok", day: today.plus({ days: spec.days }) };
    case "weekday":
      return { kind: "ok", day: weekdayDate(spec.weekday, spec.week, today) };
    case "calendar": {
      const day = calendarDate(spec, today);
      if (day === null)
        return { kind: "issue", issue: { field: "date", issue: "ambiguous", reason: "invalid_date" } };
      if (spec.weekday !== undefined && day.weekday !== spec.weekday) {
        const byWeekday = weekdayDate(spec.weekday, undefined, today.minus({ days: 1 }));
        return {
          kind: "issue",
          issue: {
            field: "date",
            issue: "ambiguous",
            reason: "weekday_mismatch",
            options: [...new Set([day.toISODate()!, byWeekday.toISODate()!])],
          },
        };
      }
      return { kind: "ok", day };
    }
  }
}

/** The first such weekday strictly after `today`; in the next calendar week; or the last one before. */
function weekdayDate(weekday: number, week: "next" | "last" | undefined, today: DateTime): DateTime {
  if (week === "next") return today.startOf("week").plus({ weeks: 1, days: weekday - 1 });
  if (week === "last") return today.minus({ days: (today.weekday - weekday + 7) % 7 || 7 });
  return today.plus({ days: (weekday - today.weekday + 7) % 7 || 7 });
}

function calendarDate(spec: Extract<DateSpec, { kind: "calendar" }>, today: DateTime): DateTime | null {
  const make = (year: number, month: number) => {
    const candidate = DateTime.fromObject({ year, month, day: spec.day }, { zone: today.zone });
    return candidate.isValid && candidate.day === spec.day ? candidate : null;
  };
  if (spec.year !== undefined && spec.month !== undefined) return make(spec.year, spec.month);
  if (spec.month !== undefined) {
    // The first occurrence on or after today; a 29 February waits for a leap year.
    for (let year = today.year; year <= today.year + 8; year++) {
      const candidate = make(year, spec.month);
      if (candidate && candidate >= today) return candidate;
    }
    return null;
  }
  // A day alone: this month if not past, else the next month that has that day.
  for (let months = 0; months <= 2; months++) {
    const month = today.plus({ months });
    const candidate = make(month.year, month.month);
    if (candidate && candidate >= today) return candidate;
  }
  return null;
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
  return String(value).padStart(2, "0");
}
