// Parts of the day: "por la tarde", "a la tarde" (Rioplatense), "en la mañana" (Mexican), "de noche";
// "esta tarde" and "esta noche" are also today.
import type { Parser, PartOfDay } from "../../../temporal/types.js";
import { isAppointmentOfTomorrow } from "./relative-day.js";

const PARTS: Record<string, PartOfDay> = {
  manana: "morning",
  madrugada: "dawn",
  tarde: "afternoon",
  noche: "night",
};

export const partOfDayParser: Parser = {
  name: "es/part-of-day",
  gate: { words: ["manana", "madrugada", "tarde", "noche"] },
  pattern:
    /\b(por la|en la|a la|de la|durante la|esta|temprano en la|de|a primera hora de la) (manana|madrugada|tarde|noche)\b/g,
  extract(match) {
    // "mi cita de mañana" is tomorrow's (the relative-day parser reads it), not a morning one.
    if (match[1] === "de" && match[2] === "manana" && isAppointmentOfTomorrow(match.input, match.index + 3)) {
      return null;
    }
    const partOfDay = PARTS[match[2]!]!;
    if (match[1] === "esta") return { date: { kind: "relative", days: 0 }, partOfDay };
    return { partOfDay };
  },
};
