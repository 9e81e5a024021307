// Offsets from now: "in 3 days", "in a week", "in two weeks", "in 2 wks", "in a fortnight", "a week from
// today", "in 2 hours". Whole weeks keep their count, so a weekday said with them names a day of that
// week (conventions, rule 18).
import type { Parser } from "../../../temporal/types.js";
import { COUNT_WORD_PATTERN, numberValue } from "./words.js";

export const relativeOffsetParser: Parser = {
  name: "en/relative-offset",
  gate: {
    words: [
      "day",
      "days",
      "week",
      "weeks",
      "wk",
      "wks",
      "fortnight",
      "hour",
      "hours",
      "hr",
      "hrs",
      "minute",
      "minutes",
      "min",
      "mins",
    ],
  },
  pattern: new RegExp(
    `\\b(?:in|within) (?:(\\d{1,3})|(${COUNT_WORD_PATTERN})) (days?|weeks?|wks?|fortnight|hours?|hrs?|minutes?|mins?)\\b`,
    "g",
  ),
  extract(match) {
    const amount = numberValue(match[1] ?? match[2]!);
    if (amount === null) return null;
    const unit = match[3]!;
    if (unit.startsWith("day")) return { date: { kind: "relative", days: amount } };
    if (unit.startsWith("w")) return { date: { kind: "relative", days: amount * 7, weeks: amount } };
    if (unit === "fortnight") return { date: { kind: "relative", days: amount * 14, weeks: amount * 2 } };
    return { offsetMinutes: unit.startsWith("m") ? amount : amount * 60 };
  },
};

export const fromTodayParser: Parser = {
  name: "en/from-today",
  gate: { words: ["from"] },
  pattern: new RegExp(
    `\\b(?:(\\d{1,2})|(${COUNT_WORD_PATTERN})) (days?|weeks?|fortnights?) from (today|now|tomorrow)\\b`,
    "g",
  ),
  extract(match) {
    const amount = numberValue(match[1] ?? match[2]!);
    if (amount === null) return null;
    const unit = match[3]!;
    const weeks = unit.startsWith("week") ? amount : unit.startsWith("fortnight") ? amount * 2 : 0;
    const days = (weeks > 0 ? weeks * 7 : amount) + (match[4] === "tomorrow" ? 1 : 0);
    // "2 weeks from today" counts whole weeks from today (rule 18); from tomorrow it does not.
    return {
      date: { kind: "relative", days, ...(weeks > 0 && match[4] !== "tomorrow" ? { weeks } : {}) },
    };
  },
};
