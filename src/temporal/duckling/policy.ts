// Duckling's reading rules: a composed expression becomes a value with a grain, or an interval, against a
// reference instant in a zone. These are Duckling's semantics (a bare hour is its next occurrence, "next
// wednesday" skips the nearest one), not the appointment conventions of appointment-policy.ts.
import { type DateTime, type DateTimeUnit, FixedOffsetZone } from "luxon";
import { type Language, LOCALES } from "../../locales/index.js";
import {
  type HolidayInstant,
  type HolidayOccurrence,
  holidayOccurrence,
  nextOccurrence,
  seasonPeriod,
} from "../holidays/index.js";
import type { DateSpec, ExpressionParts, PartOfDay, TemporalExpression, TimeSpec } from "../types.js";
import type { Grain } from "./types.js";

export interface Reading {
  start: DateTime;
  grain: Grain;
  /** Exclusive end, for intervals. */
  end?: DateTime;
  /** One end only: after `start` or before `end`. */
  open?: "after" | "before";
}

const FINER: Record<Grain, Grain> = {
  second: "second",
  minute: "second",
  hour: "minute",
  day: "hour",
  week: "day",
  month: "day",
  quarter: "day",
  year: "month",
};

/** Parts of the day as Duckling reads them in a language: [from, to) hours. */
function partHours(language: Language, part: PartOfDay): readonly [number, number] {
  return LOCALES[language].temporal.duckling.partsOfDay[part];
}

function truncate(instant: DateTime, grain: Grain): DateTime {
  return grain === "week" ? instant.startOf("week") : instant.startOf(grain as DateTimeUnit);
}

export function readExpression(
  expression: TemporalExpression,
  reference: DateTime,
  language: Language,
): Reading | null {
  if (expression.shift && expression.time && !expression.date) {
    // "in 7 days at 5pm": the day the shift lands on (to its finer grain), at that time.
    const { amount, unit } = expression.shift;
    const day = truncate(reference.plus({ [unit]: amount }), FINER[unit] === "hour" ? "day" : FINER[unit]);
    const start = readTime(expression.time, expression.partOfDay, day, reference, language);
    return start ? { start, grain: timeGrain(expression.time) } : null;
  }
  if (expression.shift && expression.date) {
    // "thanksgiving in 9 months", "MLK day of last year": the date as seen from the shifted reference.
    const { amount, unit } = expression.shift;
    return readParts(expression, reference.plus({ [unit]: amount }), language);
  }
  if (expression.shift) {
    const { amount, unit } = expression.shift;
    const target = reference.plus({ [unit]: amount });
    if (expression.within) return { start: reference, grain: "second", end: target };
    const grain = FINER[unit];
    return { start: truncate(target, grain), grain };
  }
  if (expression.span) {
    const { count, unit, direction } = expression.span;
    const current = truncate(reference, unit);
    const start = direction === "next" ? current.plus({ [unit]: 1 }) : current.minus({ [unit]: count });
    return { start, grain: unit, end: start.plus({ [unit]: count }) };
  }
  if (expression.interval) return readInterval(expression.interval, reference, language);
  const reading = readParts(expression, reference, language);
  return reading && expression.boundary ? boundaryOf(reading, expression.boundary, reference) : reading;
}

type Interval = NonNullable<TemporalExpression["interval"]>;

