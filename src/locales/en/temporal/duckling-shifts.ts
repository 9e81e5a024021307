// Shifts of the present by an amount of units: "in 3 days", "in a couple of hours", "in 2.5 hours", "in 1/4h",
// "in half an hour", "in three-quarters of an hour", "in 15'", "2 minutes from now", "a fortnight ago",
// "three weeks hence", "7 days back". Fractions are said in whole smaller units (2.5 hours is 150 minutes).
import type { ExpressionFields, Parser } from "../../../temporal/types.js";
import { QUANTITY_PATTERN, quantityValue, UNIT_PATTERN, unitValue, wholeShift } from "./duckling-words.js";

/** What may stand between "in" and the amount. */
const HEDGE = "(?:about |around |approximately |roughly |just |only )?";
const AMOUNT = `\\d{1,4}(?:\\.\\d{1,2})?|\\d{1,2}/\\d{1,2}|${QUANTITY_PATTERN}`;
/** "2 and a half", "2 and an half", "one and a half". */
const AND_HALF = "(?: and an? half)?";

function amountValue(text: string): number | null {
  const fraction = /^(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (fraction) return Number(fraction[2]) === 0 ? null : Number(fraction[1]) / Number(fraction[2]);
  if (/^\d/.test(text)) return Number(text);
  return quantityValue(text);
}

function shiftFields(amount: number, unitText: string, sign: 1 | -1): ExpressionFields | null {
  const unit = unitText === "h" ? { unit: "hour" as const, factor: 1 } : unitValue(unitText);
  if (unit === null || amount <= 0) return null;
  const shift = wholeShift(amount * unit.factor, unit.unit);
  return shift === null ? null : { shift: { amount: sign * shift.amount, unit: shift.unit } };
}

/** "in 3 days", "in 2 more minutes", "in about half an hour", "in 1/4h", "in 2 and an half hours". */
export const inShiftParser: Parser = {
  name: "en/duckling-in-shift",
  pattern: new RegExp(
    `\\bin ${HEDGE}(?:(half an hour|half-an-hour|a half hour|a half-hour|half hour|(?:a )?quarter of an hour|three-quarters of an hour|three quarters of an hour|an hour and a half)|(${AMOUNT})${AND_HALF}(?: more)?(?: (${UNIT_PATTERN})\\b|(h)\\b| h\\b))`,
    "g",
  ),
  extract(match) {
    const [whole, phrase, amountText, unitText, letterH] = match;
    if (phrase !== undefined) {
      if (phrase.startsWith("three")) return { shift: { amount: 45, unit: "minute" } };
      if (phrase.includes("quarter")) return { shift: { amount: 15, unit: "minute" } };
      if (phrase.endsWith("a half")) return { shift: { amount: 90, unit: "minute" } };
      return { shift: { amount: 30, unit: "minute" } };
    }
    let amount = amountValue(amountText!);
    if (amount === null) return null;
    if (whole!.includes(" and a")) amount += 0.5;
    return shiftFields(amount, unitText ?? letterH ?? "h", 1);
  },
};

/** Seconds and minutes written with marks: "in 1\"", "in 15'". */
export const inMarkShiftParser: Parser = {
  name: "en/duckling-in-mark-shift",
  pattern: /\bin (\d{1,3}) ?('|"|’|”)(?![a-z0-9])/g,
  extract(match) {
    const unit = match[2] === '"' || match[2] === "”" ? "second" : "minute";
    return { shift: { amount: Number(match[1]), unit } };
  },
};

/** "in 15" alone: minutes, as Duckling reads a bare number after "in" that is no year or date. */
export const inMinutesParser: Parser = {
  name: "en/duckling-in-minutes",
  pattern: /\bin (\d{1,2})(?![\w'"./:-]| ?[a-z0-9])/g,
  extract(match) {
    const minutes = Number(match[1]);
    return minutes >= 1 && minutes < 60 ? { shift: { amount: minutes, unit: "minute" } } : null;
  },
};

/** "2 minutes from now", "a day from now", "3 weeks ago", "a fortnight hence", "7 days back". */
export const relativeShiftParser: Parser = {
  name: "en/duckling-relative-shift",
  pattern: new RegExp(
    `\\b(${AMOUNT})${AND_HALF} (${UNIT_PATTERN}) (from now|from today|later|ago|back|hence|before now|earlier)\\b`,
    "g",
  ),
  extract(match) {
    const [whole, amountText, unitText, direction] = match;
    let amount = amountValue(amountText!);
    if (amount === null) return null;
    if (whole!.includes(" and a")) amount += 0.5;
    const past =
      direction === "ago" || direction === "back" || direction === "earlier" || direction === "before now";
    const unit = unitValue(unitText!);
    // From today, days and weeks count whole days: "3 days from today" is a date, not an instant.
    if (direction === "from today" && unit !== null && (unit.unit === "day" || unit.unit === "week"))
      return Number.isInteger(amount)
        ? { date: { kind: "relative", days: amount * unit.factor * (unit.unit === "week" ? 7 : 1) } }
        : null;
    if (direction === "from today") return null;
    return shiftFields(amount, unitText!, past ? -1 : 1);
  },
};
