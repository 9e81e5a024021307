// The conversation reader: how a conversation (`messages`) becomes the draft the other agents see. Each
// message is read alone by the single-message rules reader (user messages as the user's words, assistant
// messages as offers and questions; numbers that are not times are left out, rule 23), and the readings
// are folded in order by rules C1–C6 (fold.ts). The Parsing agent calls it for a conversation where it
// reads one text otherwise.
import { readText } from "../../agents/parsing/rules/read.js";
import { resolveOptions, sharedReading } from "../../agents/temporal/offered.js";
import {
  type AgentContext,
  type Ambiguity,
  type Draft,
  previousAppointment,
  type ReadableMessage,
} from "../coordinator/agent.js";
import type { ExplanationNotes } from "../explanation/notes.js";
import { localize } from "../locales/index.js";
import { type ConversationState, foldReadings, type MessageReading } from "./fold.js";
import { slotExpressions } from "./slot.js";

/**
 * Every message read alone, in order; relative words in each are read against the request's `now` (C1).
 * With `notes` (an explanation asked for), each message's reader notes its spans there.
 */
export function readMessages(
  messages: readonly ReadableMessage[],
  now: number,
  notes?: ExplanationNotes,
): MessageReading[] {
  const reference = new Date(now);
  return messages.map((message, index) => {
    const reading = readText(message, reference, notes && { message: index, notes });
    return {
      role: message.role,
      text: reading.text,
      intent: reading.intent,
      contact: reading.contact,
      service: reading.service,
      location: reading.location,
      durationMinutes: reading.durationMinutes,
      expressions: reading.expressions,
      mentions: reading.found.filter((expression) => expression.durationMinutes === undefined),
      previous: reading.previous,
      offered: reading.offered,
      corrected: reading.corrected,
      reversedRange: reading.reversedRange,
    };
  });
}

/** The conversation's state after the last user message, as the draft the Temporal agent resolves next. */
export function readConversation(context: AgentContext, draft: Draft): Draft {
  const messages = context.messages ?? [];
  const state = foldReadings(
    readMessages(messages, context.now, draft.notes),
    { now: context.now, zone: draft.timezone },
    draft.notes,
  );
  context.debug(
    () => `conversation: intent ${state.intent}, ${slotExpressions(state.slot).length} slot parts`,
  );
  if (state.intent === "none") return { ...draft, intent: "none" };
  const expressions = state.intent === "cancel" ? [] : slotExpressions(state.slot);
  const previous =
    state.intent === "cancel" || state.intent === "reschedule"
      ? previousAppointment({
          contact: state.previous?.contact ?? null,
          service: state.previous?.service ?? null,
          expressions: [...(state.previous?.expressions ?? [])],
        })
      : null;
  return {
    ...draft,
    intent: state.intent,
    previous,
    contact: state.contact,
    service: state.service,
    location: state.location === null ? null : { text: state.location },
    durationMinutes: state.durationMinutes,
    expressions,
    // The user's own alternatives (rule 27): the Temporal agent resolves each and asks which one, as for a
    // single text.
    ...(state.alternatives !== null ? { offered: state.alternatives.map(slotExpressions) } : {}),
    certainty: Math.min(
      draft.certainty,
      state.certainty,
      ...expressions.map((expression) => expression.certainty),
    ),
    ambiguities: [...draft.ambiguities, ...conversationAmbiguities(context, state, draft.timezone)],
  };
}

/**
 * References with nothing to refer to, and options offered that the user accepted without picking one: an
 * ambiguity on each part they differ on, shaped as for alternatives the user offers (rule 27), while the
 * slot keeps what the user said.
 */
function conversationAmbiguities(context: AgentContext, state: ConversationState, zone: string): Ambiguity[] {
  const ambiguities: Ambiguity[] = [];
  if (state.lengthUnclear) {
    ambiguities.push({
      field: "duration",
      issue: "ambiguous",
      message: localize(context.language, "rangeReversed"),
    });
  }
  for (const field of new Set(state.unresolved)) {
    if (state.slot[field] === null) {
      ambiguities.push({
        field,
        issue: "ambiguous",
        message: localize(context.language, "referenceUnresolved"),
      });
    }
  }
  if (state.unpicked !== null && state.intent !== "cancel") {
    const options = resolveOptions(
      state.unpicked.map((option) => slotExpressions(option.slot)),
      { expressions: [], now: context.now, zone, durationMinutes: null, defaultLengthMinutes: 30 },
    );
    ambiguities.push(...sharedReading(options, context.language).ambiguities);
  }
  return ambiguities;
}
