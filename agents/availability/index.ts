// Availability agent: with a calendar named, checks the resolved slot against the calendar's opening hours,
// closures and confirmed bookings. A slot that cannot be booked turns the draft into a conflict.
import type { SlotCheck } from "../../src/calendars/availability.js";
import { checkSlot } from "../../src/calendars/availability.js";
import type { Calendar } from "../../src/calendars/types.js";
import {
  type Agent,
  type AgentContext,
  type Ambiguity,
  aboutAppointment,
  type Draft,
} from "../../src/coordinator/agent.js";
import { localize } from "../../src/locales/index.js";
import type { MessageKey } from "../../src/locales/messages.js";
import { formatAtOffset, zoneFor } from "../../src/temporal/zone.js";
import { computeConfidence } from "../validation/confidence.js";

const MINUTE = 60_000;

const AMBIGUITIES: Record<
  Exclude<SlotCheck, "free">,
  Pick<Ambiguity, "field" | "issue"> & { key: MessageKey }
> = {
  closed: { field: "date", issue: "outside_hours", key: "calendarClosed" },
  outside_hours: { field: "time", issue: "outside_hours", key: "outsideHours" },
  // Not on the grid: the time cannot be booked as said, the nearest slots on the grid can.
  off_grid: { field: "time", issue: "conflict", key: "offGrid" },
  conflict: { field: "time", issue: "conflict", key: "slotTaken" },
};

export const availabilityAgent: Agent = {
  name: "availability",
  failureField: "time",
  // Synchronous when there is nothing to check, so requests without a calendar wait for nothing.
  run(context, draft) {
    const { calendar } = context;
    if (calendar === null || !aboutAppointment(draft) || draft.start === null || draft.status === "invalid")
      return draft;
    return check(context, draft, calendar, draft.start);
  },
};

async function check(context: AgentContext, draft: Draft, calendar: Calendar, start: string): Promise<Draft> {
  const { store } = context;
  const startMs = Date.parse(start);
  // The user said no length: the calendar's slot is the appointment's length.
  const endMs =
    draft.durationMinutes === null || draft.end === null
      ? startMs + calendar.slotMinutes * MINUTE
      : Date.parse(draft.end);
  const end = formatAtOffset(endMs, zoneFor(draft.timezone).offset(endMs));
  // Opening hours, closures and the grid first: a slot they rule out needs no bookings read.
  let check = checkSlot(calendar, [], startMs, endMs);
  if (check === "free" && store) {
    const buffer = calendar.bufferMinutes * MINUTE;
    const bookings = await store.confirmedBookings(calendar.id, startMs - buffer, endMs + buffer);
    check = checkSlot(calendar, bookings, startMs, endMs);
  }
  context.debug(() => `availability of ${draft.start} in ${calendar.id}: ${check}`);
  if (check === "free") return { ...draft, end };
  const { key, ...ambiguity } = AMBIGUITIES[check];
  // Validation ran before this agent, so the status and confidence are settled here again.
  const next: Draft = {
    ...draft,
    end,
    ambiguities: [...draft.ambiguities, { ...ambiguity, message: localize(context.language, key) }],
    status: "conflict",
  };
  return { ...next, confidence: computeConfidence(context, next) };
}
