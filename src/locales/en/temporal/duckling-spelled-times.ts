// Times in words, as Duckling reads them: spelled out ("twelve oh three", "nine fifty nine a m", "at three
// twenty", latent when alone) and counted from an hour ("at 20 past 3pm", "a quarter to noon", "15 minutes
// from 1pm").
import type { Parser, TimeSpec } from "../../../temporal/types.js";
import {
  applyMeridiem,
  LEAD,
  MERIDIEM,
  MINUTE_WORDS,
  minuteWordValue,
  PART,
} from "./duckling-clock-words.js";
import { CARDINAL_PATTERN, cardinalValue } from "./duckling-words.js";
import { HOUR_WORD_PATTERN, MONTH_PATTERN } from "./words.js";

function spelledTime(match: RegExpExecArray, latent: boolean) {
  const [, lead, hourText, minuteText, meridiem, part] = match;
  if (!latent && lead === undefined && meridiem === undefined && part === undefined) return null;
  const hour = cardinalValue(hourText!);
  const minute = minuteWordValue(minuteText!);
  if (hour === null || minute === null || minute < 1 || minute > 59) return null;
  const time = applyMeridiem({ hour, minute, minuteGiven: true }, meridiem, part);
  return time === null ? null : { time };
}

const SPELLED_CLOCK = `(?:\\b(${LEAD}))?\\b(${HOUR_WORD_PATTERN})[ -](${MINUTE_WORDS})\\b(?:(?: ?(${MERIDIEM}))(?![a-z])| (${PART})\\b)?`;

/** "at three twenty", "nine fifty nine a m", "seven thirty p.m.": a spelled time said as one. */
export const spelledClockParser: Parser = {
  name: "en/duckling-spelled-clock",
  pattern: new RegExp(SPELLED_CLOCK, "g"),
  extract(match) {
    return spelledTime(match, false);
  },
};

/** "ten thirty", "twelve oh three" alone: latent, since "three twenty" may be two counts. */
export const latentSpelledClockParser: Parser = {
  name: "en/duckling-latent-spelled-clock",
  pattern: new RegExp(SPELLED_CLOCK, "g"),
  extract(match) {
    return spelledTime(match, true);
  },
};

const MINUTE_AMOUNT = `a quarter|quarter|half|\\d{1,2}|${CARDINAL_PATTERN}`;
const HOUR_REFERENCE = `(noon|midday|midnight)|(\\d{1,2}|${HOUR_WORD_PATTERN})(?:(?: ?(${MERIDIEM}))(?![a-z])|(h)\\b)?`;

/** "at 20 past 3pm", "a quarter to noon", "twenty after 3pm", "15 minutes past 15h", "15 minutes from 1pm". */
export const minutesFromHourParser: Parser = {
  name: "en/duckling-minutes-from-hour",
  pattern: new RegExp(
    `\\b(?:(?:at|around|about|for) )?(${MINUTE_AMOUNT})( minutes| minute| mins| min)? (past|after|to|till|til|before|of|from) (?:${HOUR_REFERENCE})(?![:./-]?\\d| ?(?:st|nd|rd|th)\\b| (?:${MONTH_PATTERN})\\b)`,
    "g",
  ),
  extract(match) {
    const [, amountText, unit, direction, named, hourText, meridiem, mark] = match;
    const amount = amountText!.endsWith("quarter")
      ? 15
      : amountText === "half"
        ? 30
        : cardinalValue(amountText!);
    if (amount === null || amount < 1 || amount > 59) return null;
    const before = /^(?:to|till|til|before|of)$/.test(direction!);
    // "10 to 3" is as often a range as a time: a bare count needs "minutes" or a marked hour.
    const marked = named !== undefined || meridiem !== undefined || mark !== undefined;
    if (/^\d/.test(amountText!) && unit === undefined && !marked && before) return null;
    if (direction === "from" && !marked) return null;
    if (named !== undefined) {
      const hour = named === "midnight" ? 0 : 12;
      const time: TimeSpec = before
        ? { hour, minute: 0, clock24: true, minutesBefore: amount }
        : { hour, minute: amount, clock24: true };
      return { time };
    }
    const hour = cardinalValue(hourText!);
    if (hour === null || hour > 24) return null;
    const time: TimeSpec = before ? { hour, minute: 0, minutesBefore: amount } : { hour, minute: amount };
    if (mark !== undefined || hour > 12) time.clock24 = true;
    const withMeridiem = applyMeridiem(time, meridiem, undefined);
    return withMeridiem === null ? null : { time: withMeridiem };
  },
};
