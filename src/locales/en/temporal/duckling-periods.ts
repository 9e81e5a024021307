// Parts of longer periods, as intervals: "early March" (1st–10th), "mid March" (11th–20th), "late March",
// "the end of April" (21st to the end), "the beginning of 2017" (January–March), "the end of 2012"
// (September–December), "the beginning of next week" (Monday–Wednesday), "the end of last week" (Friday–
// Sunday), "the rest of the week", "all week"; ranges of years ("1960 - 1961"); "tomorrow afternoonish".
import type { ExpressionParts, Parser, PartOfDay } from "../../../temporal/types.js";
import { daysInMonth } from "./duckling-words.js";
import { MONTH_PATTERN, MONTHS } from "./words.js";

const EARLY = "early|the beginning of|beginning of|the start of|start of";
const LATE = "late|the end of|end of";

export const partOfMonthParser: Parser = {
  name: "en/duckling-part-of-month",
  pattern: new RegExp(
    `\\b(?:at |in )?(${EARLY}|mid|middle of|the middle of|${LATE}) ?-?(${MONTH_PATTERN})\\b\\.?(?:,? (\\d{4})\\b)?`,
    "g",
  ),
  extract(match) {
    const [, part, monthText, yearText] = match;
    const month = MONTHS[monthText!]!;
    const year = yearText !== undefined ? Number(yearText) : undefined;
    const day = (value: number): ExpressionParts => ({ date: { kind: "calendar", day: value, month, year } });
    if (part!.startsWith("mid") || part!.includes("middle"))
      return { interval: { from: day(11), to: day(20) } };
    if (part === "early" || part!.includes("beginning") || part!.includes("start"))
      return { interval: { from: day(1), to: day(10) } };
    // February without a year: its common length.
    const last = daysInMonth(month, year) ?? 28;
    return { interval: { from: day(21), to: day(last) } };
  },
};

/** "the beginning of 2017" is its first quarter, "the end of 2012" its last four months (Duckling's reading). */
export const partOfYearParser: Parser = {
  name: "en/duckling-part-of-year",
  pattern: new RegExp(`\\b(?:at |in )?(${EARLY}|${LATE}) (?:the year )?(\\d{4})\\b`, "g"),
  extract(match) {
    const year = Number(match[2]);
    const month = (value: number): ExpressionParts => ({ date: { kind: "month", month: value, year } });
    if (match[1] === "late" || match[1]!.includes("end"))
      return { interval: { from: month(9), to: month(12) } };
    return { interval: { from: month(1), to: month(3) } };
  },
};

const WEEKS: Record<string, "this" | "next" | "previous"> = {
  this: "this",
  current: "this",
  next: "next",
  coming: "next",
  following: "next",
  "around next": "next",
  last: "previous",
  past: "previous",
  previous: "previous",
};

/** "the beginning of next week" is Monday to Wednesday, "the end of this week" Friday to Sunday. */
export const partOfWeekParser: Parser = {
  name: "en/duckling-part-of-week",
  pattern: new RegExp(
    `\\b(?:at |in )?(${EARLY}|${LATE}) (?:the )?(around next|this|current|next|coming|following|last|past|previous) week\\b`,
    "g",
  ),
  extract(match) {
    const week = WEEKS[match[2]!]!;
    const early = !(match[1] === "late" || match[1]!.includes("end"));
    const [from, to] = early ? [1, 3] : [5, 7];
    return {
      interval: {
        from: { date: { kind: "weekday", weekday: from as 1 | 5, week } },
        to: { date: { kind: "weekday", weekday: to as 3 | 7, week } },
      },
    };
  },
};

/** "the rest of the week", "the week" (today to the weekend), "all week" (Monday to the weekend). */
export const restOfWeekParser: Parser = {
  name: "en/duckling-rest-of-week",
  pattern:
    /\b(?:(?:the )?(rest) of (?:the|this) week|(all) week(?: long)?|the week)\b(?! (?:of|after|before|end)\b)/g,
  extract(match) {
    const from: ExpressionParts =
      match[2] !== undefined
        ? { date: { kind: "weekday", weekday: 1, week: "this" } }
        : { date: { kind: "relative", days: 0 } };
    return { interval: { from, to: { date: { kind: "weekday", weekday: 6, week: "this" } } } };
  },
};

/** "1960 - 1961", "from 2010 to 2015": a range of whole years. */
export const yearRangeParser: Parser = {
  name: "en/duckling-year-range",
  pattern:
    /\b(?:(?:from|between) )?(1\d{3}|20\d{2}) ?(?:-|to|through|until|and) ?(1\d{3}|20\d{2})\b(?![-/.:]\d)/g,
  extract(match) {
    const from = Number(match[1]);
    const to = Number(match[2]);
    if (to <= from) return null;
    return {
      interval: { from: { date: { kind: "year", year: from } }, to: { date: { kind: "year", year: to } } },
    };
  },
};

const ISH: Record<string, PartOfDay> = { morning: "morning", afternoon: "afternoon", evening: "evening" };

/** "afternoonish", "morning-ish": a part of the day, hedged. */
export const partOfDayIshParser: Parser = {
  name: "en/duckling-part-of-day-ish",
  pattern: /\b(morning|afternoon|evening) ?-?ish\b/g,
  extract(match) {
    return { partOfDay: ISH[match[1]!]! };
  },
};
