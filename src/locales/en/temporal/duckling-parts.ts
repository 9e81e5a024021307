// Parts of the day Duckling reads beyond the core ones: "night" alone, "last night", "lunch" (noon to two),
// and "as soon as possible" (from now on).
import type { Parser } from "../../../temporal/types.js";

export const nightParser: Parser = {
  name: "en/duckling-night",
  pattern: /(?<!\bgood )\b(?:(last|this|tomorrow|tmrw) )?(night|nite|tonite)\b/g,
  extract(match) {
    const [, modifier, word] = match;
    if (word === "tonite" || modifier === "this")
      return { date: { kind: "relative", days: 0 }, partOfDay: "night" };
    if (modifier === "last") return { date: { kind: "relative", days: -1 }, partOfDay: "night" };
    if (modifier !== undefined) return { date: { kind: "relative", days: 1 }, partOfDay: "night" };
    return { partOfDay: "night" };
  },
};

export const lunchParser: Parser = {
  name: "en/duckling-lunch",
  pattern: /\b(?:(?:at|for|during|over) )?(?:lunch ?time|lunch)\b/g,
  extract() {
    return { partOfDay: "noon" };
  },
};

export const asapParser: Parser = {
  name: "en/duckling-asap",
  pattern: /\b(?:asap|as soon as possible)\b/g,
  extract() {
    return { interval: { from: { date: { kind: "now" } }, open: "after" } };
  },
};
