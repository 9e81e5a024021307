// Does the text ask for an appointment? Appointment words, a contact or a service say yes; small talk
// (greetings, thanks, the weather) without them says no; a date or time alone is read as a request.
import type { NormalizedText } from "../../../src/temporal/text.js";

const APPOINTMENT =
  /\b(?:cita|citas|turno|turnos|reserv[a-z]{0,6}|agend[a-z]{0,6}|program[a-z]{0,6}|apart[a-z]{0,4}|sac[a-z]{0,5}|pedir hora|pido hora|hora con|hora para|consulta|sesion|visita|reunion|atender|appointment|appt|apt|book|booking|schedule|reschedule|reserve|reservation|slot|meeting|session|visit|consultation|see (?:dr|the|my)|check-?up)\b/;
// Chat that is not a request: the weather, how-are-you, jokes. These win over a date or time.
const SMALL_TALK =
  /\b(?:clima|el tiempo|que tiempo|lluvia|llover|llueve|weather|rain|raining|forecast|temperature|como estas|como andas|que tal|how are you|jaja|lol|chiste|joke|quien eres|who are you)\b/;
// Greetings and goodbyes: "gracias, nos vemos mañana" asks for nothing, but "nos vemos el sábado a las 4
// en el centro" sets a time, so a clock time or a place overrides them.
const COURTESY =
  /\b(?:gracias|thanks|thank you|nos vemos|see you|hasta luego|bye|adios|chau|buenos dias|buenas tardes|buenas noches|good morning|good afternoon|good evening|good night|hola|hello|hi|hey)\b/;

export function asksForAppointment(
  text: NormalizedText,
  found: { temporal: boolean; clockTime: boolean; place: boolean; contact: boolean; service: boolean },
): boolean {
  if (!/[a-z0-9]/.test(text.folded)) return false;
  if (APPOINTMENT.test(text.folded) || found.contact || found.service) return true;
  if (SMALL_TALK.test(text.folded)) return false;
  if (COURTESY.test(text.folded)) return found.temporal && (found.clockTime || found.place);
  return found.temporal;
}

export const INTENT_PATTERNS: readonly RegExp[] = [APPOINTMENT, SMALL_TALK, COURTESY];
