// Folds a conversation's readings, oldest first, into the appointment as it stands after the last user
// message (conventions, C1–C6): dialogue state tracking by rules. Each message is read alone by the
// single-message reader; this decides what each reading changes.
import { APPOINTMENT } from "../../agents/parsing/rules/vocabulary.js";
import type { Intent } from "../coordinator/agent.js";
import type { NormalizedText } from "../temporal/text.js";
import type { TemporalExpression } from "../temporal/types.js";
import { type ReplyActs, replyActs } from "./acts.js";
import {
  EMPTY_SLOT,
  isEmpty,
  mergeSlot,
  optionSlots,
  resolveSlot,
  type Slot,
  slotExpressions,
  slotOf,
} from "./slot.js";
import { ASK_NAME, CANCEL_OUTRIGHT, CLAUSE_END, EXISTING, REFUSAL, UNAVAILABLE } from "./vocabulary.js";

/** What one message said, as the single-message reader read it (numbers that are not times left out). */
export interface MessageReading {
  role: "user" | "assistant";
  text: NormalizedText;
  intent: Intent;
  contact: string | null;
  service: string | null;
  location: string | null;
  durationMinutes: number | null;
  expressions: readonly TemporalExpression[];
  /** Every date and time the message names, even one it asks for no appointment with ("the weather on the 11th"). */
  mentions: readonly TemporalExpression[];
  previous: {
    contact: string | null;
    service: string | null;
    expressions: readonly TemporalExpression[];
  } | null;
}

/** One slot an assistant offered, with the person, service and place it came with. */
export interface OfferOption {
  slot: Slot;
  contact: string | null;
  service: string | null;
  location: string | null;
}

export interface ConversationState {
  intent: Intent;
  slot: Slot;
  contact: string | null;
  service: string | null;
  location: string | null;
  durationMinutes: number | null;
  /** The slot so far is one the user says already exists ("tengo turno el martes"): moving it reschedules. */
  existing: boolean;
  /** The existing appointment a reschedule or cancel refers to. */
  previous: {
    contact: string | null;
    service: string | null;
    expressions: readonly TemporalExpression[];
  } | null;
  /** What the latest assistant message with values offered, until the user takes, refuses or replaces it. */
  offer: OfferOption[] | null;
  /** The latest date and time any message stated, the assistant's included (C3, C5b). */
  mentioned: Slot;
  /** The last assistant message asked for the user's own name: the reply's name is not the contact. */
  askedName: boolean;
  /** What the slot rests on: lowered by a reference resolved against a mere mention. */
  certainty: number;
  /** References that found nothing to refer to. */
  unresolved: ("date" | "time")[];
  /** The user said "ok" to several options without picking one: they stay to choose from. */
  unpicked: OfferOption[] | null;
}

export const INITIAL_STATE: ConversationState = {
  intent: "none",
  slot: EMPTY_SLOT,
  existing: false,
  contact: null,
  service: null,
  location: null,
  durationMinutes: null,
  previous: null,
  offer: null,
  mentioned: EMPTY_SLOT,
  askedName: false,
  certainty: 1,
  unresolved: [],
  unpicked: null,
};

/** A reference resolved against a day or time only mentioned, not drafted, is less sure (docs/confidence.md). */
export const MENTION_CERTAINTY = 0.85;

export interface FoldClock {
  now: number;
  zone: string;
}

