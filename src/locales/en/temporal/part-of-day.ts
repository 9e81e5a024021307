// Parts of the day: "in the morning", "tomorrow afternoon", "at night"; "this afternoon" and "tonight"
// are also today.
import type { Parser, PartOfDay } from "../../../temporal/types.js";

const PARTS: Record<string, PartOfDay> = {
  morning: "morning",
  afternoon: "afternoon",
  evening: "evening",
  night: "night",
  tonight: "evening",
  tonite: "evening",
  lunch: "noon",
  lunchtime: "noon",
};

export const partOfDayParser: Parser = {
  name: "en/part-of-day",
  gate: { words: ["morning", "afternoon", "evening", "night", "tonight", "tonite", "lunchtime", "lunch"] },
  pattern:
    /\b(?:(this|in the|during the|at|early in the|late in the|early|late|on|last|for) )?(morning|afternoon|evening|night|tonight|tonite|lunchtime|lunch)\b|\b(?:in )?the early hours of the morning\b/g,
  extract(match) {
    const [whole, modifier, word] = match;
    if (word === undefined || modifier === "early" || modifier === "early in the") {
      // "early morning", "the early hours of the morning": before the working day starts.
      return word === undefined || word === "morning" ? { partOfDay: "dawn" } : null;
    }
    const partOfDay = PARTS[word]!;
    if ((modifier === "late" && (word === "tonight" || word === "tonite")) || whole === "late night") {
      return { date: { kind: "relative", days: 0 }, partOfDay: "lateNight" };
    }
    if (modifier === "last" && word === "night")
      return { date: { kind: "relative", days: -1 }, partOfDay: "night" };
    if (modifier === "this" || word === "tonight" || word === "tonite") {
      return { date: { kind: "relative", days: 0 }, partOfDay };
    }
    if (word === "night" && modifier !== "at") return null;
    return { partOfDay };
  },
};

const BEFORE_HOUR: Record<string, PartOfDay> = {
  morning: "morning",
  afternoon: "afternoon",
  arvo: "afternoon",
  evening: "evening",
  night: "night",
  tonight: "evening",
};

/**
 * A part of the day before a bare hour (conventions, rule 19): "evening 5", "morning 11", "afternoon 3",
 * "arvo 4", "tonight 8" — the hour in that part of the day. Not before an amount ("morning 2 hours").
 */
export const partThenHourParser: Parser = {
  name: "en/part-then-hour",
  gate: { words: ["morning", "afternoon", "arvo", "evening", "night", "tonight"] },
  pattern:
    /\b(?:(in the|this) )?(morning|afternoon|arvo|evening|night|tonight)(?: (?:at|around|@))? (\d{1,2})(?::(\d{2}))?\b(?![:.,/-]?\d| ?(?:am|pm|a\.m|p\.m|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|people|persons|st|nd|rd|th|%))/g,
  extract(match) {
    const [, modifier, word, hourText, minuteText] = match;
    const hour = Number(hourText);
    const minute = minuteText === undefined ? 0 : Number(minuteText);
    if (hour > 23 || minute > 59) return null;
    const partOfDay = BEFORE_HOUR[word!]!;
    const time = { hour, minute, ...(minuteText !== undefined ? { minuteGiven: true } : {}) };
    // "this morning at 9", "tonight 8": today's.
    const today = word === "tonight" || modifier === "this";
    return today ? { date: { kind: "relative", days: 0 }, time, partOfDay } : { time, partOfDay };
  },
};
