// Ordinal weekdays (conventions, rule 17): "the first Monday of March", "the 3rd wed of september", "the
// last Friday of the month", "the second Monday of last month", "last Friday in March 2014". "Of the
// month" is this month; a month named without a year is resolved by the policy (the first year not
// before today).
import type { Parser } from "../../../temporal/types.js";
import { yearOf } from "../../common/numeric-date.js";
import { ORDINAL_PATTERN, ordinalValue } from "./duckling-words.js";
import { MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS } from "./words.js";

const MONTH_OFFSETS: Record<string, number> = {
  this: 0,
  the: 0,
  current: 0,
  "the current": 0,
  next: 1,
  "the next": 1,
  following: 1,
  "the following": 1,
  last: -1,
  "the last": -1,
  previous: -1,
  "the previous": -1,
};
const RELATIVE_MONTH =
  "the current|the next|the following|the last|the previous|this|the|current|next|following|last|previous";

export const ordinalWeekdayParser: Parser = {
  name: "en/ordinal-weekday",
  pattern: new RegExp(
    `\\b(?:the )?(${ORDINAL_PATTERN}|last) (${WEEKDAY_PATTERN}) (?:of|in) (?:(${MONTH_PATTERN})\\b\\.?(?:,? (\\d{4})\\b)?|(${RELATIVE_MONTH}) month\\b)`,
    "g",
  ),
  extract(match) {
    const [, ordinalText, weekdayText, monthText, yearText, relative] = match;
    const ordinal = ordinalText === "last" ? -1 : ordinalValue(ordinalText!);
    if (ordinal === null || ordinal === 0 || ordinal > 5) return null;
    const weekday = WEEKDAYS[weekdayText!]!;
    if (relative !== undefined)
      return { date: { kind: "nthWeekday", ordinal, weekday, monthOffset: MONTH_OFFSETS[relative]! } };
    return {
      date: { kind: "nthWeekday", ordinal, weekday, month: MONTHS[monthText!]!, year: yearOf(yearText) },
    };
  },
};
