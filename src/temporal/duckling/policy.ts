// Duckling's reading rules: a composed expression becomes a value with a grain, or an interval, against a
// reference instant in a zone. These are Duckling's semantics (a bare hour is its next occurrence, "next
// wednesday" skips the nearest one), not the appointment conventions of appointment-policy.ts.
// Times of day are read in clock.ts, dates in dates.ts.
import type { DateTime } from "luxon";
import { type Language, LOCALES } from "../../locales/index.js";
import type { ExpressionParts, TemporalExpression } from "../types.js";
import { partHours, readTime, timeGrain } from "./clock.js";
import { readDate } from "./dates.js";
import { atWallClock, finer, type Reading, truncate } from "./reading.js";
import type { Grain } from "./types.js";

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
