// The rules reading of a text: its date and time expressions, contact, service, place, duration and what it
// asks for (rule 22). A reschedule's dates and times are split between the existing appointment
// (`previous`) and the new slot; a cancel's all name the existing one, and the text asks for no new slot.
// The person and the service stay on the appointment and are the existing one's too. The Parsing agent and
// the provider simulator both read this way.
import type { Intent, PreviousAppointment, ReadableText } from "../../../src/coordinator/agent.js";
import type { MessageNotes } from "../../../src/explanation/notes.js";
import { extractExpressions } from "../../../src/temporal/extract.js";
import { maskSpans, type NormalizedText } from "../../../src/temporal/text.js";
import type { TemporalExpression } from "../../../src/temporal/types.js";
import { offeredOptions } from "./alternatives.js";
import { REPLACE, spansOf } from "./choice-words.js";
import { readContact } from "./contact.js";
import { correctSlot } from "./corrections.js";
import { noteFields, noteSetAside, noteTakenBack } from "./explain-notes.js";
import { findWording, readIntent } from "./intent.js";
import { readLocation } from "./location.js";
import { calendarWordsInNames } from "./name-spans.js";
import { maskNotTimes, notTimes } from "./not-times.js";
import { readService } from "./service.js";
import { bareNumbers } from "./slot-numbers.js";
import { slotMarkers, slotsOf } from "./slots.js";
import { readWindows, type SplitSpans, splitSpans } from "./windows.js";

/** The appointment a reschedule or cancel names, as one message states it. */
export type PreviousReading = Pick<PreviousAppointment, "contact" | "service" | "expressions">;

export interface RulesReading {
  /** The text as read: numbers that are not dates or times masked out (rule 23). */
  text: NormalizedText;
  /** What the text asks for (rule 22); `none` when it asks for no appointment. */
  intent: Intent;
  /** For `reschedule` and `cancel`, the existing appointment the text names; else null. */
  previous: PreviousReading | null;
  contact: string | null;
  service: string | null;
  location: string | null;
  durationMinutes: number | null;
  /**
   * Date and time expressions of the slot asked for, without durations, in text order: a reschedule's new
   * slot only, none for a cancel.
   */
  expressions: TemporalExpression[];
  /** Everything read, durations and both slots included (a slot word's bare numbers too). */
  found: TemporalExpression[];
  /** The new slot's alternatives the user offers (rule 27), each its expressions; empty when one slot. */
  offered: TemporalExpression[][];
  /** A range said with its end before its start ("de 11 a 10", rule 20): its length is unclear. */
  reversedRange: boolean;
  /** The message took a value of the new slot back and gave another (rule 21). */
  corrected: boolean;
}

const NO_APPOINTMENT: Omit<RulesReading, "text"> = {
  intent: "none",
  previous: null,
  contact: null,
  service: null,
  location: null,
  durationMinutes: null,
  expressions: [],
  found: [],
  offered: [],
  reversedRange: false,
  corrected: false,
};

/** Whether an index falls in one of `spans` (read as the spans are when asked: readers add to them). */
function insideAny(spans: readonly [number, number][]): (index: number) => boolean {
  return (index) => spans.some(([from, to]) => index >= from && index < to);
}

/** `sink` takes the spans and set-aside readings for an explanation; absent, nothing is noted. */
export function readText(readable: ReadableText, now: Date, sink?: MessageNotes): RulesReading {
  if (readable.foreign) return { ...NO_APPOINTMENT, text: readable.text };
  const { language, dayFirst } = readable;
  // Addresses, phones, prices, ratings and counts are read first and hidden from every other reader.
  const numbers = notTimes(readable.text);
  const text = maskNotTimes(readable.text, numbers);
  // Rule 24: a month or weekday word that is a name where it stands ("Dr. Domingo Salas") is no date.
  const names = calendarWordsInNames(text);
  const read = extractExpressions(maskSpans(text, names), { language, dayFirst }, now);
  if (sink) noteSetAside(sink, text, numbers, names);
  // Two times read as one phrase stand as both until the slots are known (windows.ts).
  const split = splitSpans(text.folded, read);
  const found = split.expressions;
  const expressions = found.filter((expression) => expression.durationMinutes === undefined);
  const duration = found.find((expression) => expression.durationMinutes !== undefined);
  const spans: [number, number][] = found.map((expression) => [expression.index, expression.end]);
  const inSpans = insideAny(spans);

  const contact = readContact(text, inSpans, insideAny(names));
  if (contact.span) spans.push(contact.span);
  const service = contact.role !== null ? { service: contact.role } : readService(text, inSpans);
  if (service && "span" in service) spans.push(service.span);
  const location = readLocation(text, inSpans, numbers);

  const facts = {
    temporal: expressions.length > 0,
    clockTime: expressions.some((expression) => expression.time !== undefined),
    place: location !== null,
    contact: contact.contact !== null,
    service: service !== null,
  };
  const wording = findWording(text.folded);
  const markers = wording === null ? [] : slotMarkers(text.folded, wording);
  const extra = bareNumbers(text, markers, found);
  const all = extra.length === 0 ? expressions : [...expressions, ...extra].sort((a, b) => a.index - b.index);
  const intent = readIntent(text, facts, all, wording);
  if (intent === "none") return { ...NO_APPOINTMENT, text, found };
  const slots = slotsOf(intent, all, markers, wording?.at ?? 0, spansOf(REPLACE, text));
  const next = chooseSlot(text, slots.next, split, sink);
  const fields = {
    contact: contact.contact,
    service: service?.service ?? null,
    location: location?.location ?? null,
    durationMinutes: duration?.durationMinutes ?? next.durationMinutes,
  };
  if (sink) {
    noteFields(sink, { intent, wording, text, contact, service, location, duration });
  }
  return {
    text,
    intent,
    previous:
      slots.previous === null
        ? null
        : {
            contact: fields.contact,
            service: fields.service,
            expressions: slots.previous,
          },
    ...fields,
    expressions: next.expressions,
    found: [...found, ...extra],
    offered: next.offered,
    reversedRange: next.reversed,
    corrected: next.corrected,
  };
}

/**
 * What the new slot's expressions say together: its ranges and windows (rule 20), what a correction takes
 * back (rule 21), then the alternatives left (rule 27).
 */
function chooseSlot(
  text: NormalizedText,
  slot: TemporalExpression[],
  split: SplitSpans,
  sink?: MessageNotes,
) {
  const windows = readWindows(text.folded, slot, split);
  const { expressions, corrected } = correctSlot(
    text,
    windows.expressions,
    sink && ((expression, part, how) => noteTakenBack(sink, expression, part, how)),
  );
  return { ...windows, expressions, corrected, offered: offeredOptions(text, expressions) };
}
