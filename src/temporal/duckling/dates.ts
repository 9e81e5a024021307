// Dates as Duckling reads them: a date spec (a weekday, a calendar day, a cycle, a holiday...) becomes a
// day, a week, a month or a year against the reference instant.
import type { DateTime } from "luxon";
import {
  type HolidayInstant,
  type HolidayOccurrence,
  holidayOccurrence,
  nextOccurrence,
  seasonPeriod,
} from "../holidays/index.js";
import type { DateSpec } from "../types.js";
import { type Reading, truncate } from "./reading.js";
import type { Grain } from "./types.js";

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

/** The `ordinal`th full Monday-to-Sunday week inside [from, to) (negative counts from the end). */
function nthFullWeek(from: DateTime, to: DateTime, ordinal: number): DateTime | null {
  const firstMonday = from.plus({ days: (8 - from.weekday) % 7 });
  const lastMonday = to.minus({ days: 7 }).startOf("week");
  const monday =
    ordinal > 0 ? firstMonday.plus({ weeks: ordinal - 1 }) : lastMonday.minus({ weeks: -ordinal - 1 });
  return monday >= from && monday.plus({ days: 7 }) <= to ? monday : null;
}
