// Does the text ask for an appointment? Appointment words, a contact or a service say yes; small talk
// (greetings, thanks, the weather) without them says no; a date or time alone is read as a request.
import type { NormalizedText } from "../../../src/temporal/text.js";
import { APPOINTMENT, COURTESY, SMALL_TALK } from "./vocabulary.js";

export function asksForAppointment(
  text: NormalizedText,
  found: { temporal: boolean; clockTime: boolean; place: boolean; contact: boolean; service: boolean },
): boolean {
  if (!/[a-z0-9]/.test(text.folded)) return false;
  if (APPOINTMENT.test(text.folded) || found.contact || found.service) return true;
  // Chat that is not a request (the weather, how-are-you, jokes) wins over a date or time.
  if (SMALL_TALK.test(text.folded)) return false;
  // "gracias, nos vemos mañana" asks for nothing, but "nos vemos el sábado a las 4 en el centro" sets a
  // time: a clock time or a place overrides a greeting or a goodbye.
  if (COURTESY.test(text.folded)) return found.temporal && (found.clockTime || found.place);
  return found.temporal;
}
