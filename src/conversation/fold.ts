// Folds a conversation's readings, oldest first, into the appointment as it stands after the last user
// message (conventions, C1–C6): dialogue state tracking by rules. Each message is read alone by the
// single-message reader; this decides what each reading changes.
import type { ExplanationNotes } from "../explanation/notes.js";
import type { TemporalExpression } from "../temporal/types.js";
import { type ReplyActs, replyActs } from "./acts.js";
import { noteRejectedOffer, noteSuperseded } from "./explain-notes.js";
import { withIntent } from "./intents.js";
import { withReferences } from "./references.js";
import { EMPTY_SLOT, isEmpty, mergeSlot, optionSlots, resolveSlot, type Slot, slotOf } from "./slot.js";
import {
  type ConversationState,
  type FoldClock,
  INITIAL_STATE,
  type MessageReading,
  type OfferOption,
} from "./state.js";
import { ASK_NAME, CANCEL_OUTRIGHT, CLAUSE_END, EXISTING, REFUSAL, UNAVAILABLE } from "./vocabulary.js";

export type { ConversationState, MessageReading } from "./state.js";

/** With `notes` (an explanation asked for), the offers refused and the values replaced are noted there. */
export function foldReadings(
  readings: readonly MessageReading[],
  clock: FoldClock,
  notes?: ExplanationNotes,
): ConversationState {
  let state = INITIAL_STATE;
  for (let at = 0; at < readings.length; at++) {
    const reading = readings[at]!;
    state =
      reading.role === "assistant"
        ? assistantTurn(state, reading)
        : userTurn(state, reading, clock, notes && { notes, at });
  }
  return state;
}

/** An assistant message: its values are an offer (C4), never the user's wish by themselves. */
function assistantTurn(state: ConversationState, reading: MessageReading): ConversationState {
  const options: OfferOption[] = optionSlots(unrefused(reading, UNAVAILABLE)).map((slot) => ({
    slot,
    contact: reading.contact,
    service: reading.service,
    location: reading.location,
  }));
  ASK_NAME.lastIndex = 0;
  const askedName = ASK_NAME.test(reading.text.folded);
  let offer = state.offer;
  if (options.length > 0) offer = options;
  else if (reading.contact !== null)
    offer = [{ slot: EMPTY_SLOT, contact: reading.contact, service: null, location: null }];
  return { ...state, offer, askedName, mentioned: mergeSlot(state.mentioned, slotOf(reading.mentions)) };
}

/**
 * The expressions outside every clause that refuses its slot: an assistant's "I couldn't book 5:45, but
 * 6 pm is free" offers 6 pm only, a user's "el jueves no puedo. entonces el miércoles" asks for Wednesday.
 */
function unrefused(reading: MessageReading, refusal: RegExp): readonly TemporalExpression[] {
  const { folded } = reading.text;
  refusal.lastIndex = 0;
  if (reading.expressions.length === 0 || !refusal.test(folded)) return reading.expressions;
  const ends = [...folded.matchAll(CLAUSE_END)].map((match) => match.index);
  const clauseOf = (index: number) => ends.filter((end) => end < index).length;
  const refused = new Set<number>();
  refusal.lastIndex = 0;
  for (const match of folded.matchAll(refusal)) refused.add(clauseOf(match.index));
  return reading.expressions.filter((expression) => !refused.has(clauseOf(expression.index)));
}

