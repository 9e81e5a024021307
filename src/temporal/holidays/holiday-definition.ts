// What a holiday is to this module: an id, the names it goes by in each language (regular-expression
// sources over folded text) and its occurrences in any Gregorian year. The rule families build these.
import type { Language } from "../../locales/index.js";
import { civilDate } from "./civil-date.js";

export type HolidayGrain = "day" | "hour" | "minute";

/** A wall-clock instant without zone: the engine places it in the user's zone. */
export interface HolidayInstant {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
}

export interface HolidayOccurrence {
  start: HolidayInstant;
  /** Exclusive end, for holidays that last more than one unit of their grain (Hanukkah, Lent). */
  end?: HolidayInstant;
  grain: HolidayGrain;
}

/** Seasons are named periods found by the same machinery; the engine may read them differently. */
export type HolidayKind = "holiday" | "season";

export type HolidayNames = Readonly<Partial<Record<Language, readonly string[]>>>;

export interface HolidayDefinition {
  id: string;
  kind: HolidayKind;
  /**
   * Name variants as regular-expression sources over folded text (lower case, no accents, single spaces).
   * An ASCII apostrophe also matches a typographic one. Keep them linear: no `\s+`, no nested quantifiers.
   */
  names: HolidayNames;
  /** The occurrences starting in a Gregorian year, in order (Islamic ones can fall twice in a year). */
  occurrences(year: number): HolidayOccurrence[];
}

/** A holiday whose occurrences are whole days, or runs of `length` days, starting on the given days. */
export function dayHoliday(
  id: string,
  names: HolidayNames,
  starts: (year: number) => readonly number[],
  length = 1,
): HolidayDefinition {
  return {
    id,
    kind: "holiday",
    names,
    occurrences: (year) => starts(year).map((start) => daySpan(start, start + length)),
  };
}

/** The occurrence covering the days [start, end) (counted from 1970-01-01); a single day has no end. */
export function daySpan(start: number, end: number): HolidayOccurrence {
  const occurrence: HolidayOccurrence = { start: civilDate(start), grain: "day" };
  if (end - start > 1) occurrence.end = civilDate(end);
  return occurrence;
}
