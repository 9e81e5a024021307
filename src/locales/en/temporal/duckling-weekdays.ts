// Weekdays as Duckling places them: "next Wednesday" and "Wednesday after next" are in the next calendar
// week; "Monday of this week", "Sunday from last week", "last week's Sunday" name the week; short forms
// standing alone ("sat", "mon.") are weekdays too.
import type { Parser } from "../../../temporal/types.js";
import { WEEKDAY_PATTERN, WEEKDAYS } from "./words.js";

const WEEKS: Record<string, "this" | "next" | "previous"> = {
  this: "this",
  current: "this",
  "the current": "this",
  next: "next",
  "the next": "next",
  following: "next",
  "the following": "next",
  coming: "next",
  "the coming": "next",
  last: "previous",
  "the last": "previous",
  previous: "previous",
  "the previous": "previous",
  past: "previous",
};
const WEEK_WORDS = Object.keys(WEEKS)
  .sort((a, b) => b.length - a.length)
  .join("|");

export const nextWeekdayParser: Parser = {
  name: "en/duckling-next-weekday",
  pattern: new RegExp(`\\b(?:next (${WEEKDAY_PATTERN})|(${WEEKDAY_PATTERN}) after next)\\b\\.?`, "g"),
  extract(match) {
    return { date: { kind: "weekday", weekday: WEEKDAYS[(match[1] ?? match[2])!]!, week: "next" } };
  },
};

export const weekdayOfWeekParser: Parser = {
  name: "en/duckling-weekday-of-week",
  pattern: new RegExp(
    `\\b(?:(${WEEKDAY_PATTERN}),? (?:of|from|in|on) (${WEEK_WORDS}) week|(${WEEK_WORDS}) week'?s (${WEEKDAY_PATTERN}))\\b`,
    "g",
  ),
  extract(match) {
    const weekday = WEEKDAYS[(match[1] ?? match[4])!]!;
    return { date: { kind: "weekday", weekday, week: WEEKS[(match[2] ?? match[3])!]! } };
  },
};

/** "tomorrows", "tomorrow's": tomorrow. */
export const tomorrowsParser: Parser = {
  name: "en/duckling-tomorrows",
  pattern: /\btomorrow'?s\b/g,
  extract() {
    return { date: { kind: "relative", days: 1 } };
  },
};

/** "sat", "sun.", "mon.": a short form that is also a word, standing alone or closed by a period. */
export const shortWeekdayParser: Parser = {
  name: "en/duckling-short-weekday",
  pattern: /\b(mon|wed|sat|sun)(?:\.|(?=,|$))/g,
  extract(match) {
    return { date: { kind: "weekday", weekday: WEEKDAYS[match[1]!]! } };
  },
};
