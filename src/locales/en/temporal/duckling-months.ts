// Months and years on their own: "March", "in March", "during October 2014", "2014-10", "2/2013", "in 2014",
// "2014 AD", "300 BC" (Duckling counts BC years as negative). A month name alone that is also a common word
// ("may") and a bare year are latent: read only when the caller asks for latent readings.
import type { Parser } from "../../../temporal/types.js";
import { MONTH_PATTERN, MONTHS } from "./words.js";

/** Month names that are also ordinary words, or too short to stand alone as a month. */
const AMBIGUOUS_ALONE = new Set([
  "may",
  "mar",
  "jun",
  "jan",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "apr",
  "jul",
  "feb",
]);

export const monthParser: Parser = {
  name: "en/duckling-month",
  pattern: new RegExp(
    `\\b(?:(in|during|for|of|next|this) )?(${MONTH_PATTERN})\\b\\.?(?:,? (?:of )?(\\d{4})\\b)?(?! ?\\d)`,
    "g",
  ),
  extract(match) {
    const [, lead, name, yearText] = match;
    if (yearText === undefined && lead === undefined && AMBIGUOUS_ALONE.has(name!)) return null;
    return {
      date: {
        kind: "month",
        month: MONTHS[name!]!,
        year: yearText !== undefined ? Number(yearText) : undefined,
      },
    };
  },
};

/** "2014-10", "2014/10", "10/2014", "2/2013": a month of a year in digits. */
export const numericMonthParser: Parser = {
  name: "en/duckling-numeric-month",
  pattern: /\b(?:(\d{4})[-/](\d{1,2})|(\d{1,2})[-/](\d{4}))\b(?![-/.:]\d)/g,
  extract(match) {
    const month = Number(match[2] ?? match[3]);
    const year = Number(match[1] ?? match[4]);
    if (month < 1 || month > 12) return null;
    return { date: { kind: "month", month, year } };
  },
};

/** "in 2014", "during 1999", "the year 2020", "2014 AD", "in 14 a.d.", "2014 B.C.". */
export const yearParser: Parser = {
  name: "en/duckling-year",
  pattern:
    /\b(?:(?:in|during|the year|year) (\d{4})\b(?! ?(?:a\.?d\b|b\.?c\b|bce\b))|(?:(?:in|during|the year|year) )?(\d{1,4}) ?(a\.d\.|a\.d|ad|b\.c\.|b\.c|bce|bc)(?![a-z]))/g,
  extract(match) {
    const era = match[3];
    const year = Number(match[1] ?? match[2]);
    if (era === undefined && (year < 1000 || year > 2999)) return null;
    const before = era?.startsWith("b") === true;
    return { date: { kind: "year", year: before ? -year : year } };
  },
};

/** "since 2014", "anytime after 1999", "before 2014", "through 2014": a year opening or closing an interval. */
export const openYearParser: Parser = {
  name: "en/duckling-open-year",
  pattern:
    /\b(since|after|from|before|through|thru|until|till|up to) (1\d{3}|20\d{2})\b(?![-/.:,]\d| ?(?:am|pm|h\b|a\.m|p\.m|hours|hrs))/g,
  extract(match) {
    const year = { date: { kind: "year" as const, year: Number(match[2]) } };
    return /^(?:since|after|from)$/.test(match[1]!)
      ? { interval: { from: year, open: "after" } }
      : { interval: { to: year, open: "before" } };
  },
};

/** A bare four-digit year, "1974": latent, since a number alone is as often a count or a price. */
export const bareYearParser: Parser = {
  name: "en/duckling-bare-year",
  pattern: /\b(1[0-9]{3}|20[0-9]{2})\b(?![-/.:,]\d| ?(?:am|pm|h\b|a\.m|p\.m))/g,
  extract(match) {
    return { date: { kind: "year", year: Number(match[1]) } };
  },
};

/** "May" alone, latent: the month or the verb. */
export const bareMayParser: Parser = {
  name: "en/duckling-bare-may",
  pattern: /\bmay\b(?! ?\d)/g,
  extract() {
    return { date: { kind: "month", month: 5 } };
  },
};
