// Dates with a month name, US and UK order: "January 3rd", "Jan 3, 2027", "3 January", "the 3rd of
// January", "Friday, May 29"; and a day alone: "the 28th", "on the 28th", "Friday the 29th".
import type { Parser } from "../../../temporal/types.js";
import { MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS } from "./words.js";

const ORDINAL = "(?:st|nd|rd|th)";

export const monthDayParser: Parser = {
  name: "en/month-day",
  gate: { words: MONTH_PATTERN.split("|") },
  pattern: new RegExp(
    `\\b(?:on )?(?:(${WEEKDAY_PATTERN}),? )?(${MONTH_PATTERN})\\.? (?:the )?(\\d{1,2})${ORDINAL}?\\b(?:,? (\\d{4}))?`,
    "g",
  ),
  extract(match) {
    return {
      date: {
        kind: "calendar",
        day: Number(match[3]),
        month: MONTHS[match[2]!]!,
        year: match[4] !== undefined ? Number(match[4]) : undefined,
        weekday: match[1] !== undefined ? WEEKDAYS[match[1]] : undefined,
      },
    };
  },
};

export const dayMonthParser: Parser = {
  name: "en/day-month",
  gate: { words: MONTH_PATTERN.split("|") },
  pattern: new RegExp(
    `\\b(?:on )?(?:(${WEEKDAY_PATTERN}),? )?(?:the )?(\\d{1,2})${ORDINAL}?(?: of)? (${MONTH_PATTERN})\\b\\.?(?:,? (\\d{4}))?`,
    "g",
  ),
  extract(match) {
    return {
      date: {
        kind: "calendar",
        day: Number(match[2]),
        month: MONTHS[match[3]!]!,
        year: match[4] !== undefined ? Number(match[4]) : undefined,
        weekday: match[1] !== undefined ? WEEKDAYS[match[1]] : undefined,
      },
    };
  },
};

export const dayOfMonthParser: Parser = {
  name: "en/day-of-month",
  gate: { digit: true },
  pattern: new RegExp(
    `\\b(?:on )?(?:(${WEEKDAY_PATTERN}),? )?(?:the )?(\\d{1,2})(st|nd|rd|th)\\b|\\bon the (\\d{1,2})\\b(?![:/.-]\\d|:)`,
    "g",
  ),
  extract(match) {
    const day = Number(match[2] ?? match[4]);
    if (day < 1 || day > 31) return null;
    return {
      date: { kind: "calendar", day, weekday: match[1] !== undefined ? WEEKDAYS[match[1]] : undefined },
    };
  },
};
