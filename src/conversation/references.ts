// References to a day or time already named (conventions, C3 and C5b): "ese día", "same time", "the day
// after", resolved against the draft, the appointment being moved, or the latest mention.
import type { TemporalExpression } from "../temporal/types.js";
import type { ReplyActs } from "./acts.js";
import { resolveSlot, type Slot, slotOf } from "./slot.js";
import { type ConversationState, type FoldClock, MENTION_CERTAINTY } from "./state.js";

/** "ese día", "same time", "the day after": the draft's day or time, else the latest one mentioned (C3). */
export function withReferences(
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
