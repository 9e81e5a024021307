// Days named by their place in a month (ordinal weekdays, "the first Monday of October", are the core
// parser ordinal-weekday.ts): "first of March", "March third 2015", "the third day of October", "the last
// day of October", "the fifth last day of May", "the ides of March", "on the twenty-third".
import type { Parser } from "../../../temporal/types.js";
import { yearOf } from "../../common/numeric-date.js";
import { daysInMonth, ORDINAL_PATTERN, ordinalValue } from "./duckling-words.js";
import { MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS } from "./words.js";

/** "first of March", "the third day of October 2014", "the 2nd of march". */
export const ordinalOfMonthParser: Parser = {
  name: "en/duckling-ordinal-of-month",
  pattern: new RegExp(
    `\\b(?:the )?(${ORDINAL_PATTERN}) (?:day )?(?:of|in) (${MONTH_PATTERN})\\b\\.?(?:,? (\\d{4})\\b)?`,
    "g",
  ),
  extract(match) {
    const day = ordinalValue(match[1]!);
    if (day === null || day < 1 || day > 31) return null;
    return { date: { kind: "calendar", day, month: MONTHS[match[2]!]!, year: yearOf(match[3]) } };
  },
};

/** "March first", "march third 2015", "October the fifth". */
export const monthOrdinalParser: Parser = {
  name: "en/duckling-month-ordinal",
  pattern: new RegExp(
    `\\b(?:(${WEEKDAY_PATTERN}),? )?(${MONTH_PATTERN})\\.? (?:the )?(${ORDINAL_PATTERN})\\b(?:,? (\\d{4})\\b)?`,
    "g",
  ),
  extract(match) {
    const day = ordinalValue(match[3]!);
    if (day === null || day < 1 || day > 31) return null;
    const weekday = match[1] !== undefined ? WEEKDAYS[match[1]] : undefined;
    return { date: { kind: "calendar", day, month: MONTHS[match[2]!]!, year: yearOf(match[4]), weekday } };
  },
};

/** "the last day of October 2015", "the fifth last day of May", "the 2nd last day in June". */
export const lastDayOfMonthParser: Parser = {
  name: "en/duckling-last-day-of-month",
  pattern: new RegExp(
    `\\b(?:the )?(?:(${ORDINAL_PATTERN}) )?last day (?:of|in) (${MONTH_PATTERN})\\b\\.?(?:,? (\\d{4})\\b)?`,
    "g",
  ),
  extract(match) {
    const back = match[1] !== undefined ? ordinalValue(match[1]) : 1;
    const month = MONTHS[match[2]!]!;
    const year = yearOf(match[3]);
    const length = daysInMonth(month, year);
    if (back === null || length === null || back < 1 || back > length) return null;
    return { date: { kind: "calendar", day: length - back + 1, month, year } };
  },
};

/** The Roman ides: the 15th of March, May, July and October, the 13th of the other months. */
export const idesParser: Parser = {
  name: "en/duckling-ides",
  pattern: new RegExp(`\\b(?:the )?ides of (${MONTH_PATTERN})\\b(?:,? (\\d{4})\\b)?`, "g"),
  extract(match) {
    const month = MONTHS[match[1]!]!;
    const day = [3, 5, 7, 10].includes(month) ? 15 : 13;
    return { date: { kind: "calendar", day, month, year: yearOf(match[2]) } };
  },
};

/** "on the first", "on the twenty-third": a day of the month in words, after "on the". */
export const onTheOrdinalParser: Parser = {
  name: "en/duckling-on-the-ordinal",
  pattern: new RegExp(
    `\\bon the (${ORDINAL_PATTERN})\\b(?! (?:${WEEKDAY_PATTERN}|day|week|month|quarter|qtr|time|floor|one)\\b)`,
    "g",
  ),
  extract(match) {
    const day = ordinalValue(match[1]!);
    return day !== null && day >= 1 && day <= 31 ? { date: { kind: "calendar", day } } : null;
  },
};