function userTurn(
  state: ConversationState,
  said: MessageReading,
  clock: FoldClock,
  explain?: { notes: ExplanationNotes; at: number },
): ConversationState {
  const acts = replyActs(said.text, said.expressions);
  // "no puedo ir" right after an offer refuses the offer (C4); only "cancelar", "cancel it" call off.
  CANCEL_OUTRIGHT.lastIndex = 0;
  const refusesOffer =
    said.intent === "cancel" &&
    state.offer !== null &&
    acts.reject &&
    (said.previous?.expressions.length ?? 0) === 0 &&
    !CANCEL_OUTRIGHT.test(said.text.folded);
  const reading: MessageReading = refusesOffer ? { ...said, intent: "none", previous: null } : said;
  const contact = state.askedName ? null : reading.contact;
  EXISTING.lastIndex = 0;
  const existing = EXISTING.test(reading.text.folded);
  // "tengo cita mañana a las 11 y no llego": the refusal is of the appointment, not of its slot; "no puedo
  // el lunes, el martes sí": the reader already gave the refused value way to the later one (rule 21).
  let own = slotOf(existing || reading.corrected ? reading.expressions : unrefused(reading, REFUSAL));
  const stated = !isEmpty(own) || contact !== null || reading.service !== null;

  let taken: OfferOption | null = null;
  let unpicked: OfferOption[] | null = null;
  const offer = state.offer;
  if (offer !== null && offer.length > 1) {
    const pick = pickOption(offer, acts, reading, own, clock);
    if (pick !== null) {
      taken = pick.option;
      own = pick.own;
    } else if (acts.accept && isEmpty(own)) {
      unpicked = offer;
    }
  } else if (offer !== null && offer.length === 1 && (acts.accept || (acts.reject && !isEmpty(own)))) {
    // "sí, pero a las 5", "no, make it 11": the offer's other values with the change (C4).
    taken = offer[0]!;
  }

  // "el jueves a las 10 o el viernes a las 2": the user's own alternatives, to choose from (rule 27).
  const alternatives =
    reading.offered.length > 1 && reading.intent !== "cancel" ? reading.offered.map(slotOf) : null;
  let next: ConversationState = { ...state, askedName: false, unpicked, alternatives };
  next = withIntent(next, reading, taken !== null, existing);
  if (taken !== null) {
    next = {
      ...next,
      slot: mergeSlot(next.slot, taken.slot),
      contact: taken.contact ?? next.contact,
      service: taken.service ?? next.service,
      location: taken.location ?? next.location,
    };
  }
  if (explain && acts.reject && offer !== null && taken === null) {
    noteRejectedOffer(explain.notes, offer, explain.at);
  }
  if (reading.intent !== "cancel") {
    if (explain) noteSuperseded(explain.notes, next.slot, own, explain.at);
    next = {
      ...next,
      slot: mergeSlot(next.slot, own),
      contact: contact ?? next.contact,
      service: reading.service ?? next.service,
      location: reading.location ?? next.location,
      durationMinutes: reading.durationMinutes ?? next.durationMinutes,
      lengthUnclear: reading.reversedRange || (reading.durationMinutes === null && next.lengthUnclear),
    };
  }
  // "no puedo a esa hora" refuses the time it refers to: a refusal takes no reference.
  if (!acts.reject) next = withReferences(next, state, acts, own, clock);
  // An offer stays open across side questions; taking, refusing or stating another slot closes it.
  const closes =
    taken !== null ||
    acts.reject ||
    !isEmpty(own) ||
    (stated && offer?.length === 1 && offer[0]!.slot.date === null && offer[0]!.slot.time === null);
  return {
    ...next,
    // A slot the user states as already theirs is the one a later "move it" moves; any other slot is a draft.
    existing: isEmpty(own) ? next.existing : existing && reading.intent !== "reschedule",
    offer: closes ? null : state.offer,
    mentioned: mergeSlot(state.mentioned, slotOf(reading.mentions)),
  };
}

/**
 * The option a reply picks: by position ("la segunda"), else the one option that matches every day and
 * time the reply names ("el jueves", "the 3pm one"). A position that the temporal parsers also read as a
 * day of the month ("the first") is the pick, not a date.
 */
function pickOption(
  offer: readonly OfferOption[],
  acts: ReplyActs,
  reading: MessageReading,
  own: Slot,
  clock: FoldClock,
): { option: OfferOption; own: Slot } | null {
  const { ordinal } = acts;
  if (ordinal !== null) {
    const option = offer[ordinal.position < 0 ? offer.length + ordinal.position : ordinal.position - 1];
    if (option !== undefined) {
      const rest = reading.expressions.filter(
        (expression) => !(expression.index < ordinal.end && ordinal.index < expression.end),
      );
      return { option, own: slotOf(rest) };
    }
  }
  // Every option of one message shares its person, so only a day or a time can pick one.
  if (isEmpty(own)) return null;
  const wanted = resolveSlot(own, clock.now, clock.zone);
  const matches = offer.filter((option) => {
    const offered = resolveSlot(option.slot, clock.now, clock.zone);
    return (
      (own.date === null || offered.date === wanted.date) &&
      (own.time === null || offered.time === wanted.time)
    );
  });
  return matches.length === 1 ? { option: matches[0]!, own: EMPTY_SLOT } : null;
}
