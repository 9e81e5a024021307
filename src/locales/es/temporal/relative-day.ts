// hoy, mañana, pasado mañana, ayer, anteayer. "mañana" after "la"/"esta" is the morning, not tomorrow,
// and is left to the part-of-day parser; after "de" too, except after an appointment of ours ("mi cita de
// mañana", "el turno de mañana" are tomorrow's: the way people name what they cancel or move).
import type { Parser } from "../../../temporal/types.js";

/** "la mañana", "esta mañana", "de mañana" (checked on the few characters before the word). */
export const MORNING_ARTICLE = /\b(la|esta|de) $/;
/**
 * "mi cita de ", "el turno de ", "la limpieza dental de ": before "mañana", the appointment is tomorrow's
 * (checked on the text before). "un turno de mañana" is a morning one.
 */
export const APPOINTMENT_OF =
  /\b(?:mi|mis|el|los|la|las|tu|su|nuestr[ao]) (?:cita|turno|hora|reserva|consulta|sesion|reunion|clase|visita|limpieza|revision|entrevista|terapia|masaje|corte|vacuna)s?(?: dental| medica| de control)? de $/;
const REACH = 40;
/**
 * "el turno del dentista de mañana a las 3": after the person or service of a named appointment ("del
 * dentista", "con la Dra. Ruiz"), "de mañana" with a clock after it is tomorrow's; "un turno de mañana a
 * las 9" stays a morning one, and the morning follows its hour ("a las 8 de mañana").
 */
export const NAMED_BEFORE = /\b(?:del|de la|con el|con la|con) [a-z.]+(?: [a-z]+)? de $/;
export const CLOCK_AFTER = /^ (?:a las?|a eso de|tipo|sobre las?|para las?|\d)/;

/** Whether "mañana" at `index` names tomorrow's appointment ("mi cita de mañana", "… de mañana a las 3"). */
export function isAppointmentOfTomorrow(input: string, index: number): boolean {
  const before = input.slice(Math.max(0, index - REACH), index);
  if (APPOINTMENT_OF.test(before)) return true;
  const after = input.slice(index + "manana".length, index + "manana".length + 12);
  return NAMED_BEFORE.test(before) && CLOCK_AFTER.test(after);
}

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
      MORNING_ARTICLE.test(match.input.slice(Math.max(0, match.index - 6), match.index)) &&
      !isAppointmentOfTomorrow(match.input, match.index)
    ) {
      return null;
    }
    return { date: { kind: "relative", days: DAYS[word]! } };
  },
};
