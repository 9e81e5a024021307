// hoy, mañana, pasado mañana, ayer, anteayer. "mañana" after "la"/"esta" is the morning, not tomorrow,
// and is left to the part-of-day parser.
import type { Parser } from "../../../temporal/types.js";

/** "la mañana", "esta mañana", "de mañana" (checked on the few characters before the word). */
export const MORNING_ARTICLE = /\b(la|esta|de) $/;

const DAYS: Record<string, number> = {
  hoy: 0,
  manana: 1,
  "pasado manana": 2,
  ayer: -1,
  anteayer: -2,
  antier: -2,
};

export const relativeDayParser: Parser = {
  name: "es/relative-day",
  gate: { words: ["manana", "anteayer", "antier", "ayer", "hoy"] },
  pattern: /\b(pasado manana|anteayer|antier|ayer|hoy|manana)\b/g,
  extract(match) {
    const word = match[1]!;
    if (
      word === "manana" &&
      MORNING_ARTICLE.test(match.input.slice(Math.max(0, match.index - 6), match.index))
    ) {
      return null;
    }
    return { date: { kind: "relative", days: DAYS[word]! } };
  },
};
