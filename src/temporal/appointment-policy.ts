// Resolves found expressions into an appointment's local date, time, start and end, following
// ../shared/spec/conventions.md (weekdays strictly after today, the first future day-and-month, bare hours
// 1–6 as PM, parts of the day) in the IANA zone on the target date. Plain civil-date arithmetic: this runs
// on every request. Which day a date names is appointment-dates.ts.
import { type DateIssue, resolveDate } from "./appointment-dates.js";
import { addDays, type CivilDate, compareDates, isoDate, localDate } from "./civil.js";
import type { PartOfDay, TemporalExpression, TimeSpec } from "./types.js";
import { formatAtOffset, resolveWallTime, zoneFor } from "./zone.js";

export type TemporalIssue =
  | DateIssue
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
  /** ISO 3166-1 country of the zone: where a holiday's day differs by country (rule 26). */
  country?: string;
}

const BARE_HOUR_CERTAINTY = 0.9;
/** The years an appointment can be in: a date outside them is no date ("Av. 9 de Julio 1500"). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;
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
    const year = local.getUTCFullYear();
    if (year >= FIRST_YEAR && year <= LAST_YEAR) {
      day = { year, month: local.getUTCMonth() + 1, day: local.getUTCDate() };
      clock = timeExpression ? null : { hour: local.getUTCHours(), minute: local.getUTCMinutes() };
    }
  } else if (dateExpression?.date !== undefined) {
    const resolved = resolveDate(dateExpression.date, today, input.country);
    if (resolved.kind === "ok" && resolved.day.year >= FIRST_YEAR && resolved.day.year <= LAST_YEAR)
      day = resolved.day;
    else if (resolved.kind === "issue") issues.push(resolved.issue);
  }

  if (timeExpression?.time !== undefined) {
    const time = qualified(timeExpression.time, partOfDay);
    const { hour, minute, usedDefault } = resolveClock(time, partOfDay);
    const minutes = (hour * 60 + minute - (time.minutesBefore ?? 0) + 1440) % 1440;
    clock = { hour: Math.floor(minutes / 60), minute: minutes % 60 };
    if (usedDefault) certainty = Math.min(certainty, BARE_HOUR_CERTAINTY);
  } else if (clock === null && partOfDay !== undefined) {
    issues.push({ field: "time", issue: "ambiguous", reason: "part_of_day" });
  }
  if (day && clock && timeExpression?.time && isMidnight(timeExpression.time, partOfDay, clock)) {
    // Midnight with a day (rule 28): the start of the day named or its end. Today's start is gone, so
    // "tonight at 12", "hoy a medianoche" is the midnight that ends today.
    const next = addDays(day, 1);
    if (compareDates(day, today) <= 0) day = next;
    else {
      issues.push({
        field: "date",
        issue: "ambiguous",
        reason: "midnight",
        options: [isoDate(day), isoDate(next)],
      });
      day = null;
    }
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

/**
 * "quarter to 12 in the morning" is 11:45, "ten to 12 at night" 23:50: a part of the day or am/pm
 * qualifies the time the phrase names, not the hour it counts back from (rule 19). A bare "quarter to 7"
 * keeps the bare-hour rule on the hour said (6:45).
 */
function qualified(time: TimeSpec, partOfDay: PartOfDay | undefined): TimeSpec {
  if (time.minutesBefore === undefined || (time.meridiem === undefined && partOfDay === undefined))
    return time;
  const total = (time.hour * 60 + time.minute - time.minutesBefore + 1440) % 1440;
  const { minutesBefore: _before, ...rest } = time;
  return { ...rest, hour: Math.floor(total / 60) % 12 || (time.hour === 0 ? 0 : 12), minute: total % 60 };
}

/** Midnight as named ("medianoche", "midnight", "12 de la noche", "tonight at 12"), not a literal 00:00. */
function isMidnight(
  time: TimeSpec,
  partOfDay: PartOfDay | undefined,
  clock: { hour: number; minute: number },
) {
  if (clock.hour !== 0 || clock.minute !== 0) return false;
  return time.midnight === true || (time.hour === 12 && time.meridiem === undefined && isNight(partOfDay));
}

function isNight(partOfDay: PartOfDay | undefined): boolean {
  return partOfDay === "night" || partOfDay === "evening" || partOfDay === "lateNight";
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
    // "a la noche a las 12", "tonight at 12": midnight, not noon.
    if (isNight(partOfDay) && hour === 12) return { hour: 0, minute, usedDefault: false };
    return { hour: hour < 12 ? hour + 12 : hour, minute, usedDefault: false };
  }
  // A bare hour: 1–6 is afternoon, 7–11 morning, 12 noon (conventions, rule 6).
  return { hour: hour <= 6 ? hour + 12 : hour, minute, usedDefault: true };
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
