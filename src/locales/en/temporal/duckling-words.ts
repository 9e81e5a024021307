// Vocabulary the Duckling-mode English parsers share: numbers and ordinals in words up to 59, the units of
// shifts and spans, and the words that make a cycle relative ("next", "last", "upcoming"). Folded text.
import type { CycleUnit } from "../../../temporal/types.js";

const UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = [
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 };

const CARDINALS: Record<string, number> = {};
UNITS.forEach((word, index) => {
  CARDINALS[word] = index + 1;
});
TEENS.forEach((word, index) => {
  CARDINALS[word] = index + 10;
});
Object.assign(CARDINALS, TENS);

/** One to fifty-nine in words: "seven", "fifteen", "twenty-three", "forty five". */
export const CARDINAL_PATTERN = `(?:twenty|thirty|forty|fifty)(?:[ -](?:${UNITS.join("|")}))?|${[...TEENS].reverse().join("|")}|${UNITS.join("|")}`;

/** A cardinal in words or digits, or null: "twenty-three" is 23, "forty five" is 45. */
export function cardinalValue(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const [tens, unit] = text.split(/[ -]/);
  const value = CARDINALS[tens!];
  if (value === undefined) return null;
  if (unit === undefined) return value;
  const extra = CARDINALS[unit];
  return extra !== undefined && extra < 10 && value >= 20 ? value + extra : null;
}

const ORDINAL_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
const ORDINAL_TEENS = [
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
];
const ORDINALS: Record<string, number> = { twentieth: 20, thirtieth: 30 };
ORDINAL_UNITS.forEach((word, index) => {
  ORDINALS[word] = index + 1;
});
ORDINAL_TEENS.forEach((word, index) => {
  ORDINALS[word] = index + 10;
});

/** Ordinals up to thirty-first in words or digits: "third", "twenty-first", "3rd", "21st". */
export const ORDINAL_PATTERN = `(?:twenty|thirty)[ -](?:${ORDINAL_UNITS.join("|")})|twentieth|thirtieth|${ORDINAL_TEENS.join("|")}|${ORDINAL_UNITS.join("|")}|\\d{1,2}(?:st|nd|rd|th)`;

export function ordinalValue(text: string): number | null {
  const digits = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(text);
  if (digits) return Number(digits[1]);
  const [tens, unit] = text.split(/[ -]/);
  if (unit === undefined) return ORDINALS[tens!] ?? null;
  const base = tens === "twenty" ? 20 : tens === "thirty" ? 30 : null;
  const extra = ORDINALS[unit];
  return base !== null && extra !== undefined && extra < 10 ? base + extra : null;
}

/** Loose quantities said in words: "a couple of", "a pair of", "a few", "several" is not a number. */
export const QUANTITY_PATTERN = `a couple of|a couple|couple of|a pair of|a few|few|a|an|${CARDINAL_PATTERN}`;

export function quantityValue(text: string): number | null {
  if (text === "a" || text === "an") return 1;
  if (text.includes("couple") || text.includes("pair")) return 2;
  if (text.endsWith("few")) return 3;
  return cardinalValue(text);
}

/** Units of shifts and spans, singular and plural and abbreviated. */
export const UNIT_PATTERN =
  "seconds|second|secs|sec|minutes|minute|mins|min|hours|hour|hrs|hr|days|day|weeks|week|fortnights|fortnight|months|month|quarters|quarter|qtrs|qtr|years|year|yrs|yr";

/** A unit word as a cycle unit and a multiplier ("fortnight" is fourteen days). */
export function unitValue(text: string): { unit: CycleUnit; factor: number } | null {
  if (text.startsWith("sec")) return { unit: "second", factor: 1 };
  if (text.startsWith("min")) return { unit: "minute", factor: 1 };
  if (text.startsWith("h")) return { unit: "hour", factor: 1 };
  if (text.startsWith("day")) return { unit: "day", factor: 1 };
  // Duckling counts a fortnight in days: "a fortnight ago" is 14 days ago, to the hour.
  if (text.startsWith("fortnight")) return { unit: "day", factor: 14 };
  if (text.startsWith("week")) return { unit: "week", factor: 1 };
  if (text.startsWith("month")) return { unit: "month", factor: 1 };
  if (text.startsWith("q")) return { unit: "quarter", factor: 1 };
  if (text.startsWith("y")) return { unit: "year", factor: 1 };
  return null;
}

/** The next smaller unit, to say a fraction of a unit in whole ones: 2.5 hours is 150 minutes. */
export const SMALLER: Partial<Record<CycleUnit, { unit: CycleUnit; factor: number }>> = {
  minute: { unit: "second", factor: 60 },
  hour: { unit: "minute", factor: 60 },
  day: { unit: "hour", factor: 24 },
  week: { unit: "day", factor: 7 },
  year: { unit: "month", factor: 12 },
};

/** A fractional amount of a unit in whole units, or in whole smaller units; null when neither is exact. */
export function wholeShift(amount: number, unit: CycleUnit): { amount: number; unit: CycleUnit } | null {
  if (Number.isInteger(amount)) return { amount, unit };
  const smaller = SMALLER[unit];
  if (smaller === undefined) return null;
  const converted = amount * smaller.factor;
  const rounded = Math.round(converted);
  // 1/3 hour is 19.999... minutes in floating point: close enough is whole.
  return Math.abs(converted - rounded) < 1e-9
    ? { amount: rounded, unit: smaller.unit }
    : wholeShift(converted, smaller.unit);
}

/** A month's length; February needs the year (null without it). */
export function daysInMonth(month: number, year?: number): number | null {
  if (month === 2) {
    if (year === undefined) return null;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
