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

/**
 * Una parte del día antes de una hora sola (conventions, rule 19): "tarde 5", "a la noche 9", "en la tarde
 * a las 3", "por la mañana 10". "mañana" needs its article: "mañana 10" is tomorrow at 10.
 */
export const partThenHourParser: Parser = {
  name: "es/part-then-hour",
  gate: { words: ["tarde", "noche", "madrugada", "manana"] },
  pattern:
    /\b(?:(a la|por la|en la|de la|esta) )?(manana|madrugada|tarde|noche)(?: (?:a las?|tipo|como a las?|sobre las?))? (\d{1,2})(?::(\d{2}))?\b(?![:.,/-]?\d| ?(?:am|pm|hs|h|horas?|minutos?|min|dias?|semanas?|meses|anos?|personas?|de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b))/g,
  extract(match) {
    const [, article, word, hourText, minuteText] = match;
    if (word === "manana" && article === undefined) return null;
    const hour = Number(hourText);
    const minute = minuteText === undefined ? 0 : Number(minuteText);
    if (hour > 23 || minute > 59) return null;
    const time = { hour, minute, ...(minuteText !== undefined ? { minuteGiven: true } : {}) };
    const partOfDay = PARTS[word!]!;
    return article === "esta"
      ? { date: { kind: "relative", days: 0 }, time, partOfDay }
      : { time, partOfDay };
  },
};
