// The nearest free slots to a start, keeping to the part of the day and the weekday the user said, and any
// nearby slot when nothing fits them: what the Negotiation agent offers instead of a slot it cannot book.
import { type DayPart, type NearestOptions, nearestFreeSlots } from "../../src/calendars/availability.js";
import type { Calendar, Slot } from "../../src/calendars/types.js";
import type { AgentContext, Draft } from "../../src/coordinator/agent.js";
import type { PartOfDay } from "../../src/temporal/types.js";

const DAY = 86_400_000;
const COUNT = 3;
const HORIZON_DAYS = 14;

/** The calendar's parts of the day for the parsers' ones (a Spanish "noche" is the evening there). */
export const DAY_PART_OF: Readonly<Record<PartOfDay, DayPart>> = {
  dawn: "morning",
  morning: "morning",
  noon: "afternoon",
  afternoon: "afternoon",
  evening: "evening",
  night: "evening",
  lateNight: "evening",
};

export type Preferences = Pick<NearestOptions, "partOfDay" | "weekday" | "sameDayFirst" | "notBeforeMs">;

export async function nearestAlternatives(
  context: AgentContext,
  calendar: Calendar,
  startMs: number,
  minutes: number,
  preferences: Preferences,
): Promise<Slot[]> {
  const { store } = context;
  const bookings = store
    ? await store.confirmedBookings(calendar.id, startMs - DAY, startMs + (HORIZON_DAYS + 2) * DAY)
    : [];
  const options: NearestOptions = {
    count: COUNT,
    horizonDays: HORIZON_DAYS,
    ...preferences,
    // Never before now; a window's start when the user said after it ("después de las 2").
    notBeforeMs: Math.max(context.now, preferences.notBeforeMs ?? context.now),
  };
  const alternatives = nearestFreeSlots(calendar, bookings, startMs, minutes, options);
  // Nothing fits what the user asked for: any nearby slot beats none.
  if (alternatives.length > 0 || (options.partOfDay === undefined && options.weekday === undefined)) {
    return alternatives;
  }
  const { partOfDay: _partOfDay, weekday: _weekday, ...relaxed } = options;
  return nearestFreeSlots(calendar, bookings, startMs, minutes, relaxed);
}

/** The part of the day and the weekday the user said, as the Parsing agent read them. */
export function preferences(draft: Draft): Pick<NearestOptions, "partOfDay" | "weekday"> {
  const partOfDay = draft.expressions.find((expression) => expression.partOfDay !== undefined)?.partOfDay;
  const weekday = draft.expressions
    .map((expression) => expression.date)
    .find((date) => date?.kind === "weekday" || (date?.kind === "calendar" && date.weekday !== undefined));
  return {
    ...(partOfDay !== undefined ? { partOfDay: DAY_PART_OF[partOfDay] } : {}),
    ...(weekday !== undefined && "weekday" in weekday ? { weekday: weekday.weekday } : {}),
  };
}
