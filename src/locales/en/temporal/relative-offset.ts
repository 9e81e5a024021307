// Offsets from now: "in 3 days", "in a week", "in two weeks", "a week from today", "in 2 hours".
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
    `\\b(?:in|within) (?:(\\d{1,3})|(${COUNT_WORD_PATTERN})) (days?|weeks?|fortnight|hours?|hrs?|minutes?|mins?)\\b`,
    "g",
  ),
  extract(match) {
    const amount = numberValue(match[1] ?? match[2]!);
    if (amount === null) return null;
    const unit = match[3]!;
    if (unit.startsWith("day")) return { date: { kind: "relative", days: amount } };
    if (unit.startsWith("week")) return { date: { kind: "relative", days: amount * 7 } };
    if (unit === "fortnight") return { date: { kind: "relative", days: amount * 14 } };
    return { offsetMinutes: unit.startsWith("m") ? amount : amount * 60 };
  },
};

export const fromTodayParser: Parser = {
  name: "en/from-today",
  gate: { words: ["from"] },
  pattern: new RegExp(
    `\\b(?:(\\d{1,2})|(${COUNT_WORD_PATTERN})) (days?|weeks?) from (today|now|tomorrow)\\b`,
    "g",
  ),
  extract(match) {
    const amount = numberValue(match[1] ?? match[2]!);
    if (amount === null) return null;
    const days = match[3]!.startsWith("week") ? amount * 7 : amount;
    return { date: { kind: "relative", days: days + (match[4] === "tomorrow" ? 1 : 0) } };
  },
};
