// Negotiation agent: when the slot asked for cannot be booked, proposes the nearest free slots of the same
// length (the same day first), keeping to what the user said: a part of the day, a weekday. When the user
// asks what is free on a day (rule 22, `availability`) without an hour, or gives a window of hours (rule
// 20), it lists the free slots there; of alternatives the user offers (rule 27), the ones that are free.
import type { Calendar } from "../../src/calendars/types.js";
import type { Agent, AgentContext, Ambiguity, Draft } from "../../src/coordinator/agent.js";
import { asksWhatIsFree, listFreeTimes } from "./free-times.js";
import { nearestAlternatives, preferences } from "./nearest.js";
import { freeOptions, offersOptions } from "./offered.js";
import { offer } from "./slot-words.js";

const MINUTE = 60_000;

export const negotiationAgent: Agent = {
  name: "negotiation",
  failureField: "time",
  // Synchronous when there is no conflict to settle and no day to list, so most requests wait for nothing.
  run(context, draft) {
    const { calendar } = context;
    if (calendar === null) return draft;
    if (draft.status === "conflict" && draft.start !== null) {
      return negotiate(context, draft, calendar, draft.start);
    }
    if (offersOptions(draft)) return freeOptions(context, draft, calendar);
    return asksWhatIsFree(draft) ? listFreeTimes(context, draft, calendar) : draft;
  },
};

async function negotiate(
  context: AgentContext,
  draft: Draft,
  calendar: Calendar,
  start: string,
): Promise<Draft> {
  const startMs = Date.parse(start);
  const minutes =
    draft.end === null ? calendar.slotMinutes : Math.round((Date.parse(draft.end) - startMs) / MINUTE);
  const alternatives = await nearestAlternatives(context, calendar, startMs, minutes, {
    sameDayFirst: true,
    ...preferences(draft),
  });
  context.debug(() => `alternatives: ${JSON.stringify(alternatives)}`);
  return {
    ...draft,
    alternatives,
    ambiguities: draft.ambiguities.map((ambiguity) =>
      isSlotIssue(ambiguity)
        ? offer(ambiguity, alternatives, calendar, context.language, "alternativesOffered", "noAlternatives")
        : ambiguity,
    ),
  };
}

function isSlotIssue(ambiguity: Ambiguity): boolean {
  return ambiguity.issue === "conflict" || ambiguity.issue === "outside_hours";
}
