// Rule 22 for one message, in Spanish and English as people write them (lower or upper case, no accents,
// typos, chat shorthand): what each text asks for. Texts that share words with a reschedule, a cancel or a
// question about free times but ask none of them stay `book` or `none`.
import { describe, expect, it } from "vitest";
import { INTENTS, type Intent } from "../../src/coordinator/agent.js";
import { readableText } from "../../src/coordinator/context.js";
import { readText } from "./rules/read.js";

const THURSDAY = new Date("2026-01-22T10:30:00+01:00");
const intentOf = (text: string): Intent => readText(readableText(text, null), THURSDAY).intent;

/** What each intent reads, and the texts that must read as it. */
const CASES: Record<Intent, { what: string; texts: string[] }> = {
  reschedule: {
    what: "moving an existing appointment is a reschedule",
    texts: [
      "quiero cambiar mi cita del lunes al miércoles",
      "necesito reprogramar el turno",
      "se puede mover la cita para el viernes?",
      "tengo turno el martes pero lo quiero pasar al jueves",
      "lo podemos correr para las 5?",
      "quiero adelantar mi turno de las 5 a las 4",
      "hay que atrasar la consulta una hora",
      "posponer la sesion del viernes",
      "REPROGRAMAR MI CITA",
      "kiero cambiar la cita xfa",
      "cambiala para el jueves",
      "podria reagendar mi hora con la dra ruiz",
      "move my 3pm tomorrow to 4:30",
      "reschedule my thursday appointment to friday at 10",
      "can we push it back an hour",
      "need to push back my appt",
      "bring my appointment forward to monday",
      "i need to change my appointment",
      "can i switch my booking to friday",
      "RESCHEDULE PLS",
      "need to resched",
      "postpone the meeting to next week",
      "i cant make it tomorrow, how about friday?",
      "cancel my 3pm and book me at 5 instead",
      "no voy a poder ir el martes, ¿puede ser el jueves?",
      "no quiero cancelar, quiero cambiar el turno al jueves",
      "don't cancel, move it to friday",
      "cambiame la cita de las 5 a las 6",
    ],
  },
  cancel: {
    what: "calling one off is a cancel",
    texts: [
      "quiero cancelar mi turno de mañana",
      "cancelame la cita",
      "anular la reserva del viernes",
      "no voy a poder ir el martes",
      "no puedo ir mañana a las 3",
      "dar de baja mi turno",
      "kiero cancelar",
      "CANCELAR CITA",
      "ya no necesito la cita",
      "desagendar mi cita",
      "cancel my dentist appointment tomorrow at 3pm",
      "please cancel",
      "call off tomorrow's meeting",
      "i can't make it tomorrow",
      "cant make my appt friday",
      "I won’t be able to make it",
      "drop my 3pm appointment",
      "cancelling my booking for friday",
      "I don't want to reschedule, just cancel",
    ],
  },
  availability: {
    what: "a question about free times is availability",
    texts: [
      "¿qué horarios tienen el viernes?",
      "que horarios tienen el viernes",
      "¿hay lugar mañana a la tarde?",
      "¿tenés turno para el lunes?",
      "tenes turno el lunes",
      "hay turnos para hoy?",
      "¿quedan citas para el sábado?",
      "¿está libre el jueves a las 10?",
      "disponibilidad para el martes?",
      "a que hora tienen mañana",
      "¿atienden el sábado?",
      "¿qué turnos tenéis para el lunes?",
      "¿a qué hora tenéis hueco mañana?",
      "any openings on friday?",
      "is 3pm free tomorrow?",
      "what times do you have",
      "which slots are free?",
      "do you have anything on monday?",
      "do u have anything tmrw",
      "is dr lee available tomorrow at 3?",
      "are you open saturday?",
      "what's available friday",
      "earliest available appointment?",
      "any availability next tuesday",
    ],
  },
  book: {
    what: "an appointment asked for stays book",
    texts: [
      "quiero una cita para asesoría de cancelación de deuda el lunes a las 10",
      "book a cancellation consultation friday at 3",
      "cita mañana a las 10",
      "¿me das un turno para el viernes?",
      "¿hay lugar el viernes? quiero reservar",
      "can i book friday at 3?",
      "is there any availability? I'd like to book a haircut friday at 3",
      "cambio de aceite mañana a las 9",
      "pasado mañana a las 10",
      "I'm moving to Madrid, need a dentist next week",
      "I'm free tomorrow at 3",
      "quiero otro turno el viernes",
      "¿hay que llevar algo a la cita de mañana?",
      "changed my mind, tuesday at 4 with dr lee",
      "paso a las 5 a buscar los estudios",
    ],
  },
  none: {
    what: "nothing of the kind stays none",
    texts: [
      "¿hay que llevar algo?",
      "¿hay lugar para estacionar?",
      "¿tienen estacionamiento?",
      "what's your cancellation policy?",
      "no lo quiero cancelar",
      "I'm moving to Boston",
      "is parking free?",
      "¿qué hora es?",
      "do you have parking?",
      "hola, como estas?",
      "qué pasa",
    ],
  },
};

describe("intent (rule 22)", () => {
  for (const intent of INTENTS) {
    it.each(CASES[intent].texts)(`${CASES[intent].what}: %s`, (text) => {
      expect(intentOf(text)).toBe(intent);
    });
  }
});
