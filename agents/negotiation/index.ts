// Negotiation agent: when the slot asked for cannot be booked, proposes the nearest free slots of the same
// length (the same day first), keeping to what the user said: a part of the day, a weekday.
import { type DayPart, type NearestOptions, nearestFreeSlots } from "../../src/calendars/availability.js";
import type { Calendar, Slot } from "../../src/calendars/types.js";
import type { Agent, AgentContext, Ambiguity, Draft } from "../../src/coordinator/agent.js";
import { type Language, LOCALES, localize } from "../../src/locales/index.js";
import type { PartOfDay } from "../../src/temporal/types.js";

const MINUTE = 60_000;
const DAY = 86_400_000;
const COUNT = 3;
const HORIZON_DAYS = 14;

const DAY_PARTS: Record<PartOfDay, DayPart> = {
  dawn: "morning",
  morning: "morning",
  noon: "afternoon",
  afternoon: "afternoon",
  evening: "evening",
  night: "evening",
  lateNight: "evening",
};

export const negotiationAgent: Agent = {
  name: "negotiation",
  failureField: "time",
  // Synchronous when there is no conflict to settle, so most requests wait for nothing.
  run(context, draft) {
    const { calendar } = context;
    if (calendar === null || draft.status !== "conflict" || draft.start === null) return draft;
    return negotiate(context, draft, calendar, draft.start);
  },
};

async function negotiate(
  context: AgentContext,
  draft: Draft,
  calendar: Calendar,
  start: string,
): Promise<Draft> {
  const { store } = context;
  const startMs = Date.parse(start);
  const minutes =
    draft.end === null ? calendar.slotMinutes : Math.round((Date.parse(draft.end) - startMs) / MINUTE);
  const bookings = store
    ? await store.confirmedBookings(calendar.id, startMs - DAY, startMs + (HORIZON_DAYS + 2) * DAY)
    : [];
  const options: NearestOptions = {
    count: COUNT,
    sameDayFirst: true,
    horizonDays: HORIZON_DAYS,
    notBeforeMs: context.now,
    ...preferences(draft),
  };
  let alternatives = nearestFreeSlots(calendar, bookings, startMs, minutes, options);
  // Nothing fits what the user asked for: any nearby slot beats none.
  if (alternatives.length === 0 && (options.partOfDay !== undefined || options.weekday !== undefined)) {
    const { partOfDay: _partOfDay, weekday: _weekday, ...relaxed } = options;
    alternatives = nearestFreeSlots(calendar, bookings, startMs, minutes, relaxed);
  }
  context.debug(() => `alternatives: ${JSON.stringify(alternatives)}`);
  return {
    ...draft,
    alternatives,
    ambiguities: draft.ambiguities.map((ambiguity) =>
      isSlotIssue(ambiguity) ? propose(ambiguity, alternatives, calendar, context.language) : ambiguity,
    ),
  };
}

/** The part of the day and the weekday the user said, as the Parsing agent read them. */
function preferences(draft: Draft): Pick<NearestOptions, "partOfDay" | "weekday"> {
  const partOfDay = draft.expressions.find((expression) => expression.partOfDay !== undefined)?.partOfDay;
  const weekday = draft.expressions
    .map((expression) => expression.date)
    .find((date) => date?.kind === "weekday" || (date?.kind === "calendar" && date.weekday !== undefined));
  return {
    ...(partOfDay !== undefined ? { partOfDay: DAY_PARTS[partOfDay] } : {}),
    ...(weekday !== undefined && "weekday" in weekday ? { weekday: weekday.weekday } : {}),
  };
}

function isSlotIssue(ambiguity: Ambiguity): boolean {
  return ambiguity.issue === "conflict" || ambiguity.issue === "outside_hours";
}

function propose(
  ambiguity: Ambiguity,
  alternatives: Slot[],
  calendar: Calendar,
  language: Language,
): Ambiguity {
  if (alternatives.length === 0) {
    return { ...ambiguity, message: `${ambiguity.message} ${localize(language, "noAlternatives")}` };
  }
  const list = alternatives.map((slot) => describeSlot(slot, calendar, language)).join("; ");
  return {
    ...ambiguity,
    message: `${ambiguity.message} ${localize(language, "alternativesOffered")} ${list}.`,
    options: alternatives.map((slot) => slot.start),
  };
}

const formats = new Map<string, Intl.DateTimeFormat>();
const descriptions = new Map<string, string>();
const MAX_CACHED = 10_000;

/** "lunes, 26 de enero, 10:00" / "Monday, January 26, 10:00", in the calendar's zone. */
function describeSlot(slot: Slot, calendar: Calendar, language: Language): string {
  // A pure function of the language, the zone and the instant, and the same free slots are offered to
  // many requests: the wording of each is kept (bounded), as formatting one costs about a microsecond.
  const key = `${language} ${calendar.timezone} ${slot.start}`;
  let description = descriptions.get(key);
  if (description === undefined) {
    description = formatFor(language, calendar.timezone).format(new Date(slot.start));
    if (descriptions.size >= MAX_CACHED) descriptions.clear();
    descriptions.set(key, description);
  }
  return description;
}

/** Building an Intl formatter costs far more than using one: one per language and zone is kept. */
function formatFor(language: Language, timezone: string): Intl.DateTimeFormat {
  const key = `${language} ${timezone}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(LOCALES[language].intlLocale, {
      weekday: "long",
      day: "numeric",
      month: "long",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: timezone,
    });
    if (formats.size >= 1000) formats.clear();
    formats.set(key, format);
  }
  return format;
}