function readInterval(interval: Interval, reference: DateTime, language: Language): Reading | null {
  const { open, minutes } = interval;
  const [from, to] = withSharedZone(...withSharedMonth(interval.from, interval.to));
  const first = from ? readParts(from, reference, language, to) : null;
  if (minutes !== undefined) {
    // "4pm for 30 mins": from the start, for that long, closed at its last minute.
    return first
      ? { start: first.start, grain: "minute", end: first.start.plus({ minutes: minutes + 1 }) }
      : null;
  }
  let last = to ? readParts(to, reference, language, from, first ?? undefined) : null;
  // "between Monday and Wednesday": the second end comes after the first one, not after today.
  if (first && last && to && last.start < first.start)
    last = readParts(to, first.start, language, from, first);
  if (open === "after" && first) return { ...first, end: undefined, open };
  if (open === "before" && last) return { start: last.start, grain: last.grain, end: last.start, open };
  if (open === "by" && last) return { start: reference.startOf("second"), grain: "second", end: last.start };
  if (!first || !last) return null;
  if (last.end) return { start: first.start, grain: first.grain, end: last.end };
  // "1-2:30", "3pm - 6:00:00pm": the interval is read to the finer of its two ends.
  const grain = finer(first.grain, last.grain);
  // Duckling closes an interval one grain past its last end; in some languages (Spanish) clock ranges
  // ("9:30 - 11:00") end exactly at the time said.
  const exact =
    LOCALES[language].temporal.duckling.clockRangesEndExactly && (grain === "minute" || grain === "hour");
  return {
    start: first.start,
    grain,
    end: exact ? last.start : last.start.plus({ [grain]: 1 }),
  };
}

/** "9:30 - 11:00 CST": a zone said after the range holds for both ends. */
function withSharedZone(
  from: ExpressionParts | undefined,
  to: ExpressionParts | undefined,
): [ExpressionParts | undefined, ExpressionParts | undefined] {
  const offset = to?.time?.utcOffset ?? from?.time?.utcOffset;
  if (offset === undefined || !from?.time || !to?.time) return [from, to];
  return [
    { ...from, time: { ...from.time, utcOffset: offset } },
    { ...to, time: { ...to.time, utcOffset: offset } },
  ];
}

/** "from 13th to 15th July": an end that names no month (or year) takes the other end's. */
function withSharedMonth(
  from: ExpressionParts | undefined,
  to: ExpressionParts | undefined,
): [ExpressionParts | undefined, ExpressionParts | undefined] {
  const first = from?.date?.kind === "calendar" ? from.date : undefined;
  const last = to?.date?.kind === "calendar" ? to.date : undefined;
  if (!first || !last) return [from, to];
  return [
    { ...from, date: { ...first, month: first.month ?? last.month, year: first.year ?? last.year } },
    { ...to, date: { ...last, month: last.month ?? first.month, year: last.year ?? first.year } },
  ];
}

/** Duckling's beginnings and ends of periods: week Mon–Wed / Fri–Sun, month 1–10 / 21–end, year Jan–Mar / Sep–Dec. */
function boundaryOf(
  reading: Reading,
  boundary: NonNullable<TemporalExpression["boundary"]>,
  reference: DateTime,
): Reading {
  const { start } = reading;
  const periodEnd = reading.end ?? start.plus({ [reading.grain]: 1 });
  if (boundary.by) return { start: reference.startOf("second"), grain: "second", end: periodEnd };
  // "the week": what is left of it, from today.
  if (boundary.part === "rest")
    return { start: reference.startOf("day"), grain: "day", end: periodEnd.minus({ days: 1 }) };
  const beginning = boundary.part === "beginning";
  switch (reading.grain) {
    case "week":
      return beginning
        ? { start, grain: "day", end: start.plus({ days: 3 }) }
        : { start: start.plus({ days: 4 }), grain: "day", end: periodEnd };
    case "month":
      return beginning
        ? { start, grain: "day", end: start.plus({ days: 10 }) }
        : { start: start.set({ day: 21 }), grain: "day", end: periodEnd };
    case "year":
      return beginning
        ? { start, grain: "month", end: start.plus({ months: 3 }) }
        : { start: start.set({ month: 9 }), grain: "month", end: periodEnd };
    default:
      return beginning
        ? { ...reading, end: start.set({ hour: 12 }), grain: "hour" }
        : { start: start.set({ hour: 12 }), grain: "hour", end: periodEnd };
  }
}

