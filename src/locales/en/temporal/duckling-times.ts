// Clock times in digits as Duckling reads them: written minutes make a minute reading ("4:00pm", "16h00",
// "15h"), times run together ("330 p.m.", "at 1030", "at 150ish"), spaced ("at 3 15"), hedged ("3ish pm",
// "3 oclock am", "3 in the AM"), an hour before its day ("9 tomorrow"), and hour ranges that share one
// am/pm ("3-4pm", "9:30-11am"). Times in words are duckling-spelled-times.ts.
import type { Parser, TimeSpec } from "../../../temporal/types.js";
import { applyMeridiem, LEAD, MERIDIEM, PART } from "./duckling-clock-words.js";
import { cardinalValue } from "./duckling-words.js";
import { HOUR_WORD_PATTERN } from "./words.js";

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
