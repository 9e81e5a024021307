// Parts of the day: "in the morning", "tomorrow afternoon", "at night"; "this afternoon" and "tonight"
// are also today.
import type { Parser, PartOfDay } from "../../types.js";

const PARTS: Record<string, PartOfDay> = {
  morning: "morning",
  afternoon: "afternoon",
  evening: "evening",
  night: "night",
  tonight: "evening",
};

export const partOfDayParser: Parser = {
  name: "en/part-of-day",
  pattern:
    /\b(?:(this|in the|during the|at|early in the|late in the|early|late|on) )?(morning|afternoon|evening|night|tonight)\b/g,
  extract(match) {
    const [, modifier, word] = match;
    const partOfDay = PARTS[word!]!;
    if (modifier === "this" || word === "tonight") return { date: { kind: "relative", days: 0 }, partOfDay };
    if (word === "night" && modifier !== "at") return null;
    return { partOfDay };
  },
};
