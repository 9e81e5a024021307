// Ranges written as one phrase. For Duckling's reading: "July 13-15", "from 13th to 15th July",
// "13 a 15 de julio", "3-4pm", "3:30-6 p.m.", "9h30 - 11h". For appointments (rule 20 and 27): two clock
// times joined as a range ("de 10 a 11:30", "10-11:30am"), a window ("between 3 and 5pm", "entre las 3 y
// las 5") or a choice ("3 or 4pm", "a las 10 o 11"), and an approximate hour ("3ish"). A bare number only
// reads as a day or an hour inside such a phrase, so these parsers see the whole phrase at once.

import type { ExpressionParts, Parser, TimeSpec } from "../../temporal/types.js";
import { MONTHS as ENGLISH_MONTHS } from "../en/temporal/words.js";
import { MONTHS as SPANISH_MONTHS } from "../es/temporal/words.js";

const MONTHS: Record<string, number> = { ...SPANISH_MONTHS, ...ENGLISH_MONTHS };
const MONTH = Object.keys(MONTHS)
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

const MERIDIEM = "am|pm|a\\.m\\.?|p\\.m\\.?";

function clock(hour: string, minute: string | undefined, meridiem: string | undefined): TimeSpec | null {
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

const SPAN_MARK = "am|pm|a\\.m\\.?|p\\.m\\.?|hs|hrs|h";
/** What a number after a span is counted in: "de 2 a 3 horas", "5 to 6 people", "10-12 de julio". */
const NOT_A_CLOCK_AFTER = new RegExp(
  `^ ?(?:-?\\d|/|st\\b|nd\\b|rd\\b|th\\b|%|(?:de |del |of )?(?:${MONTH})\\b|(?:min|minutes?|mins|hours?|horas?|hrs?|days?|dias?|weeks?|semanas?|months?|mes|meses|years?|anos?|people|persons?|personas?|times|veces|stars?|estrellas|km|kg|usd|dollars?|pesos|euros?)\\b)`,
);

/** The three ways two clock times are joined; the Parsing agent reads each its own way. */
export type SpanKind = "range" | "window" | "choice";

/** How a span's two times are joined, from its own words: "between"/"entre" a window, "or"/"o" a choice. */
export function spanKind(folded: string): SpanKind {
  if (WINDOW_LEAD.test(folded)) return "window";
  return CHOICE_JOINT.test(folded) ? "choice" : "range";
}

const WINDOW_LEAD = /^(?:in )?between |^entre /;
const CHOICE_JOINT = / (?:or|o) /;

/**
 * Two clock times for an appointment: "de 10 a 11:30", "from 10 to 11:30", "10–11:30", "10-11:30am",
 * "between 3 and 5pm", "entre las 3 y las 5", "3 or 4pm", "a las 10 o 11". Without a word before it, a
 * span needs a clock mark (minutes, am/pm, "hs") or "to": "10-11" may be a date, and Spanish "el viernes
 * 17 a las 8" is a day and an hour, so "a" and "hasta" join two times only after "de"/"desde".
 */
export const timeSpanParser: Parser = {
  name: "common/time-span",
  gate: { digit: true },
  pattern: new RegExp(
    `(?<![\\d/.:,-])\\b(?:(from|in between|between|de|desde|entre|at|a las|a la) (?:las? )?)?(\\d{1,2})(?:[:h.](\\d{2}))?(?: ?(${SPAN_MARK})(?![a-z]))? ?(?:(-|–|—)|(to|till|til|until|thru|through|and|or|a|y|o|hasta)(?= )) ?(?:las? )?(\\d{1,2})(?:[:h.](\\d{2}))?(?![\\d:])(?: ?(${SPAN_MARK})(?![a-z]))?`,
    "g",
  ),
  extract(match) {
    const [whole, lead, fromHour, fromMinute, fromMark, dash, word, toHour, toMinute, toMark] = match;
    const after = match.input.slice(match.index + whole!.length);
    if (NOT_A_CLOCK_AFTER.test(after)) return null;
    const marked = fromMinute !== undefined || toMinute !== undefined || (fromMark ?? toMark) !== undefined;
    const window = lead === "between" || lead === "in between" || lead === "entre";
    const choice = word === "or" || word === "o";
    const at = lead === "at" || lead === "a las" || lead === "a la";
    if ((word === "and" || word === "y") && !window) return null;
    if (choice ? !(at || marked) || window : at && dash === undefined) return null;
    if ((word === "a" || word === "hasta") && lead !== "de" && lead !== "desde" && !window) return null;
    if (dash !== undefined && lead === undefined && !marked) return null;
    const to = clock(toHour!, toMinute, markMeridiem(toMark));
    const inherited =
      markMeridiem(fromMark) ?? (Number(fromHour) <= Number(toHour) ? markMeridiem(toMark) : undefined);
    const from = clock(fromHour!, fromMinute, inherited);
    if (from === null || to === null) return null;
    for (const [end, mark] of [
      [from, fromMark ?? toMark],
      [to, toMark],
    ] as const) {
      if (mark?.startsWith("h")) end.clock24 = true;
    }
    return { interval: { from: { time: from }, to: { time: to } } };
  },
};

function markMeridiem(mark: string | undefined): string | undefined {
  return mark === undefined || mark.startsWith("h") ? undefined : mark;
}

/** "3ish", "3:30ish", "3-ish": that time (rule 20), "tomorrow 3ish" as "tomorrow around 3". */
export const approximateTimeParser: Parser = {
  name: "common/approximate-time",
  gate: { digit: true },
  pattern: new RegExp(`\\b(\\d{1,2})(?::(\\d{2}))? ?(${MERIDIEM})? ?-?ish\\b`, "g"),
  extract(match) {
    const time = clock(match[1]!, match[2], match[3]);
    return time === null ? null : { time };
  },
};

/** The patterns above that are not a parser's, for the ReDoS gate. */
export const SPAN_PATTERNS: readonly RegExp[] = [NOT_A_CLOCK_AFTER, WINDOW_LEAD, CHOICE_JOINT];
