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
