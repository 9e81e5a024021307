// What is free on the day a user asks about (rule 22, `availability`): "¿qué horarios tienen el viernes?",
// "¿hay lugar mañana a la tarde?" list the calendar's free slots that day, in the part of the day said, in
// order and at most six; a question that names an hour is checked like a booking instead (the Availability
// agent, then the nearest slots when it is taken). A window the user gives for a booking ("mañana entre
// las 9 y las 12", "after 5pm on Friday", rule 20) lists the free slots inside it the same way. When
// nothing is free there, the nearest free slots after it are offered, as for a slot that is taken.
import { DAY_PARTS, firstInstantAtOrAfter, freeSlots } from "../../src/calendars/availability.js";
import type { Calendar } from "../../src/calendars/types.js";
import type { AgentContext, Draft } from "../../src/coordinator/agent.js";
import { addDays, type CivilDate } from "../../src/temporal/civil.js";
import { isWindow, windowMinutes } from "../temporal/window.js";
import { DAY_PART_OF, nearestAlternatives } from "./nearest.js";
import { offer } from "./slot-words.js";

const COUNT = 6;
const MINUTE = 60_000;

/**
 * A question about free times that names a day but no hour, which a booking would still need, or a day
 * with a window of hours to choose in.
 */
export function asksWhatIsFree(draft: Draft): boolean {
  return (
    (draft.intent === "availability" || draft.expressions.some(isWindow)) &&
    draft.date !== null &&
    draft.start === null &&
    draft.status === "needs_clarification"
  );
}

export async function listFreeTimes(context: AgentContext, draft: Draft, calendar: Calendar): Promise<Draft> {
  const [fromMs, toMs] = window(draft);
  const minutes = draft.durationMinutes ?? calendar.slotMinutes;
  const buffer = calendar.bufferMinutes * MINUTE;
  const bookings = context.store
    ? await context.store.confirmedBookings(calendar.id, fromMs - buffer, toMs + buffer)
    : [];
  // A slot that starts now is already too late to book.
  const notBefore = Math.max(fromMs, context.now + 1);
  const inside = notBefore < toMs ? freeSlots(calendar, bookings, notBefore, toMs, minutes) : [];
  const slots = inside.slice(0, COUNT);
  const alternatives =
    slots.length > 0
      ? slots
      : await nearestAlternatives(context, calendar, fromMs, minutes, {
          sameDayFirst: false,
          // Nothing free inside a window of hours: the nearest slots after its start, not before it.
          ...(draft.expressions.some(isWindow) ? { notBeforeMs: fromMs } : {}),
        });
  context.debug(() => `free times asked about: ${JSON.stringify(alternatives)}`);
  const intro = slots.length > 0 ? "freeTimesOffered" : "nothingFreeThen";
  return {
    ...draft,
    alternatives,
    ambiguities: draft.ambiguities.map((ambiguity) =>
      ambiguity.field === "time"
        ? offer(ambiguity, alternatives, calendar, context.language, intro, "noAlternatives")
        : ambiguity,
    ),
  };
}

/**
 * [from, to) of the day asked about, in the draft's zone: of the window of hours said ("entre las 9 y las
 * 12"), else of the part of the day said ("a la tarde"), else the whole day.
 */
function window(draft: Draft): [number, number] {
  const [year, month, day] = draft.date!.split("-").map(Number) as [number, number, number];
  const date: CivilDate = { year, month, day };
  const partOfDay = draft.expressions.find((expression) => expression.partOfDay !== undefined)?.partOfDay;
  const hours = draft.expressions.find(isWindow);
  const [fromMinute, toMinute] =
    hours !== undefined
      ? windowMinutes(hours, partOfDay)
      : (partOfDay === undefined ? [0, 24] : DAY_PARTS[DAY_PART_OF[partOfDay]]).map((hour) => hour * 60);
  const zone = draft.timezone;
  return [
    firstInstantAtOrAfter(zone, date, fromMinute!),
    toMinute! >= 24 * 60
      ? firstInstantAtOrAfter(zone, addDays(date, 1), 0)
      : firstInstantAtOrAfter(zone, date, toMinute!),
  ];
}
