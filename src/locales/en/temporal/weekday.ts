// Weekdays: "Monday", "on Monday", "this Wednesday", "next Monday" (the first occurrence after today);
// "Monday next week", "next week on Tuesday" (next calendar week); "last Monday".
import type { Parser } from "../../../temporal/types.js";
import { WEEKDAY_PATTERN, WEEKDAYS } from "./words.js";

// Short forms that are also ordinary words need a modifier before them.
/** What may follow a short weekday said alone: "wed @ 11", "mon at 3", "sun 10am". */
export const FOLLOWED_BY_TIME = /^ ?(?:@|at\b|\d)/;

const NEEDS_MODIFIER = new Set(["sat", "sun", "wed", "mon"]);

export const weekdayParser: Parser = {
  name: "en/weekday",
  gate: { words: WEEKDAY_PATTERN.split("|") },
  pattern: new RegExp(
    `\\b(?:(this coming|this|next|coming|on|last|this past) )?(${WEEKDAY_PATTERN})\\b\\.?(?: (next week|of next week|this week|of this week|after next|of last week|from last week))?`,
    "g",
  ),
  extract(match) {
    const [, modifier, name, suffix] = match;
    if (
      NEEDS_MODIFIER.has(name!) &&
      modifier === undefined &&
      !FOLLOWED_BY_TIME.test(match.input.slice(match.index + match[0].length))
    ) {
      return null;
    }
    const weekday = WEEKDAYS[name!]!;
    if (modifier === "last" || modifier === "this past")
      return { date: { kind: "weekday", weekday, week: "last" } };
    if (suffix === "next week" || suffix === "of next week")
      return { date: { kind: "weekday", weekday, week: "next" } };
    if (suffix === "this week" || suffix === "of this week")
      return { date: { kind: "weekday", weekday, week: "this" } };
    if (suffix === "of last week" || suffix === "from last week")
      return { date: { kind: "weekday", weekday, week: "previous" } };
    // "next wednesday", "wednesday after next": the appointment conventions take the first one after
    // today; Duckling's reading skips the nearest (skipNearest), so the parser records what was said.
    const skipNearest = modifier === "next" || suffix === "after next";
    return {
      date: { kind: "weekday", weekday, ...(skipNearest ? { skipNearest } : {}) },
      certainty: name!.length <= 4 ? 0.95 : 1,
    };
  },
};

export const nextWeekWeekdayParser: Parser = {
  name: "en/next-week-weekday",
  gate: { words: ["next"] },
  pattern: new RegExp(`\\bnext week,? (?:on )?(${WEEKDAY_PATTERN})\\b`, "g"),
  extract(match) {
    return { date: { kind: "weekday", weekday: WEEKDAYS[match[1]!]!, week: "next" } };
  },
};

/** "last week's sunday": the weekday in the previous calendar week. */
export const lastWeeksWeekdayParser: Parser = {
  name: "en/last-weeks-weekday",
  gate: { words: ["last"] },
  pattern: new RegExp(`\\blast week's (${WEEKDAY_PATTERN})\\b`, "g"),
  extract(match) {
    return { date: { kind: "weekday", weekday: WEEKDAYS[match[1]!]!, week: "previous" } };
  },
};
