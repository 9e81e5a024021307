// The alternatives a user offers (rule 27), checked against the calendar: those that can be booked are
// the answer's `alternatives`, in the user's order, so a client can offer them back ("el jueves a las 10 o
// el viernes a las 2": only Friday is free). An option without a day and an hour cannot be checked.
import { checkSlot } from "../../src/calendars/availability.js";
import type { Calendar, Slot } from "../../src/calendars/types.js";
import type { AgentContext, Draft } from "../../src/coordinator/agent.js";
import { newSlotExpressions } from "../temporal/new-slot.js";
import { resolveOptions } from "../temporal/offered.js";

const MINUTE = 60_000;

/** Several slots offered and none chosen yet. */
export function offersOptions(draft: Draft): boolean {
  return (draft.offered?.length ?? 0) > 1 && draft.start === null;
}

export async function freeOptions(context: AgentContext, draft: Draft, calendar: Calendar): Promise<Draft> {
  const options = resolveOptions(draft.offered ?? [], {
    expressions: newSlotExpressions(draft),
    now: context.now,
    zone: draft.timezone,
    durationMinutes: draft.durationMinutes,
    defaultLengthMinutes: calendar.slotMinutes,
  });
  const slots = options
    .filter((option) => option.start !== null && option.end !== null)
    .map((option) => ({ startMs: Date.parse(option.start!), endMs: Date.parse(option.end!), option }))
    .filter(({ startMs }) => startMs > context.now);
  if (slots.length === 0) return draft;
  const buffer = calendar.bufferMinutes * MINUTE;
  const from = Math.min(...slots.map((slot) => slot.startMs));
  const to = Math.max(...slots.map((slot) => slot.endMs));
  const bookings = context.store
    ? await context.store.confirmedBookings(calendar.id, from - buffer, to + buffer)
    : [];
  const alternatives: Slot[] = [];
  for (const { startMs, endMs, option } of slots) {
    const free = checkSlot(calendar, bookings, startMs, endMs) === "free";
    if (free && !alternatives.some((slot) => slot.start === option.start)) {
      alternatives.push({ start: option.start!, end: option.end! });
    }
  }
  context.debug(() => `offered options free: ${JSON.stringify(alternatives)}`);
  return { ...draft, alternatives };
}
