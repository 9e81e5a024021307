// What the text asks for (conventions, rule 22). Reschedule wording wins over cancel wording ("no quiero
// cancelar, quiero cambiar el turno"), and a cancel that goes on to ask for another slot ("can't make it
// tomorrow, how about Friday?") moves the appointment rather than dropping it. A question about free times
// is `availability` unless the text also asks to be booked. Otherwise appointment words, a contact or a
// service say `book`; small talk (greetings, thanks, the weather) without them says `none`; a date or time
// alone is read as a booking.
import type { Intent } from "../../../src/coordinator/agent.js";
import type { NormalizedText } from "../../../src/temporal/text.js";
import type { TemporalExpression } from "../../../src/temporal/types.js";
import {
  APPOINTMENT,
  AVAILABILITY,
  AVAILABILITY_WITH_DATE,
  BOOKING,
  CANCEL,
  COURTESY,
  NEGATION,
  PROPOSAL,
  RESCHEDULE,
  SMALL_TALK,
} from "./vocabulary.js";

export interface TextFacts {
  temporal: boolean;
  clockTime: boolean;
  place: boolean;
  contact: boolean;
  service: boolean;
}

/** The reschedule and cancel wording of a text, affirmed or not. */
export interface Wording {
  /** Where the first affirmed reschedule and cancel wording start ("no quiero cancelar" affirms none). */
  reschedule: [number, number] | null;
  cancel: [number, number] | null;
  /** Where the deciding wording starts: dates before it name the existing appointment. */
  at: number;
  /** The spans of every reschedule and cancel wording: no word inside one marks an old or a new slot. */
  spans: [number, number][];
}

/** How many words before a wording a negation reaches ("no lo quiero cancelar"). */
const NEGATION_WORDS = 3;

/** Null when the text has no reschedule or cancel wording at all. */
export function findWording(folded: string): Wording | null {
  const rescheduling = RESCHEDULE.spans(folded);
  const cancelling = CANCEL.spans(folded);
  const spans = [...rescheduling, ...cancelling];
  if (spans.length === 0) return null;
  const reschedule = rescheduling.find(([from]) => !negated(folded, from)) ?? null;
  const cancel = cancelling.find(([from]) => !negated(folded, from)) ?? null;
  const at = (reschedule ?? cancel)?.[0] ?? Math.min(...spans.map(([from]) => from));
  return { reschedule, cancel, at, spans };
}

/** `expressions` are the text's dates and times, those read beside the wording's markers included. */
export function readIntent(
  text: NormalizedText,
  facts: TextFacts,
  expressions: readonly TemporalExpression[],
  wording: Wording | null,
): Intent {
  const { folded } = text;
  if (wording?.reschedule) return "reschedule";
  if (wording?.cancel) {
    const end = wording.cancel[1];
    const asksAgain = [BOOKING, AVAILABILITY, AVAILABILITY_WITH_DATE, PROPOSAL].some((pattern) =>
      pattern
        .spans(folded)
        .some(([from]) => from >= end && expressions.some((expression) => expression.index >= from)),
    );
    return asksAgain ? "reschedule" : "cancel";
  }
  if (asksAboutFreeTimes(folded, facts)) return "availability";
  return asksForAppointment(text, facts) ? "book" : "none";
}

/** A question about free times that asks for no booking: "¿hay lugar mañana?", not "¿hay lugar? quiero reservar". */
function asksAboutFreeTimes(folded: string, facts: TextFacts): boolean {
  const context = facts.temporal || facts.contact || facts.service || APPOINTMENT.test(folded);
  const asked = AVAILABILITY.test(folded) || (context && AVAILABILITY_WITH_DATE.test(folded));
  return asked && !BOOKING.test(folded);
}

export function asksForAppointment(text: NormalizedText, found: TextFacts): boolean {
  if (!/[a-z0-9]/.test(text.folded)) return false;
  if (APPOINTMENT.test(text.folded) || found.contact || found.service) return true;
  // Chat that is not a request (the weather, how-are-you, jokes) wins over a date or time.
  if (SMALL_TALK.test(text.folded)) return false;
  // "gracias, nos vemos mañana" asks for nothing, but "nos vemos el sábado a las 4 en el centro" sets a
  // time: a clock time or a place overrides a greeting or a goodbye.
  if (COURTESY.test(text.folded)) return found.temporal && (found.clockTime || found.place);
  return found.temporal;
}

/** Whether a negation stands one to three words before `index`, in the same clause ("no lo quiero "). */
function negated(folded: string, index: number): boolean {
  const before = folded.slice(0, index).trimEnd().split(" ");
  for (const word of before.slice(-NEGATION_WORDS).reverse()) {
    if (!/^[a-z'’]+$/.test(word)) return false;
    if (NEGATION.has(word.replace("’", "'"))) return true;
  }
  return false;
}
