// Days named by their place in a month: "the first Monday of October", "last Friday in March 2014", "the
// second Monday of last month", "first of March", "March third 2015", "the third day of October", "the last
// day of October", "the fifth last day of May", "the ides of March"; and dates written tightly or with the
// weekday after them: "14april 2015", "Feb13", "31/Oct/1974", "31-Oct-74", "14th April 15", "Jul 18, Fri".
import type { Parser, Weekday } from "../../../temporal/types.js";
import { fullYear } from "../../common/numeric-date.js";
import { daysInMonth, ORDINAL_PATTERN, ordinalValue } from "./duckling-words.js";
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

function yearOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return text.length === 2 ? fullYear(Number(text)) : Number(text);
}

export const nthWeekdayParser: Parser = {
  name: "en/duckling-nth-weekday",
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

/** Day and month run together or joined by a slash or a dash: "14april 2015", "31/oct/1974", "31-oct-74". */
export const compactDayMonthParser: Parser = {
  name: "en/duckling-compact-day-month",
  pattern: new RegExp(
    `\\b(\\d{1,2})(?:st|nd|rd|th)?(?:(${MONTH_PATTERN})\\b\\.?(?: (\\d{4})\\b)?|/(${MONTH_PATTERN})/(\\d{4}|\\d{2})\\b|-(${MONTH_PATTERN})-(\\d{4}|\\d{2})\\b)`,
    "g",
  ),
  extract(match) {
    const day = Number(match[1]);
    const monthText = match[2] ?? match[4] ?? match[6];
    if (day < 1 || day > 31 || monthText === undefined) return null;
    return {
      date: {
        kind: "calendar",
        day,
        month: MONTHS[monthText]!,
        year: yearOf(match[3] ?? match[5] ?? match[7]),
      },
    };
  },
};

/** A month name with the day run on: "Feb13", "on Wed, Feb13". */
export const compactMonthDayParser: Parser = {
  name: "en/duckling-compact-month-day",
  pattern: new RegExp(
    `\\b(?:(${WEEKDAY_PATTERN}),? )?(${MONTH_PATTERN})(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4})\\b)?`,
    "g",
  ),
  extract(match) {
    const day = Number(match[3]);
    if (day < 1 || day > 31) return null;
    const weekday = match[1] !== undefined ? WEEKDAYS[match[1]] : undefined;
    return { date: { kind: "calendar", day, month: MONTHS[match[2]!]!, year: yearOf(match[4]), weekday } };
  },
};

/** The year in two digits after a day and a month name: "14th April 15", "3 march 98". */
export const dayMonthShortYearParser: Parser = {
  name: "en/duckling-day-month-short-year",
  pattern: new RegExp(
    `\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTH_PATTERN})\\b\\.?,? '?(\\d{2})\\b(?! ?(?:[:h.]\\d|am|pm|a\\.m|p\\.m|[ap]\\b|o'?clock|hours|hrs|minutes|mins))`,
    "g",
  ),
  extract(match) {
    const day = Number(match[1]);
    if (day < 1 || day > 31) return null;
    return { date: { kind: "calendar", day, month: MONTHS[match[2]!]!, year: yearOf(match[3]) } };
  },
};

/** The weekday after the date: "Jul 18, Fri", "July 18 (Friday)", "18 July, Fri". */
export const dateThenWeekdayParser: Parser = {
  name: "en/duckling-date-then-weekday",
  pattern: new RegExp(
    `\\b(?:(${MONTH_PATTERN})\\.? (\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)? (${MONTH_PATTERN})\\b\\.?)(?:,? (\\d{4}))?,? \\(?(${WEEKDAY_PATTERN})\\b\\.?\\)?`,
    "g",
  ),
  extract(match) {
    const day = Number(match[2] ?? match[3]);
    if (day < 1 || day > 31) return null;
    const month = MONTHS[(match[1] ?? match[4])!]!;
    const weekday: Weekday = WEEKDAYS[match[6]!]!;
    return { date: { kind: "calendar", day, month, year: yearOf(match[5]), weekday } };
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

/** Month and day in digits with spaces or a dash, month first in US English: "2 / 15", "2-15", "2 - 15". */
export const spacedNumericDateParser: Parser = {
  name: "en/duckling-spaced-numeric-date",
  pattern: new RegExp(
    `(?<![\\d:./-])\\b(\\d{1,2})(?: ?/ ?| ?- ?)(\\d{1,2})\\b(?![:./-]?\\d| ?(?:am|pm|a\\.m|p\\.m|[ap]\\b|h\\b|o'?clock|(?:${MONTH_PATTERN})\\b|hours|hrs|minutes|mins|days|weeks|years|of\\b|in the\\b|tonight|ish))`,
    "g",
  ),
  extract(match, options) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const [day, month] = options.dayFirst ? [first, second] : [second, first];
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    // With a dash, "9-11" reads better as a range of hours than as September 11th: the day must be past 12.
    if (!match[0].includes("/") && day <= 12) return null;
    return { date: { kind: "calendar", day, month } };
  },
};
