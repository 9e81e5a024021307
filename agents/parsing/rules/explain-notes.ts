// What the rules reader notes for an explanation (`"explain": true`, docs/explain.md): where it read the
// intent, contact, service, place and duration of one message, and the readings it set aside there (numbers
// that are not times, month and weekday words inside names, values the message took back). Called only
// when the request asks for an explanation.
import type { Intent } from "../../../src/coordinator/agent.js";
import { type MessageNotes, noteDropped, noteRead } from "../../../src/explanation/notes.js";
import type { NormalizedText } from "../../../src/temporal/text.js";
import type { TemporalExpression } from "../../../src/temporal/types.js";
import type { Part, TakenBack } from "./corrections.js";
import type { Wording } from "./intent.js";
import type { ContactReading } from "./name-words.js";
import type { NotTime, NotTimeKind } from "./not-times.js";
import { APPOINTMENT, AVAILABILITY, AVAILABILITY_WITH_DATE, BOOKING } from "./vocabulary.js";

const NOT_TIME_DETAILS: Record<NotTimeKind, string> = {
  address: "An address: its number is not a date or a time.",
  business: "A business name with a number: not a date or a time.",
  phone: "A phone number: not a date or a time.",
  price: "A price: not a date or a time.",
  rating: "A rating: not a date or a time.",
  count: "A count of people: not a date or a time.",
};

/** Numbers of other kinds (rule 23) and month or weekday words inside names (rule 24). */
export function noteSetAside(
  sink: MessageNotes,
  text: NormalizedText,
  numbers: readonly NotTime[],
  names: readonly [number, number][],
): void {
  for (const number of numbers) {
    noteDropped(sink, "time", [number.from, number.to], "not_a_time", NOT_TIME_DETAILS[number.kind]);
  }
  for (const name of names) {
    const word = text.folded.slice(name[0], name[1]);
    noteDropped(
      sink,
      "date",
      name,
      "name_word",
      `"${word}" is part of a name here, not a month or a weekday.`,
    );
  }
}

/** A value the message took back (rule 21): replaced by a later one, or negated with none. */
export function noteTakenBack(
  sink: MessageNotes,
  expression: TemporalExpression,
  part: Part,
  how: TakenBack,
): void {
  const span = [expression.index, expression.end] as const;
  if (how === "replaced") {
    noteDropped(sink, part, span, "corrected", "Taken back: a later value in the same message replaces it.");
  } else {
    noteDropped(sink, part, span, "negated", 'Negated or refused where it stands ("no", "can\'t").');
  }
}

export interface ReadFields {
  intent: Intent;
  wording: Wording | null;
  text: NormalizedText;
  contact: ContactReading;
  service: { service: string; span?: [number, number] } | null;
  location: { location: string; span: [number, number] } | null;
  duration: TemporalExpression | undefined;
}

/** Where the message's intent, contact, service, place and duration were read. */
export function noteFields(sink: MessageNotes, read: ReadFields): void {
  const intentSpan = intentWords(read.text.folded, read.intent, read.wording);
  if (intentSpan !== null) noteRead(sink, "intent", intentSpan, read.intent);
  const { contact, service, location, duration } = read;
  if (contact.contact !== null && contact.span !== null)
    noteRead(sink, "contact", contact.span, contact.contact);
  if (contact.role !== null && contact.span !== null) noteRead(sink, "service", contact.span, contact.role);
  else if (service?.span) noteRead(sink, "service", service.span, service.service);
  if (location !== null) noteRead(sink, "location", location.span, location.location);
  if (duration?.durationMinutes !== undefined) {
    noteRead(sink, "durationMinutes", [duration.index, duration.end], String(duration.durationMinutes));
  }
}

/** The words that say the intent: the reschedule or cancel wording, else a question or a booking word. */
function intentWords(folded: string, intent: Intent, wording: Wording | null): [number, number] | null {
  if (intent === "reschedule") return wording?.reschedule ?? wording?.cancel ?? null;
  if (intent === "cancel") return wording?.cancel ?? null;
  if (intent === "availability")
    return AVAILABILITY.spans(folded)[0] ?? AVAILABILITY_WITH_DATE.spans(folded)[0] ?? null;
  if (intent !== "book") return null;
  const booking = BOOKING.spans(folded)[0];
  if (booking !== undefined) return booking;
  const appointment = APPOINTMENT.exec(folded);
  return appointment === null ? null : [appointment.index, appointment.index + appointment[0].length];
}
