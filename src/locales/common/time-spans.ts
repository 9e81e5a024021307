// Two clock times for an appointment read as one phrase (rules 20 and 27): a range ("de 10 a 11:30",
// "10-11:30am"), a window ("between 3 and 5pm", "entre las 3 y las 5") or a choice ("3 or 4pm", "a las 10
// o 11"), and an approximate hour ("3ish"). A bare number only reads as an hour inside such a phrase, so
// these parsers see the whole phrase at once; agents/parsing/rules/windows.ts reads what each means.
import type { Parser } from "../../temporal/types.js";
import { clock, MERIDIEM, MONTH } from "./ranges.js";

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
