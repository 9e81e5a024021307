// What Cita says to a user writing in Spanish.
import type { Messages } from "../messages.js";

export const messages = {
  agentFailed: "No pudimos interpretar parte del mensaje; ¿puedes repetir la fecha y la hora?",
  noAppointment: "No encontramos una cita en el mensaje; ¿para qué día quieres la cita?",
  dateMissing: "¿Para qué día quieres la cita?",
  timeMissing: "¿A qué hora quieres la cita?",
  partOfDay: "¿A qué hora exactamente? Indicaste solo una parte del día.",
  weekdayMismatch: "El día de la semana no coincide con la fecha; ¿cuál de las dos es?",
  past: "Esa fecha y hora ya pasaron.",
  nonexistentTime: "Esa hora no existe ese día por el cambio de horario; elige otra.",
  repeatedTime: "Esa hora ocurre dos veces ese día por el cambio de horario; tomamos la primera.",
  referenceUnresolved: "¿A qué día u hora te refieres? No encontramos cuál se mencionó antes.",
  optionNotPicked: "Se ofrecieron varias opciones; ¿cuál prefieres?",
  readingsDisagree: "Leímos el mensaje de dos maneras distintas; ¿cuál de las opciones quisiste decir?",
  invalidDate: "Esa fecha no existe.",
  slotTaken: "Esa hora ya está ocupada.",
  outsideHours: "Esa hora está fuera del horario de atención.",
  calendarClosed: "Ese día no hay atención.",
  offGrid: "Esa hora no coincide con los turnos de la agenda.",
  alternativesOffered: "Horas libres más cercanas:",
  noAlternatives: "No hay horas libres en las próximas dos semanas.",
  freeTimesOffered: "Horas libres:",
  nothingFreeThen: "No quedan horas libres en lo que pediste; las más cercanas:",
  timeWindow: "¿A qué hora exactamente? Indicaste una franja horaria.",
  rangeReversed: "El horario termina antes de empezar; ¿cuánto debería durar la cita?",
} as const satisfies Messages;
