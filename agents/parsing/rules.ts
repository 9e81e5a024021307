// The Parsing agent's rules reading: what the text asks for, contact, service, location, duration and the
// date and time expressions of the slot asked for and of the appointment it replaces or cancels,
// deterministically (rules/). The Temporal agent resolves the expressions. A conversation is read by the
// conversation reader (src/conversation), which reads each of its messages this way.
import { readConversation } from "../../src/conversation/index.js";
import { type AgentContext, type Draft, previousAppointment } from "../../src/coordinator/agent.js";
import { localize } from "../../src/locales/index.js";
import { readText } from "./rules/read.js";

export function readByRules(context: AgentContext, draft: Draft): Draft {
  // A conversation is read message by message and folded (src/conversation): a step of its own.
  if (context.messages !== null) return readConversation(context, draft);
  const reading = readText(
    context,
    new Date(context.now),
    draft.notes && { message: null, notes: draft.notes },
  );
  if (reading.intent === "none") return { ...draft, intent: "none" };
  context.debug(
    () =>
      `expressions: ${JSON.stringify(reading.found.map((expression) => [expression.parser, expression.text]))}`,
  );
  return {
    ...draft,
    intent: reading.intent,
    previous: reading.previous === null ? null : previousAppointment(reading.previous),
    contact: reading.contact,
    service: reading.service,
    location: reading.location !== null ? { text: reading.location } : null,
    durationMinutes: reading.durationMinutes,
    expressions: reading.expressions,
    ...(reading.offered.length > 1 ? { offered: reading.offered } : {}),
    // "de 11 a 10": the start is read, the length is the user's to say (rule 20).
    ambiguities: reading.reversedRange
      ? [
          ...draft.ambiguities,
          { field: "duration", issue: "ambiguous", message: localize(context.language, "rangeReversed") },
        ]
      : draft.ambiguities,
    // A cancel is as sure as the appointment it names (docs/confidence.md): both slots' readings count.
    certainty: Math.min(
      draft.certainty,
      ...[...reading.expressions, ...(reading.previous?.expressions ?? [])].map(
        (expression) => expression.certainty,
      ),
    ),
  };
}
