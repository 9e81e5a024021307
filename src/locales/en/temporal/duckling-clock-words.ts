// What English clock phrases share: am/pm as written, parts of the day said after a time, the words that
// lead a time ("at", "around"), minutes in words, and how a said am/pm or part of the day sets a time.
import type { TimeSpec } from "../../../temporal/types.js";
import { CARDINAL_PATTERN, cardinalValue } from "./duckling-words.js";

export const MERIDIEM = "am|pm|a\\.m\\.?|p\\.m\\.?|a m|p m";
export const PART =
  "in the morning|in the afternoon|in afternoon|in the evening|in evening|at night|tonight|this morning|this afternoon|this evening";
export const LEAD = "(?:(?:at|around|about|approximately|approx\\.?|@) ?)";
/** Minutes in words: "thirty", "fifty nine", "oh three", "zero five". */
export const MINUTE_WORDS = `(?:oh|o|ou|zero)[ -](?:one|two|three|four|five|six|seven|eight|nine)|${CARDINAL_PATTERN}`;

export function applyMeridiem(
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

export function minuteWordValue(text: string): number | null {
  const oh = /^(?:oh|o|ou|zero)[ -](.+)$/.exec(text);
  if (oh) return cardinalValue(oh[1]!);
  // "two three" is two numbers: a minute under ten is said "oh three".
  const value = cardinalValue(text);
  return value !== null && value >= 10 ? value : null;
}
