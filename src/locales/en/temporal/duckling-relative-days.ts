// Days counted from a period or from now: "20 of next month", "the 20th day of the previous month",
// "3 fridays from now", "2 thursdays ago".
import type { Parser, Weekday } from "../../../temporal/types.js";
import { COUNT_WORD_PATTERN, numberValue, WEEKDAY_PATTERN, WEEKDAYS } from "./words.js";

const MONTH_OFFSET: Record<string, number> = {
  this: 0,
  current: 0,
  next: 1,
  following: 1,
  previous: -1,
  last: -1,
};

export const dayOfRelativeMonthParser: Parser = {
  name: "en/day-of-relative-month",
  pattern:
    /\b(?:the )?(\d{1,2})(?:st|nd|rd|th)?(?: day)? of (?:the )?(this|current|next|following|previous|last) month\b/g,
  extract(match) {
    const day = Number(match[1]);
    if (day < 1 || day > 31) return null;
    return { date: { kind: "calendar", day, monthOffset: MONTH_OFFSET[match[2]!]! } };
  },
};

export const weekdaysFromNowParser: Parser = {
  name: "en/weekdays-from-now",
  pattern: new RegExp(
    `\\b(\\d{1,2}|${COUNT_WORD_PATTERN}) (${WEEKDAY_PATTERN})s (from now|hence|ago|back)\\b`,
    "g",
  ),
  extract(match) {
    const count = numberValue(match[1]!);
    const weekday = WEEKDAYS[match[2]!] as Weekday | undefined;
    if (count === null || count === 0 || weekday === undefined) return null;
    const past = match[3] === "ago" || match[3] === "back";
    return { date: { kind: "weekday", weekday, occurrence: past ? -count : count } };
  },
};
