// A conversation's state as the fold keeps it between messages (fold.ts), and what each message gives it.
import type { Intent } from "../coordinator/agent.js";
import type { NormalizedText } from "../temporal/text.js";
import type { TemporalExpression } from "../temporal/types.js";
import { EMPTY_SLOT, type Slot } from "./slot.js";

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
  /** Alternatives the message offers ("el jueves a las 10 o el viernes a las 2", rule 27), each its expressions. */
  offered: readonly (readonly TemporalExpression[])[];
  /** A value the message took back already gave way to the later one (rule 21). */
  corrected: boolean;
  /** A range said with its end before its start ("de 11 a 10", rule 20). */
  reversedRange: boolean;
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
  /** The slots the last user message offers as alternatives (rule 27), read as a single text's are. */
  alternatives: Slot[] | null;
  /** The latest range the user gave ends before it starts ("de 11 a 10"): its length is theirs to say. */
  lengthUnclear: boolean;
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
  alternatives: null,
  lengthUnclear: false,
};

/** A reference resolved against a day or time only mentioned, not drafted, is less sure (docs/confidence.md). */
export const MENTION_CERTAINTY = 0.85;

export interface FoldClock {
  now: number;
  zone: string;
}
