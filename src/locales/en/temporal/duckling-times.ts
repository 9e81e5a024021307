// Clock times as Duckling reads them: written minutes make a minute reading ("4:00pm", "16h00", "15h"),
// times run together ("330 p.m.", "at 1030", "at 150ish"), spaced ("at 3 15"), spelled out ("twelve oh
// three", "nine fifty nine a m", "at three twenty"), hedged ("3ish pm", "3 oclock am", "3 in the AM"),
// counted from an hour ("at 20 past 3pm", "a quarter to noon", "15 minutes from 1pm"), and hour ranges
// that share one am/pm ("3-4pm", "9:30-11am").
import type { Parser, TimeSpec } from "../../../temporal/types.js";
import { CARDINAL_PATTERN, cardinalValue } from "./duckling-words.js";
import { HOUR_WORD_PATTERN, MONTH_PATTERN } from "./words.js";

const MERIDIEM = "am|pm|a\\.m\\.?|p\\.m\\.?|a m|p m";
const PART =
  "in the morning|in the afternoon|in afternoon|in the evening|in evening|at night|tonight|this morning|this afternoon|this evening";
const LEAD = "(?:(?:at|around|about|approximately|approx\\.?|@) ?)";
/** Minutes in words: "thirty", "fifty nine", "oh three", "zero five". */
const MINUTE_WORDS = `(?:oh|o|ou|zero)[ -](?:one|two|three|four|five|six|seven|eight|nine)|${CARDINAL_PATTERN}`;

function applyMeridiem(
  time: TimeSpec,
  meridiem: string | undefined,
  part: string | undefined,
): TimeSpec | null {
  const said = meridiem?.charAt(0) ?? (part === undefined ? undefined : part.endsWith("morning") ? "a" : "p");
  if (said === undefined) return time;
  if (time.hour > 12 || time.hour === 0) return null;
  time.meridiem = said === "a" ? "am" : "pm";
  return time;
}

function minuteWordValue(text: string): number | null {
  const oh = /^(?:oh|o|ou|zero)[ -](.+)$/.exec(text);
  if (oh) return cardinalValue(oh[1]!);
  // "two three" is two numbers: a minute under ten is said "oh three".
  const value = cardinalValue(text);
  return value !== null && value >= 10 ? value : null;
}

/** "4:00pm", "9:01:10 AM", "at 16:00": the minutes are said, so the reading is to the minute. */
export const clockParser: Parser = {
  name: "en/duckling-clock",
  pattern: new RegExp(
    `\\b${LEAD}?(\\d{1,2}):([0-5]\\d)(?::([0-5]\\d))?(?:(?: ?(${MERIDIEM}))(?![a-z])| (${PART})\\b)?(?![:.]?\\d)`,
    "g",
  ),
  extract(match) {
    const [, hourText, minuteText, secondText, meridiem, part] = match;
    const hour = Number(hourText);
    if (hour > 24) return null;
    const time = applyMeridiem({ hour, minute: Number(minuteText), minuteGiven: true }, meridiem, part);
    if (time !== null && secondText !== undefined) time.second = Number(secondText);
    if (time === null) return null;
    if (time.meridiem === undefined && (hourText!.startsWith("0") || hour > 12)) time.clock24 = true;
    return { time };
  },
};

/** "15h", "15h30", "at 3h18": the French-style 24-hour clock, read to the minute. */
export const hourMarkParser: Parser = {
  name: "en/duckling-hour-mark",
  pattern: /\b(?:(?:at|around|about|@) ?)?(\d{1,2})h([0-5]\d)?\b(?![:.]\d)/g,
  extract(match) {
    const hour = Number(match[1]);
    if (hour > 24) return null;
    return { time: { hour, minute: Number(match[2] ?? 0), clock24: true, minuteGiven: true } };
  },
};

/** "330 p.m.", "at 1030", "approximately 1030", "at 730 in the evening", "at 150ish". */
export const compactClockParser: Parser = {
  name: "en/duckling-compact-clock",
  pattern: new RegExp(
    `(?:\\b(${LEAD}))?\\b(\\d{1,2})([0-5]\\d)(?: ?ish)?(?:(?: ?(${MERIDIEM}))(?![a-z])| (${PART})\\b)?(?![\\d.,:/-]\\d)`,
    "g",
  ),
  extract(match) {
    const [, lead, hourText, minuteText, meridiem, part] = match;
    if (lead === undefined && meridiem === undefined && part === undefined) return null;
    return compactTime(hourText!, minuteText!, meridiem, part);
  },
};

