// Weeks and weekends counted inside a month or a year, and months counted in years: "the first week of
// October 2014", "the third last week of 2018", "the last weekend of October", "March in a year",
// "March after next", "late last night".
import type { Parser } from "../../../temporal/types.js";
import { MONTH_PATTERN, MONTHS } from "./words.js";

const ORDINALS: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  fifth: 5,
  "5th": 5,
  last: -1,
};
const ORDINAL = "first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last";

function ordinalOf(word: string, last: string | undefined): number {
  const value = ORDINALS[word]!;
  return last !== undefined && value > 0 ? -value : value;
}

export const nthWeekParser: Parser = {
  name: "en/nth-week",
  pattern: new RegExp(
    `\\b(?:the )?(${ORDINAL})( last)? week (?:of|in) (?:(${MONTH_PATTERN})(?: (\\d{4}))?|(\\d{4}))\\b`,
    "g",
  ),
  extract(match) {
    const [, word, last, month, monthYear, year] = match;
    const ordinal = ordinalOf(word!, last);
    if (month !== undefined) {
      return {
        date: {
          kind: "nthWeek",
          ordinal,
          month: MONTHS[month]!,
          year: monthYear === undefined ? undefined : Number(monthYear),
        },
      };
    }
    return { date: { kind: "nthWeek", ordinal, year: Number(year) } };
  },
};

export const nthWeekendParser: Parser = {
  name: "en/nth-weekend",
  pattern: new RegExp(
    `\\b(?:the )?(${ORDINAL}) (?:week-end|weekend|week end|wkend) (?:of|in) (${MONTH_PATTERN})(?: (\\d{4}))?\\b`,
    "g",
  ),
  extract(match) {
    const [, word, month, year] = match;
    return {
      date: {
        kind: "weekend",
        offset: 0,
        ordinal: ORDINALS[word!]!,
        month: MONTHS[month!]!,
        year: year === undefined ? undefined : Number(year),
      },
    };
  },
};

export const monthInYearsParser: Parser = {
  name: "en/month-in-years",
  pattern: new RegExp(`\\b(${MONTH_PATTERN}) (?:in (?:a|one|1) year|after next)\\b`, "g"),
  extract(match) {
    return { date: { kind: "month", month: MONTHS[match[1]!]!, yearOffset: 1 } };
  },
};

export const lateLastNightParser: Parser = {
  name: "en/late-last-night",
  pattern: /\blate last night\b/g,
  extract: () => ({ date: { kind: "relative", days: -1 }, partOfDay: "lateNight" }),
};
