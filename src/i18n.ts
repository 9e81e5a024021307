// Messages returned to users, in the language of the request.
import type { Language } from "./coordinator/agent.js";

const MESSAGES = {
  agentFailed: {
    es: "No pudimos interpretar parte del mensaje; ¿puedes repetir la fecha y la hora?",
    en: "We could not read part of the message; could you repeat the date and time?",
  },
  noAppointment: {
    es: "No encontramos una cita en el mensaje; ¿para qué día quieres la cita?",
    en: "We found no appointment in the message; which day would you like it?",
  },
  dateMissing: { es: "¿Para qué día quieres la cita?", en: "Which day would you like the appointment?" },
  timeMissing: { es: "¿A qué hora quieres la cita?", en: "What time would you like the appointment?" },
  partOfDay: {
    es: "¿A qué hora exactamente? Indicaste solo una parte del día.",
    en: "What time exactly? You gave only a part of the day.",
  },
  weekdayMismatch: {
    es: "El día de la semana no coincide con la fecha; ¿cuál de las dos es?",
    en: "The weekday does not match the date; which one did you mean?",
  },
  past: { es: "Esa fecha y hora ya pasaron.", en: "That date and time are in the past." },
  nonexistentTime: {
    es: "Esa hora no existe ese día por el cambio de horario; elige otra.",
    en: "That time does not exist on that day because of the daylight-saving change; pick another.",
  },
  repeatedTime: {
    es: "Esa hora ocurre dos veces ese día por el cambio de horario; tomamos la primera.",
    en: "That time occurs twice that day because of the daylight-saving change; we took the first one.",
  },
  readingsDisagree: {
    es: "Leímos el mensaje de dos maneras distintas; ¿cuál de las opciones quisiste decir?",
    en: "We read the message two different ways; which of the options did you mean?",
  },
  invalidDate: { es: "Esa fecha no existe.", en: "That date does not exist." },
  slotTaken: { es: "Esa hora ya está ocupada.", en: "That time is already taken." },
  outsideHours: {
    es: "Esa hora está fuera del horario de atención.",
    en: "That time is outside the opening hours.",
  },
  calendarClosed: { es: "Ese día no hay atención.", en: "There are no appointments on that day." },
  offGrid: {
    es: "Esa hora no coincide con los turnos de la agenda.",
    en: "That time does not fall on the calendar's appointment slots.",
  },
  alternativesOffered: { es: "Horas libres más cercanas:", en: "Nearest free times:" },
  noAlternatives: {
    es: "No hay horas libres en las próximas dos semanas.",
    en: "There are no free times in the next two weeks.",
  },
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function localize(language: Language, key: MessageKey): string {
  return MESSAGES[key][language];
}
