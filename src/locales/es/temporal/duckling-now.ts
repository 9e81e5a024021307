// The present: "ahora", "ahora mismo", "ahorita", "ya", "cuanto antes", "lo antes posible" (Duckling's now,
// to the second); "en este momento" and "en este preciso momento" are today in Duckling's Spanish rules.
import type { Parser } from "../../../temporal/types.js";

export const nowParser: Parser = {
  name: "es/duckling-now",
  pattern:
    /\b(?:(ahora mismo|ahora|ahorita|ya|cuanto antes|lo antes posible|lo mas pronto posible)|(en este (?:preciso )?momento|en el dia de hoy))\b/g,
  extract(match) {
    if (match[2] !== undefined) return { date: { kind: "relative", days: 0 } };
    return { date: { kind: "now" } };
  },
};