/** A date, a time of day and a part of the day, intersected. */
function readParts(
  parts: ExpressionParts,
  reference: DateTime,
  language: Language,
  other?: ExpressionParts,
  after?: Reading,
): Reading | null {
  const date = parts.date ?? (other?.date && (parts.time || parts.partOfDay) ? other.date : undefined);
  const day = date ? readDate(date, reference) : null;
  if (date && !day) return null;
  const part = parts.partOfDay ?? (parts.time ? other?.partOfDay : undefined);
  if (parts.time) {
    const base = day && day.grain !== "second" ? day.start : null;
    const start = readTime(parts.time, part, base, after?.start ?? reference, language);
    return start ? { start, grain: timeGrain(parts.time) } : null;
  }
  if (part) {
    const [from, to] = partHours(language, part);
    let base = day ? day.start.startOf("day") : reference.startOf("day");
    if (!day && reference.hour >= to) base = base.plus({ days: 1 });
    return { start: base.set({ hour: from }), grain: "hour", end: atWallClock(base, to * 60) };
  }
  return day;
}

function timeGrain(time: TimeSpec): Grain {
  if (time.second !== undefined) return "second";
  return time.minuteGiven || time.minute !== 0 || time.minutesBefore ? "minute" : "hour";
}

function readTime(
  time: TimeSpec,
  part: PartOfDay | undefined,
  day: DateTime | null,
  reference: DateTime,
  language: Language,
): DateTime | null {
  if (time.utcOffset !== undefined) {
    // "4pm CET": the wall clock of that offset, answered in the requested zone.
    const zone = FixedOffsetZone.instance(time.utcOffset);
    const local = readTime(
      { ...time, utcOffset: undefined },
      part,
      day ? day.setZone(zone, { keepLocalTime: true }) : null,
      reference.setZone(zone),
      language,
    );
    return local ? local.setZone(reference.zone) : null;
  }
  const candidates = hourCandidates(time, part, language);
  // Wall-clock fields, not elapsed hours: on a daylight-saving day "10am" is still 10:00.
  const at = (base: DateTime, hour: number) =>
    atWallClock(base, hour * 60 + time.minute - (time.minutesBefore ?? 0), time.second ?? 0);
  if (day) return at(day, candidates[0]!);
  for (const offset of [0, 1]) {
    const base = reference.startOf("day").plus({ days: offset });
    for (const hour of candidates) {
      const instant = at(base, hour);
      // Duckling keeps a time within the current hour as today's ("at 4:23" said at 4:30).
      if (instant >= reference.startOf("hour")) return instant;
    }
  }
  return null;
}

/** The 24-hour readings of an hour, earliest first: "3" is 3:00 or 15:00, "3pm" only 15:00. */
function hourCandidates(time: TimeSpec, part: PartOfDay | undefined, language: Language): number[] {
  const { hour } = time;
  if (time.meridiem === "pm") return [hour < 12 ? hour + 12 : hour];
  if (time.meridiem === "am") return [hour === 12 ? 0 : hour];
  if (time.clock24 || hour > 12 || hour === 0) return [hour % 24];
  if (part) {
    const [from] = partHours(language, part);
    // "this evening at 12", "this morning at 12": Duckling reads the midnight that ends that day.
    if (hour === 12 && part !== "noon") return [24];
    if (from >= 12 || part === "noon")
      return [hour < 12 && !(part === "noon" && hour === 12) ? hour + 12 : hour];
    return [hour === 12 ? 0 : hour];
  }
  return hour === 12 ? [12, 0] : [hour, hour + 12];
}