export function foldReadings(readings: readonly MessageReading[], clock: FoldClock): ConversationState {
  let state = INITIAL_STATE;
  for (const reading of readings) {
    state = reading.role === "assistant" ? assistantTurn(state, reading) : userTurn(state, reading, clock);
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

function userTurn(state: ConversationState, said: MessageReading, clock: FoldClock): ConversationState {
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
  // "tengo cita mañana a las 11 y no llego": the refusal is of the appointment, not of its slot.
  let own = slotOf(existing ? reading.expressions : unrefused(reading, REFUSAL));
  const stated = !isEmpty(own) || contact !== null || reading.service !== null;

  let taken: OfferOption | null = null;
  let unpicked: OfferOption[] | null = null;
  const offer = state.offer;
  if (offer !== null && offer.length > 1) {
    const pick = pickOption(offer, acts, reading, own, contact, clock);
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

  let next: ConversationState = { ...state, askedName: false, unpicked };
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
  if (reading.intent !== "cancel") {
    next = {
      ...next,
      slot: mergeSlot(next.slot, own),
      contact: contact ?? next.contact,
      service: reading.service ?? next.service,
      location: reading.location ?? next.location,
      durationMinutes: reading.durationMinutes ?? next.durationMinutes,
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
  contact: string | null,
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
  if (isEmpty(own)) {
    if (contact === null) return null;
    const named = offer.filter((option) => option.contact !== null && sameName(option.contact, contact));
    return named.length === 1 ? { option: named[0]!, own } : null;
  }
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

function sameName(a: string, b: string): boolean {
  const fold = (name: string) =>
    name
      .toLowerCase()
      .normalize("NFD")
      .replace(/[^a-z]/g, "");
  return fold(a).includes(fold(b)) || fold(b).includes(fold(a));
}

/** The latest intent (C5): a reply with none of its own leaves it; taking an offer books (or reschedules). */
function withIntent(
  state: ConversationState,
  reading: MessageReading,
  tookOffer: boolean,
  existing: boolean,
): ConversationState {
  const drafted = !isEmpty(state.slot);
  switch (reading.intent) {
    case "cancel": {
      const named = reading.previous;
      const previous =
        named !== null && (named.expressions.length > 0 || named.contact !== null || named.service !== null)
          ? {
              contact: named.contact ?? state.contact,
              service: named.service ?? state.service,
              expressions: named.expressions.length > 0 ? named.expressions : slotExpressions(state.slot),
            }
          : { contact: state.contact, service: state.service, expressions: slotExpressions(state.slot) };
      return { ...state, intent: "cancel", previous };
    }
    case "reschedule": {
      // Changing a slot drafted in this conversation is a correction: still a booking (C5).
      if (state.intent === "book" && drafted && !state.existing) return state;
      const named = reading.previous;
      if (
        named !== null &&
        (named.expressions.length > 0 || named.contact !== null || named.service !== null)
      ) {
        return { ...state, intent: "reschedule", previous: named };
      }
      if (state.intent !== "reschedule" && drafted && (state.existing || state.intent !== "book")) {
        // "tengo turno el martes" … "¿lo puedo pasar?": the slot stated so far is the one to move.
        return {
          ...state,
          intent: "reschedule",
          previous: {
            contact: state.contact,
            service: state.service,
            expressions: slotExpressions(state.slot),
          },
          slot: EMPTY_SLOT,
        };
      }
      return { ...state, intent: "reschedule" };
    }
    case "availability":
      return state.intent === "reschedule" ? state : { ...state, intent: "availability" };
    case "book":
      if (tookOffer) return { ...state, intent: state.intent === "reschedule" ? "reschedule" : "book" };
      // "tengo turno el martes": a statement of what exists asks for nothing yet.
      if (existing) return state;
      if (state.intent === "none") return { ...state, intent: "book" };
      APPOINTMENT.lastIndex = 0;
      if (
        (state.intent === "availability" || state.intent === "cancel") &&
        APPOINTMENT.test(reading.text.folded)
      )
        return { ...state, intent: "book" };
      return state;
    default:
      return tookOffer ? { ...state, intent: state.intent === "reschedule" ? "reschedule" : "book" } : state;
  }
}

/** "ese día", "same time", "the day after": the draft's day or time, else the latest one mentioned (C3). */
function withReferences(
  next: ConversationState,
  before: ConversationState,
  acts: ReplyActs,
  own: Slot,
  clock: FoldClock,
): ConversationState {
  let { slot, certainty } = next;
  const unresolved = [...next.unresolved];
  const previous = slotOf(next.previous?.expressions ?? []);
  const refer = (part: "date" | "time"): TemporalExpression | null => {
    const drafted = before.slot[part];
    if (drafted !== null) return drafted;
    // "¿la puedo mover para el lunes a la misma hora?": the appointment being moved.
    if (previous[part] !== null) return previous[part];
    const mentioned = before.mentioned[part];
    if (mentioned !== null) certainty = Math.min(certainty, MENTION_CERTAINTY);
    else unresolved.push(part);
    return mentioned;
  };
  if (own.date === null && (acts.sameDay || acts.dayAfter)) {
    const base = refer("date");
    const date = base !== null && acts.dayAfter ? dayAfter(base, clock) : base;
    slot = { ...slot, date };
  }
  if (own.time === null && acts.sameTime) slot = { ...slot, time: refer("time") };
  return { ...next, slot, certainty, unresolved };
}

/** The day after the one an expression names, as a calendar date. */
function dayAfter(base: TemporalExpression, clock: FoldClock): TemporalExpression | null {
  const { date } = resolveSlot({ date: base, time: null }, clock.now, clock.zone);
  if (date === null) return null;
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return {
    ...base,
    date: {
      kind: "calendar",
      day: next.getUTCDate(),
      month: next.getUTCMonth() + 1,
      year: next.getUTCFullYear(),
    },
  };
}
