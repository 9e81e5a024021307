// Calendar weeks (conventions, rule 18): "next week" and "the week after next" name a week (with a
// weekday said elsewhere in the text, that day of it; alone, no day to book); "Tuesday week" and "a week
// on Tuesday" (British) are that weekday two calendar weeks after this one.
import type { Parser } from "../../../temporal/types.js";
import { WEEKDAY_PATTERN, WEEKDAYS } from "./words.js";

export const weekCycleParser: Parser = {
  name: "en/week-cycle",
  gate: { words: ["week"] },
  pattern: /\b(?:(?:the )?week after next|next week)\b/g,
  extract(match) {
    return { date: { kind: "cycle", unit: "week", offset: match[0] === "next week" ? 1 : 2 } };
  },
};

export const weekdayWeekParser: Parser = {
  name: "en/weekday-week",
  gate: { words: ["week"] },
  pattern: new RegExp(`\\b(?:(?:on )?(${WEEKDAY_PATTERN}) week|a week (?:on )?(${WEEKDAY_PATTERN}))\\b`, "g"),
  extract(match) {
    const weekday = WEEKDAYS[match[1] ?? match[2]!]!;
    return { date: { kind: "weekday", weekday, weeksAhead: 2 } };
  },
};