export function readDate(spec: DateSpec, reference: DateTime): Reading | null {
  const today = reference.startOf("day");
  switch (spec.kind) {
    case "now":
      return { start: reference.startOf("second"), grain: "second" };
    case "relative":
      return { start: today.plus({ days: spec.days }), grain: "day" };
    case "weekday": {
      const shift = (spec.weekday - today.weekday + 7) % 7;
      if (spec.week === "next")
        return { start: today.startOf("week").plus({ weeks: 1, days: spec.weekday - 1 }), grain: "day" };
      if (spec.week === "this")
        return { start: today.startOf("week").plus({ days: spec.weekday - 1 }), grain: "day" };
      if (spec.week === "previous")
        return {
          start: today
            .startOf("week")
            .minus({ weeks: 1 })
            .plus({ days: spec.weekday - 1 }),
          grain: "day",
        };
      if (spec.week === "last")
        return { start: today.minus({ days: (today.weekday - spec.weekday + 7) % 7 || 7 }), grain: "day" };
      if (spec.skipNearest) return { start: today.plus({ days: shift + 7 }), grain: "day" };
      if (spec.occurrence !== undefined && spec.occurrence > 0) {
        return { start: today.plus({ days: (shift || 7) + 7 * (spec.occurrence - 1) }), grain: "day" };
      }
      if (spec.occurrence !== undefined && spec.occurrence < 0) {
        const back = (today.weekday - spec.weekday + 7) % 7 || 7;
        return { start: today.minus({ days: back + 7 * (-spec.occurrence - 1) }), grain: "day" };
      }
      return { start: today.plus({ days: shift || 7 }), grain: "day" };
    }
    case "calendar": {
      const start = nextCalendarDate(spec, today);
      return start ? { start, grain: "day" } : null;
    }
    case "month": {
      const year =
        (spec.year ?? (spec.month >= today.month ? today.year : today.year + 1)) + (spec.yearOffset ?? 0);
      return { start: today.set({ year, month: spec.month, day: 1 }), grain: "month" };
    }
    case "year":
      return { start: today.set({ year: spec.year, month: 1, day: 1 }), grain: "year" };
    case "cycle":
      return { start: truncate(reference, spec.unit).plus({ [spec.unit]: spec.offset }), grain: spec.unit };
    case "quarter": {
      const year = spec.year ?? today.year;
      return { start: today.set({ year, month: (spec.quarter - 1) * 3 + 1, day: 1 }), grain: "quarter" };
    }
    case "nthWeekday": {
      let month = today.startOf("month");
      if (spec.month !== undefined) {
        const year = spec.year ?? (spec.month >= today.month ? today.year : today.year + 1);
        month = month.set({ year, month: spec.month });
      } else if (spec.monthOffset) month = month.plus({ months: spec.monthOffset });
      const start = nthWeekday(month, spec.weekday, spec.ordinal);
      return start ? { start, grain: "day" } : null;
    }
    case "holiday":
      return readHoliday(spec, reference);
    case "nthWeek": {
      const year = spec.year ?? today.year;
      const from =
        spec.month !== undefined
          ? today.set({ year, month: spec.month, day: 1 })
          : today.set({ year, month: 1, day: 1 });
      const to = from.plus(spec.month !== undefined ? { months: 1 } : { years: 1 });
      const start = nthFullWeek(from, to, spec.ordinal);
      return start ? { start, grain: "week" } : null;
    }
    case "weekend": {
      if (spec.ordinal !== undefined && spec.month !== undefined) {
        // "the last weekend of October": the weekend that starts on that month's nth (last) Friday.
        const year = spec.year ?? (spec.month >= today.month ? today.year : today.year + 1);
        const friday = nthWeekday(today.set({ year, month: spec.month, day: 1 }), 5, spec.ordinal);
        return friday
          ? { start: friday.set({ hour: 18 }), grain: "hour", end: friday.plus({ days: 3 }) }
          : null;
      }
      const friday = today.startOf("week").plus({ weeks: spec.offset, days: 4 });
      return { start: friday.set({ hour: 18 }), grain: "hour", end: friday.plus({ days: 3 }) };
    }
  }
}

function nthWeekday(month: DateTime, weekday: number, ordinal: number): DateTime | null {
  if (ordinal > 0) {
    const first = month.plus({ days: (weekday - month.weekday + 7) % 7 });
    const day = first.plus({ weeks: ordinal - 1 });
    return day.month === month.month ? day : null;
  }
  const last = month.endOf("month").startOf("day");
  return last.minus({ days: (last.weekday - weekday + 7) % 7 });
}

