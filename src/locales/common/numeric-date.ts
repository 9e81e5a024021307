// Numeric dates: ISO "2027-01-23" always; "3/1", "3/1/2027", "03-01-27" day first or month first by
// locale (ParserOptions.dayFirst).
import type { Parser } from "../../temporal/types.js";

export const isoDateParser: Parser = {
  name: "common/iso-date",
  gate: { digit: true },
  pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
  extract(match) {
    return {
      date: { kind: "calendar", year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) },
    };
  },
};

export const numericDateParser: Parser = {
  name: "common/numeric-date",
  gate: { digit: true },
  pattern: /\b(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}|\d{2}))?\b(?![/:-]\d)/g,
  extract(match, options) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    const [day, month] = options.dayFirst ? [first, second] : [second, first];
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    const year = yearOf(match[4]);
    // Without a year, "3-1" could be a score or a range: only slashes stand alone.
    if (year === undefined && match[2] === "-") return null;
    return { date: { kind: "calendar", day, month, year } };
  },
};

export const dottedDateParser: Parser = {
  name: "common/dotted-date",
  gate: { digit: true },
  pattern: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g,
  extract(match, options) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const [day, month] = options.dayFirst ? [first, second] : [second, first];
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return { date: { kind: "calendar", day, month, year: Number(match[3]) } };
  },
};

/** A two-digit year: 00–49 is this century, 50–99 the last ("3/1/27" is 2027, "10/31/74" is 1974). */
export function fullYear(twoDigits: number): number {
  return twoDigits < 50 ? 2000 + twoDigits : 1900 + twoDigits;
}

/** A year as written in a date: two digits read as fullYear does, four as themselves. */
export function yearOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return text.length === 2 ? fullYear(Number(text)) : Number(text);
}