function compactTime(
  hourText: string,
  minuteText: string,
  meridiem: string | undefined,
  part: string | undefined,
) {
  const hour = Number(hourText);
  if (hour > 23) return null;
  const time = applyMeridiem({ hour, minute: Number(minuteText), minuteGiven: true }, meridiem, part);
  return time === null ? null : { time };
}

/** "at 3 15", "at 12 05": hour and minutes apart, after "at" (alone, "3 30" is no time). */
export const spacedClockParser: Parser = {
  name: "en/duckling-spaced-clock",
  pattern: new RegExp(
    `\\b(?:at|@) ?(\\d{1,2}) ([0-5]\\d)\\b(?:(?: ?(${MERIDIEM}))(?![a-z])| (${PART})\\b)?(?! ?[:./-]?\\d)`,
    "g",
  ),
  extract(match) {
    return compactTime(match[1]!, match[2]!, match[3], match[4]);
  },
};

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

/** "3ish pm", "3 oclock am", "3 in the AM", "at three p.m.": an hour with its am/pm said. */
export const meridiemHourParser: Parser = {
  name: "en/duckling-meridiem-hour",
  pattern: new RegExp(
    `(?:\\b${LEAD})?\\b(\\d{1,2}|${HOUR_WORD_PATTERN})(?: ?ish)?(?: ?o'?clock)?(?: ?(${MERIDIEM})(?![a-z])| in the (am|pm|a\\.m\\.|p\\.m\\.)(?![a-z]))`,
    "g",
  ),
  extract(match) {
    const hour = cardinalValue(match[1]!);
    if (hour === null || hour > 12) return null;
    const time = applyMeridiem({ hour, minute: 0 }, match[2] ?? match[3], undefined);
    return time === null ? null : { time };
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

/** "mid day", "mid-day": noon. */
export const midDayParser: Parser = {
  name: "en/duckling-mid-day",
  pattern: /\b(?:the )?mid ?-?day\b/g,
  extract() {
    return { time: { hour: 12, minute: 0, clock24: true } };
  },
};

/** An hour said right before its day: "9 tomorrow", "at 5 tomorrow afternoon", "eight today". */
export const hourBeforeDayParser: Parser = {
  name: "en/duckling-hour-before-day",
  pattern: new RegExp(
    `\\b(?:(?:at|around|about) )?(\\d{1,2}|${HOUR_WORD_PATTERN})(?= (?:tomorrow|today|tonight|tmrw)\\b)`,
    "g",
  ),
  extract(match) {
    const hour = cardinalValue(match[1]!);
    return hour === null || hour > 23 ? null : { time: { hour, minute: 0 } };
  },
};

function rangeEnd(hourText: string, minuteText: string | undefined): TimeSpec | null {
  const hour = cardinalValue(hourText);
  if (hour === null || hour > 12) return null;
  const time: TimeSpec = { hour, minute: Number(minuteText ?? 0) };
  if (minuteText !== undefined) time.minuteGiven = true;
  return time;
}

/** "3-4pm", "9:30-11am", "from 3 to 5 p.m.", "between 1 and 2:30pm": one am/pm for both ends. */
export const hourRangeParser: Parser = {
  name: "en/duckling-hour-range",
  pattern: new RegExp(
    `\\b(?:(?:from|between) )?(\\d{1,2}|${HOUR_WORD_PATTERN})(?::([0-5]\\d))? ?(?:-|to|till|until|and) ?(\\d{1,2}|${HOUR_WORD_PATTERN})(?::([0-5]\\d))? ?(${MERIDIEM})(?![a-z])`,
    "g",
  ),
  extract(match) {
    const [, fromHour, fromMinute, toHour, toMinute, meridiem] = match;
    const from = rangeEnd(fromHour!, fromMinute);
    const to = rangeEnd(toHour!, toMinute);
    if (from === null || to === null) return null;
    const pm = meridiem!.startsWith("p");
    to.meridiem = pm ? "pm" : "am";
    // "11-1pm" crosses noon: the start is in the morning.
    const fromTwelve = from.hour % 12;
    const toTwelve = to.hour % 12;
    from.meridiem = fromTwelve > toTwelve && pm ? "am" : to.meridiem;
    return { interval: { from: { time: from }, to: { time: to } } };
  },
};