/** The first date on or after today with that day (and month, and weekday) when no year is said. */
function nextCalendarDate(spec: Extract<DateSpec, { kind: "calendar" }>, today: DateTime): DateTime | null {
  const make = (year: number, month: number) => {
    const candidate = today.set({ year, month, day: 1 });
    if (spec.day > candidate.daysInMonth!) return null;
    return candidate.set({ day: spec.day });
  };
  if (spec.year !== undefined && spec.month !== undefined) return make(spec.year, spec.month);
  if (spec.monthOffset !== undefined) {
    const month = today.startOf("month").plus({ months: spec.monthOffset });
    return make(month.year, month.month);
  }
  for (let months = 0; months < 48; months++) {
    const month = today.startOf("month").plus({ months });
    if (spec.month !== undefined && month.month !== spec.month) continue;
    if (spec.year !== undefined && month.year !== spec.year) continue;
    const candidate = make(month.year, month.month);
    if (!candidate || candidate < today) continue;
    if (spec.weekday !== undefined && candidate.weekday !== spec.weekday) continue;
    return candidate;
  }
  return null;
}

function readHoliday(spec: Extract<DateSpec, { kind: "holiday" }>, reference: DateTime): Reading | null {
  const today = { year: reference.year, month: reference.month, day: reference.day };
  let occurrence: HolidayOccurrence | null;
  if (spec.id === "season") occurrence = seasonPeriod(today, spec.offset ?? 0);
  else if (spec.year !== undefined) occurrence = holidayOccurrence(spec.id, spec.year);
  else if (spec.nearest !== undefined) occurrence = nextOccurrence(spec.id, today, "nearest", spec.nearest);
  else if (spec.yearOffset !== undefined)
    occurrence = holidayOccurrence(spec.id, reference.year + spec.yearOffset);
  else occurrence = nextOccurrence(spec.id, today, (spec.offset ?? 0) < 0 ? "last" : "next");
  if (!occurrence) return null;
  const at = (instant: HolidayInstant) =>
    reference.startOf("day").set({
      year: instant.year,
      month: instant.month,
      day: instant.day,
      hour: instant.hour ?? 0,
      minute: instant.minute ?? 0,
    });
  const grain: Grain = occurrence.grain;
  const start = at(occurrence.start);
  if (!occurrence.end) return { start, grain };
  // Duckling closes a timed holiday's interval one grain past its last minute (Earth Hour ends 21:31).
  const end = at(occurrence.end).plus(grain === "minute" ? { minutes: 1 } : {});
  return { start, grain, end };
}

/** `minutes` after the start of `day` on the wall clock (past 24:00 runs into the next day). */
function atWallClock(day: DateTime, minutes: number, seconds = 0): DateTime {
  const days = Math.floor(minutes / 1440);
  const rest = minutes - days * 1440;
  return day
    .startOf("day")
    .plus({ days })
    .set({ hour: Math.floor(rest / 60), minute: rest % 60, second: seconds });
}

const GRAIN_ORDER: readonly Grain[] = ["second", "minute", "hour", "day", "week", "month", "quarter", "year"];

function finer(a: Grain, b: Grain): Grain {
  return GRAIN_ORDER.indexOf(a) <= GRAIN_ORDER.indexOf(b) ? a : b;
}

/** The `ordinal`th full Monday-to-Sunday week inside [from, to) (negative counts from the end). */
function nthFullWeek(from: DateTime, to: DateTime, ordinal: number): DateTime | null {
  const firstMonday = from.plus({ days: (8 - from.weekday) % 7 });
  const lastMonday = to.minus({ days: 7 }).startOf("week");
  const monday =
    ordinal > 0 ? firstMonday.plus({ weeks: ordinal - 1 }) : lastMonday.minus({ weeks: -ordinal - 1 });
  return monday >= from && monday.plus({ days: 7 }) <= to ? monday : null;
}
