// Clock times: "at 3", "3pm", "3 p.m.", "10:30am", "15:00", "at ten", "3 o'clock", "9 in the morning",
// "half past 3", "quarter to 5", "ten past 4", UK "half 3", "noon", "midnight".
import type { Parser, TimeSpec } from "../../../temporal/types.js";
import { HOUR_WORD_PATTERN, MINUTE_WORD_PATTERN, MINUTE_WORDS, numberValue } from "./words.js";

const PREFIX = "at|around|about|by|from|before|after|until|til|till|approx|approximately";
const PART =
  "in the morning|in the afternoon|in the evening|in the night|at night|tonight|this morning|this afternoon|this evening|in the am|in the pm";

const UNIT_AFTER = /^[ -]?(?:minutes?|mins?|hours?|hrs?|seconds?|secs?)\b/;

function applyPart(time: TimeSpec, part: string | undefined): void {
  if (part === undefined) return;
  time.meridiem = part.endsWith("morning") || part.endsWith("am") ? "am" : "pm";
}

function applySuffix(time: TimeSpec, suffix: string | undefined): void {
  if (suffix === undefined) return;
  if (suffix.startsWith("a")) time.meridiem = "am";
  else if (suffix.startsWith("p")) time.meridiem = "pm";
  else if (suffix.startsWith("h")) time.clock24 = true;
}

export const timeParser: Parser = {
  name: "en/time",
  pattern: new RegExp(
    `(?:\\b(${PREFIX}) |(@) ?)?\\b(\\d{1,2}|${HOUR_WORD_PATTERN})(?:(:|\\.|h)(\\d{2}))?(?:(?: ?(am|pm|a\\.m\\.?|p\\.m\\.?|hrs|hs|h|o'clock|oclock)|(a|p))(?![a-z])| (${PART}))?`,
    "g",
  ),
  extract(match) {
    const [, word, at, hourText, separator, minuteText, suffix, letter, part] = match;
    const prefix = word ?? at;
    // "about 15 minutes", "a 30 min call": an amount of time, not a clock time (rules 8 and 23).
    if (
      suffix === undefined &&
      part === undefined &&
      UNIT_AFTER.test(match.input.slice(match.index + match[0].length))
    )
      return null;
    // "at 4.8" (a rating) is a decimal number, not a clock time.
    if (minuteText === undefined && /^[.,]\d/.test(match.input.slice(match.index + match[0].length)))
      return null;
    const hour = numberValue(hourText!);
    if (hour === null || hour > 24) return null;
    const isDigits = /^\d/.test(hourText!);
    const marked = suffix !== undefined || letter !== undefined || part !== undefined;
    if (!isDigits && prefix === undefined && !marked) return null;
    if (isDigits && prefix === undefined && minuteText === undefined && !marked) return null;
    // "10.30" is a time only with am/pm or a prefix; otherwise it may be a price or a version.
    if (separator === "." && prefix === undefined && !marked) return null;
    if ((prefix === "from" || prefix === "by") && !marked && minuteText === undefined && !isDigits)
      return null;
    const minute = minuteText !== undefined ? Number(minuteText) : 0;
    if (minute > 59) return null;
    const time: TimeSpec = { hour, minute };
    // "15h15" and "15h" are 24-hour clock read to the minute (as Duckling reads them).
    if (separator === "h") time.clock24 = true;
    if (minuteText !== undefined || suffix === "h") time.minuteGiven = true;
    applySuffix(time, suffix ?? letter);
    applyPart(time, part);
    // "12 at night", "12 tonight": midnight (rule 28), where the part of the day would make it noon.
    if (hour === 12 && part?.endsWith("night")) Object.assign(time, { meridiem: "am", midnight: true });
    if (isDigits && hourText!.length === 2 && hourText!.startsWith("0") && time.meridiem === undefined)
      time.clock24 = true;
    if (time.meridiem !== undefined && (hour > 12 || hour === 0)) delete time.meridiem;
    const certainty = letter !== undefined ? 0.9 : 1;
    // "4a" may as well be a flat or a grade: Duckling reads it only when asked for latent readings.
    return { time, certainty, ...(letter === "a" && minuteText === undefined ? { latent: true } : {}) };
  },
};

export const relativeTimeParser: Parser = {
  name: "en/relative-time",
  gate: { words: ["past", "after", "to", "till", "til", "of", "from"] },
  pattern: new RegExp(
    `\\b(?:(?:at|around|about|for) )?(?:(${MINUTE_WORD_PATTERN})|(\\d{1,2})( minutes| mins)?) (past|after|to|till|til|of|from) (\\d{1,2}(?!\\d)|(?:${HOUR_WORD_PATTERN}|noon|midnight)\\b)(?: ?(am|pm|a\\.m\\.?|p\\.m\\.?)(?![a-z])| (${PART}))?`,
    "g",
  ),
  extract(match) {
    const [, word, digits, unit, direction, hourText, suffix, part] = match;
    const named = hourText === "noon" || hourText === "midnight";
    const hour = named ? (hourText === "noon" ? 12 : 0) : numberValue(hourText!);
    const offset = word !== undefined ? MINUTE_WORDS[word] : Number(digits);
    if (hour === null || hour > 12 || offset === undefined || offset > 59) return null;
    const before = direction === "to" || direction === "till" || direction === "til" || direction === "of";
    // "3 to 5" is a range and "10 from 1pm" unclear: a bare number before the hour needs "past"/"after",
    // or a named hour ("15 to noon").
    if (
      digits !== undefined &&
      unit === undefined &&
      !named &&
      direction !== "past" &&
      direction !== "after"
    ) {
      return null;
    }
    if (direction === "from" && unit === undefined) return null;
    const time: TimeSpec = before ? { hour, minute: 0, minutesBefore: offset } : { hour, minute: offset };
    time.minuteGiven = true;
    if (named) time.clock24 = true;
    applySuffix(time, suffix);
    applyPart(time, part);
    if (time.meridiem !== undefined && (time.hour > 12 || time.hour === 0)) delete time.meridiem;
    return { time };
  },
};

/** British "half three" is 3:30. */
export const halfHourParser: Parser = {
  name: "en/half-hour",
  gate: { words: ["half"] },
  pattern: new RegExp(
    `\\b(?:(?:at|around) )?half (\\d{1,2}|${HOUR_WORD_PATTERN})\\b(?! (?:an? |hour))(?: ?(am|pm)\\b)?`,
    "g",
  ),
  extract(match) {
    const hour = numberValue(match[1]!);
    if (hour === null || hour < 1 || hour > 12) return null;
    const time: TimeSpec = { hour, minute: 30 };
    applySuffix(time, match[2]);
    return { time, certainty: 0.9 };
  },
};

export const noonParser: Parser = {
  name: "en/noon",
  gate: { words: ["noon", "midday", "mid", "midnight", "midnite"] },
  pattern: /\b(?:(?:at|around|by) )?(?:12 )?(noon|midday|mid-day|midnight|midnite)\b/g,
  extract(match) {
    if (!match[1]!.startsWith("midn")) return { time: { hour: 12, minute: 0, clock24: true } };
    return { time: { hour: 0, minute: 0, clock24: true, midnight: true } };
  },
};
