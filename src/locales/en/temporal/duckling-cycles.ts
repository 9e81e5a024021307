// The present and the calendar's cycles around it: "now", "this week", "next quarter", "last yr", "the
// following month", "upcoming two weeks" (the week two weeks on), and spans of whole units: "next 3 days",
// "last two years", "past 2 weeks", "next few hours".
import type { CycleUnit, Parser } from "../../../temporal/types.js";
import { QUANTITY_PATTERN, quantityValue, unitValue } from "./duckling-words.js";

export const nowParser: Parser = {
  name: "en/duckling-now",
  pattern: /\b(?:right now|just now|now|at the moment|atm|as of now)\b/g,
  extract(match) {
    // "from now", "ago": the end of a shift, which the shift parsers read whole.
    const before = match.input.slice(Math.max(0, match.index - 5), match.index);
    if (match[0] === "now" && /from $/.test(before)) return null;
    return { date: { kind: "now" } };
  },
};

const CYCLE_UNITS = "week|month|quarter|qtr|year|yr";
const OFFSETS: Record<string, number> = {
  this: 0,
  current: 0,
  next: 1,
  coming: 1,
  upcoming: 1,
  following: 1,
  "the following": 1,
  "this coming": 1,
  last: -1,
  past: -1,
  previous: -1,
  "this past": -1,
  "the previous": -1,
};

function cycleUnit(word: string): CycleUnit {
  return unitValue(word)!.unit;
}

export const cycleParser: Parser = {
  name: "en/duckling-cycle",
  pattern: new RegExp(
    `\\b(this coming|this past|the following|the previous|this|current|next|coming|upcoming|following|last|past|previous) (${CYCLE_UNITS})\\b(?! of\\b)`,
    "g",
  ),
  extract(match) {
    return { date: { kind: "cycle", unit: cycleUnit(match[2]!), offset: OFFSETS[match[1]!]! } };
  },
};

/** "the week after next", "the month before last". */
export const cycleAfterNextParser: Parser = {
  name: "en/duckling-cycle-after-next",
  pattern: new RegExp(`\\b(?:the )?(${CYCLE_UNITS}) (after next|before last)\\b`, "g"),
  extract(match) {
    return {
      date: { kind: "cycle", unit: cycleUnit(match[1]!), offset: match[2] === "after next" ? 2 : -2 },
    };
  },
};

const SPAN_UNITS =
  "seconds|second|minutes|minute|mins|hours|hour|hrs|days|day|weeks|week|months|month|years|year|yrs";

/**
 * "upcoming two weeks" names one cycle, the one two weeks on (Duckling's reading), while "next two weeks"
 * is the span of the two coming weeks.
 */
export const upcomingCycleParser: Parser = {
  name: "en/duckling-upcoming-cycle",
  pattern: new RegExp(
    `\\b(?:upcoming (\\d{1,2}|${QUANTITY_PATTERN})|(\\d{1,2}|${QUANTITY_PATTERN}) upcoming) (days?|weeks?|months?|quarters?|qtrs?|years?|yrs?)\\b`,
    "g",
  ),
  extract(match) {
    const count = quantityValue(match[1] ?? match[2]!);
    if (count === null || count < 1) return null;
    return { date: { kind: "cycle", unit: unitValue(match[3]!)!.unit, offset: count } };
  },
};

export const spanParser: Parser = {
  name: "en/duckling-span",
  pattern: new RegExp(
    `\\b(next|following|coming|last|past|previous) (\\d{1,3}|${QUANTITY_PATTERN}) (${SPAN_UNITS}|quarters|qtrs)\\b`,
    "g",
  ),
  extract(match) {
    const count = quantityValue(match[2]!);
    const unit = unitValue(match[3]!);
    if (count === null || count < 1 || unit === null) return null;
    const direction = /^(?:next|following|coming)$/.test(match[1]!) ? "next" : "past";
    return { span: { count: count * unit.factor, unit: unit.unit, direction } };
  },
};
