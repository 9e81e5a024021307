// Dates written tightly or with the weekday after them: "14april 2015", "Feb13", "31/Oct/1974", "31-Oct-74",
// "14th April 15", "Jul 18, Fri", and month-first digits with spaces or a dash ("2 / 15").
import type { Parser, Weekday } from "../../../temporal/types.js";
import { yearOf } from "../../common/numeric-date.js";
import { MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS } from "./words.js";

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
