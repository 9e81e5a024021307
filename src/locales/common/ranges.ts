// Ranges written as one phrase, for Duckling's reading: "July 13-15", "from 13th to 15th July",
// "13 a 15 de julio", "3-4pm", "3:30-6 p.m.", "9h30 - 11h". A bare number only reads as a day or an hour
// inside such a range, so these parsers see the whole range at once. The appointment reading of two clock
// times (rules 20 and 27) is ./time-spans.ts.

import type { ExpressionParts, Parser, TimeSpec } from "../../temporal/types.js";
import { MONTHS as ENGLISH_MONTHS } from "../en/temporal/words.js";
import { MONTHS as SPANISH_MONTHS } from "../es/temporal/words.js";

const MONTHS: Record<string, number> = { ...SPANISH_MONTHS, ...ENGLISH_MONTHS };
export const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const TO = "-|to|thru|through|till|until|a|al|hasta";
const ORDINAL = "(?:st|nd|rd|th|º)?";

function day(value: number, month: number, year: number | undefined): ExpressionParts | null {
  if (value < 1 || value > 31) return null;
  return { date: { kind: "calendar", day: value, month, year } };
}

/** "from 13th to the 15th of July", "13 a 15 de julio de 2013", "1-8 september". */
export const dayRangeParser: Parser = {
  name: "common/day-range",
  pattern: new RegExp(
    `\\b(?:(?:from|del|de|desde) )?(?:the |el )?(\\d{1,2})${ORDINAL} ?(?:${TO}) ?(?:the |el )?(\\d{1,2})${ORDINAL}(?: of| de)? (${MONTH})\\b\\.?(?:,? (?:de |del |of )?(\\d{4}))?`,
    "g",
  ),
  extract(match) {
    const month = MONTHS[match[3]!]!;
    const year = match[4] === undefined ? undefined : Number(match[4]);
    const from = day(Number(match[1]), month, year);
    const to = day(Number(match[2]), month, year);
    return from && to ? { interval: { from, to } } : null;
  },
};

/** "July 13-15", "August 27th - 29th", "from July 13 through 15". */
export const monthDayRangeParser: Parser = {
  name: "common/month-day-range",
  pattern: new RegExp(
    `\\b(?:from )?(${MONTH})\\.? (\\d{1,2})${ORDINAL} ?(?:${TO}) ?(\\d{1,2})${ORDINAL}\\b(?:,? (\\d{4}))?`,
    "g",
  ),
  extract(match) {
    const month = MONTHS[match[1]!]!;
    const year = match[4] === undefined ? undefined : Number(match[4]);
    const from = day(Number(match[2]), month, year);
    const to = day(Number(match[3]), month, year);
    return from && to ? { interval: { from, to } } : null;
  },
};

export const MERIDIEM = "am|pm|a\\.m\\.?|p\\.m\\.?";

export function clock(
  hour: string,
  minute: string | undefined,
  meridiem: string | undefined,
): TimeSpec | null {
  const value: TimeSpec = { hour: Number(hour), minute: minute === undefined ? 0 : Number(minute) };
  if (value.hour > 24 || value.minute > 59) return null;
  if (minute !== undefined) value.minuteGiven = true;
  if (meridiem !== undefined) value.meridiem = meridiem.startsWith("a") ? "am" : "pm";
  else if (value.hour > 12 || hour.startsWith("0")) value.clock24 = true;
  return value;
}

/** "3-4pm", "3:30-6 p.m.", "9h30 - 11h", "between 1-2:30": the second end's am/pm also holds for the first. */
export const clockRangeParser: Parser = {
  name: "common/clock-range",
  pattern: new RegExp(
    `\\b(?:(from|between|in between|de|desde|entre) )?(\\d{1,2})(?:[:h](\\d{2}))? ?(${MERIDIEM})? ?(?:-|to|and|till|until|a|y) ?(\\d{1,2})(?:[:h](\\d{2}))?(?: ?(${MERIDIEM})|h\\b|(?= ?ish))?`,
    "g",
  ),
  extract(match) {
    const [whole, lead, fromHour, fromMinute, fromMeridiem, toHour, toMinute, toMeridiem] = match;
    // Two bare numbers ("3 to 4") need a clock mark on one side (a meridiem, minutes or "h"), or a range
    // lead: "de 9 a 11", "from 3 to 5".
    if (
      lead === undefined &&
      fromMinute === undefined &&
      toMinute === undefined &&
      toMeridiem === undefined &&
      !/\d ?h/.test(whole!)
    ) {
      return null;
    }
    const to = clock(toHour!, toMinute, toMeridiem);
    const inherited = fromMeridiem ?? (Number(fromHour) <= Number(toHour) ? toMeridiem : undefined);
    const from = clock(fromHour!, fromMinute, inherited);
    if (/\d ?h/.test(whole!)) {
      if (to) to.clock24 = true;
      if (from) from.clock24 = true;
    }
    return from && to ? { interval: { from: { time: from }, to: { time: to } } } : null;
  },
};

export const rangeParsers: readonly Parser[] = [dayRangeParser, monthDayRangeParser, clockRangeParser];
