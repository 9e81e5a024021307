// Offsets from now: "en 3 días", "dentro de una semana", "en dos semanas", "dentro de 2 horas",
// and Spain's "de hoy en ocho" (a week from today). Whole weeks keep their count, so a weekday said with
// them names a day of that week (conventions, rule 18).
import type { Parser } from "../../../temporal/types.js";
import { COUNT_WORD_PATTERN, numberValue } from "./words.js";

export const relativeOffsetParser: Parser = {
  name: "es/relative-offset",
  gate: {
    words: ["dia", "dias", "semana", "semanas", "hora", "horas", "minuto", "minutos", "min", "mins", "hs"],
  },
  pattern: new RegExp(
    `\\b(?:dentro de|en) (?:(\\d{1,3})|(${COUNT_WORD_PATTERN})) (dias?|semanas?|horas?|minutos?|mins?|hs)\\b`,
    "g",
  ),
  extract(match) {
    const amount = numberValue(match[1] ?? match[2]!);
    if (amount === null) return null;
    const unit = match[3]!;
    if (unit.startsWith("dia")) return { date: { kind: "relative", days: amount } };
    if (unit.startsWith("semana")) return { date: { kind: "relative", days: amount * 7, weeks: amount } };
    return { offsetMinutes: unit.startsWith("min") ? amount : amount * 60 };
  },
};

export const weekFromDayParser: Parser = {
  name: "es/week-from-day",
  gate: { words: ["ocho", "quince"] },
  pattern: /\b(?:de )?(hoy|manana) en (ocho|quince)(?: dias)?\b/g,
  extract(match) {
    const base = match[1] === "hoy" ? 0 : 1;
    return { date: { kind: "relative", days: base + (match[2] === "ocho" ? 7 : 14) } };
  },
};
