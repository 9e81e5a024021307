// Latent readings: what Duckling reads only when asked for latent entities, since alone it is as often no
// time at all: a bare number as an hour ("7", "7p"), a bare year ("1974"), "May", "the 24", a time run
// together ("tonight 815") or spelled out with nothing around it ("ten thirty").
import type { Parser } from "../../../temporal/types.js";
import { bareMayParser, bareYearParser } from "./duckling-months.js";
import { latentSpelledClockParser } from "./duckling-spelled-times.js";

/** "7", "7a", "7p": an hour, and "815", "1030": an hour and its minutes. */
export const bareHourParser: Parser = {
  name: "en/duckling-bare-hour",
  pattern: /(?<![\d.,:/$€£-])\b(\d{1,2})([0-5]\d)?(a|p)?\b(?![.,:/-]?\d| ?%)/g,
  extract(match) {
    const hour = Number(match[1]);
    const minute = match[2] !== undefined ? Number(match[2]) : 0;
    if (hour > 23 || (match[3] !== undefined && (hour > 12 || hour === 0))) return null;
    const meridiem = match[3] === undefined ? undefined : match[3] === "a" ? "am" : "pm";
    return { time: { hour, minute, meridiem, minuteGiven: match[2] !== undefined } };
  },
};

/** "the 24": a day of the month without its ordinal suffix. */
export const theDayParser: Parser = {
  name: "en/duckling-the-day",
  pattern: /\bthe ([12]\d|3[01]|[1-9])\b(?![.,:/-]?\d| ?(?:st|nd|rd|th)\b)/g,
  extract(match) {
    return { date: { kind: "calendar", day: Number(match[1]) } };
  },
};

export const englishLatentDucklingParsers: readonly Parser[] = [
  bareYearParser,
  bareMayParser,
  theDayParser,
  latentSpelledClockParser,
  bareHourParser,
];
