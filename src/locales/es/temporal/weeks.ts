// Calendar weeks (conventions, rule 18): "la semana que viene" and "la semana siguiente a la próxima"
// name a week (with a weekday said elsewhere in the text, that day of it; alone, no day to book).
import type { Parser } from "../../../temporal/types.js";

export const weekCycleParser: Parser = {
  name: "es/week-cycle",
  gate: { words: ["semana"] },
  pattern:
    /\b(?:la )?semana (?:que viene|proxima|entrante|(?:siguiente|despues) de la proxima|siguiente a la proxima|subsiguiente)\b|\b(?:la )?proxima semana\b/g,
  extract(match) {
    // "siguiente a la próxima", "después de la próxima", "subsiguiente": the week after next.
    const afterNext = match[0].includes("siguiente") || match[0].includes("despues");
    return { date: { kind: "cycle", unit: "week", offset: afterNext ? 2 : 1 } };
  },
};
