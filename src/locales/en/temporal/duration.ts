// Durations, only what the user said: "for an hour", "45 minutes", "a 30 minute call", "90-minute",
// "1.5 hours", "an hour and a half", "half an hour", "1h30", "1 hour 30 minutes".
import type { Parser } from "../../../temporal/types.js";
import { COUNT_WORD_PATTERN, numberValue } from "./words.js";

export const durationParser: Parser = {
  name: "en/duration",
  pattern: new RegExp(
    `\\b(?:for )?(?:(\\d{1,3}(?:\\.\\d)?)|(${COUNT_WORD_PATTERN}))(?: |-)?(minutes?|mins?|hours?|hrs?|hr|h)\\b(?: and a half|,? (?:and )?(\\d{1,2}) ?(?:minutes?|mins?)\\b)?`,
    "g",
  ),
  extract(match) {
    const [whole, digits, word, unit, extraMinutes] = match;
    const amount = digits !== undefined ? Number(digits) : numberValue(word!);
    if (amount === null || amount === 0) return null;
    const isHour = unit!.startsWith("h");
    // "3h" alone is a clock time (24-hour); as a duration it needs "for".
    if (unit === "h" && !whole!.startsWith("for")) return null;
    let minutes = isHour ? amount * 60 : amount;
    if (whole!.endsWith("a half")) minutes += isHour ? 30 : 0;
    if (extraMinutes !== undefined) minutes += Number(extraMinutes);
    if (!Number.isInteger(minutes)) return null;
    return minutes <= 24 * 60 ? { durationMinutes: minutes } : null;
  },
};

export const durationPhraseParser: Parser = {
  name: "en/duration-phrase",
  gate: { digit: true, words: ["half"] },
  pattern:
    /\b(?:for )?(?:(half an hour|half-hour|half hour)|(?:an |one )?hour and a half|([1-3])h([0-5]\d))\b/g,
  extract(match) {
    if (match[1] !== undefined) return { durationMinutes: 30 };
    if (match[2] !== undefined) return { durationMinutes: Number(match[2]) * 60 + Number(match[3]) };
    return { durationMinutes: 90 };
  },
};
