// The latest intent of a conversation (conventions, C5): what each user message does to it and to the
// existing appointment a reschedule or a cancel names.
import { APPOINTMENT } from "../../agents/parsing/rules/vocabulary.js";
import { EMPTY_SLOT, isEmpty, slotExpressions } from "./slot.js";
import type { ConversationState, MessageReading } from "./state.js";

/** The latest intent (C5): a reply with none of its own leaves it; taking an offer books (or reschedules). */
export function withIntent(
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
