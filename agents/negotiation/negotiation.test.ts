import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/calendars/sqlite-store.js";
import type { CalendarStore } from "../../src/calendars/store.js";
import type { Calendar } from "../../src/calendars/types.js";
import { type AgentContext, type Draft, emptyDraft } from "../../src/coordinator/agent.js";
import { createAgentContext } from "../../src/coordinator/context.js";
import { type Language, localize } from "../../src/locales/index.js";
import type { PartOfDay, TemporalExpression } from "../../src/temporal/types.js";
import { negotiationAgent } from "./index.js";

// Reference: Thursday 2026-01-22 in Madrid. Monday 26 has its 09:00-10:00 and 10:30-11:00 taken.
const calendar: Calendar = {
  id: "perez",
  name: "Dr. Pérez",
  timezone: "Europe/Madrid",
  slotMinutes: 30,
  bufferMinutes: 0,
  openingHours: {
    monday: [
      { from: "09:00", to: "11:00" },
      { from: "16:00", to: "18:00" },
    ],
    tuesday: [{ from: "09:00", to: "11:00" }],
    wednesday: [{ from: "09:00", to: "11:00" }],
  },
  closures: [],
};

let directory: string;
let store: CalendarStore;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "cita-negotiation-"));
  store = await openSqliteStore(join(directory, "calendars.db"));
  await store.migrate();
  await store.putCalendar(calendar);
  for (const [id, start, end] of [
    ["a", "2026-01-26T09:00:00+01:00", "2026-01-26T10:00:00+01:00"],
    ["b", "2026-01-26T10:30:00+01:00", "2026-01-26T11:00:00+01:00"],
  ] as const) {
    await store.createBooking({
      id,
      calendarId: calendar.id,
      startMs: Date.parse(start),
      endMs: Date.parse(end),
      start,
      end,
      bufferMinutes: 0,
      contact: null,
      service: null,
      notes: null,
      createdAt: "2026-01-01T00:00:00+01:00",
    });
  }
});

afterAll(async () => {
  await store.close?.();
  rmSync(directory, { recursive: true, force: true });
});

function contextFor(forCalendar: Calendar = calendar, language: Language = "es"): AgentContext {
  return createAgentContext({
    text: "",
    language,
    locale: null,
    timezone: "Europe/Madrid",
    now: Date.parse("2026-01-22T10:30:00+01:00"),
    calendar: forCalendar,
    store,
  });
}

function expression(fields: Partial<TemporalExpression>): TemporalExpression {
  return { parser: "test", index: 0, end: 0, text: "", certainty: 1, ...fields };
}

/** A draft as the Availability agent leaves a slot it could not book. */
function conflict(start: string, fields: Partial<Draft> = {}, language: Language = "es"): Draft {
  const startMs = Date.parse(start);
  return {
    ...emptyDraft(contextFor()),
    intent: "book",
    date: start.slice(0, 10),
    time: start.slice(11, 16),
    start,
    end: new Date(startMs + 30 * 60_000).toISOString(),
    status: "conflict",
    confidence: 0.71,
    ambiguities: [{ field: "time", issue: "conflict", message: localize(language, "slotTaken") }],
    ...fields,
  };
}

const negotiate = (draft: Draft, forCalendar?: Calendar, language?: Language) =>
  negotiationAgent.run(contextFor(forCalendar, language), draft) as Promise<Draft>;
const starts = (draft: Draft) => draft.alternatives.map((slot) => slot.start);

describe("negotiation agent", () => {
  it("leaves a draft without a conflict alone", async () => {
    const draft = { ...conflict("2026-01-26T09:30:00+01:00"), status: "complete" as const, ambiguities: [] };
    expect(await negotiate(draft)).toBe(draft);
  });

  it("proposes the nearest free slots, the same day first, and lists them in the ambiguity", async () => {
    const draft = await negotiate(conflict("2026-01-26T09:30:00+01:00"));
    expect(draft.alternatives).toEqual([
      { start: "2026-01-26T10:00:00+01:00", end: "2026-01-26T10:30:00+01:00" },
      { start: "2026-01-26T16:00:00+01:00", end: "2026-01-26T16:30:00+01:00" },
      { start: "2026-01-26T16:30:00+01:00", end: "2026-01-26T17:00:00+01:00" },
    ]);
    const [ambiguity] = draft.ambiguities;
    expect(ambiguity?.options).toEqual(starts(draft));
    expect(ambiguity?.message).toBe(
      "Esa hora ya está ocupada. Horas libres más cercanas: lunes, 26 de enero, 10:00; " +
        "lunes, 26 de enero, 16:00; lunes, 26 de enero, 16:30.",
    );
    expect(draft.status).toBe("conflict");
    expect(draft.confidence).toBe(0.71);
  });

  it("keeps to the part of the day the user said", async () => {
    const draft = await negotiate(
      conflict("2026-01-26T09:30:00+01:00", { expressions: [expression({ partOfDay: "afternoon" })] }),
    );
    expect(starts(draft)).toEqual([
      "2026-01-26T16:00:00+01:00",
      "2026-01-26T16:30:00+01:00",
      "2026-01-26T17:00:00+01:00",
    ]);
  });

  it("keeps to the weekday the user said", async () => {
    const draft = await negotiate(
      conflict("2026-01-26T09:30:00+01:00", {
        expressions: [expression({ date: { kind: "weekday", weekday: 1 }, partOfDay: "morning" })],
      }),
    );
    expect(starts(draft)).toEqual([
      "2026-01-26T10:00:00+01:00",
      "2026-02-02T09:00:00+01:00",
      "2026-02-02T09:30:00+01:00",
    ]);
  });

  it("offers other days when nothing fits what was said, in the request's language", async () => {
    const closedFriday = conflict(
      "2026-01-30T10:00:00+01:00",
      {
        expressions: [expression({ date: { kind: "weekday", weekday: 5 } })],
        ambiguities: [{ field: "date", issue: "outside_hours", message: localize("en", "calendarClosed") }],
      },
      "en",
    );
    const draft = await negotiate(closedFriday, undefined, "en");
    expect(starts(draft)).toEqual([
      "2026-02-02T09:00:00+01:00",
      "2026-02-02T09:30:00+01:00",
      "2026-02-02T10:00:00+01:00",
    ]);
    expect(draft.ambiguities[0]?.message).toContain("Nearest free times: Monday, February 2 at 09:00;");
  });

  it("says so when there is no free slot in the next two weeks", async () => {
    const draft = await negotiate(conflict("2026-01-26T09:30:00+01:00"), { ...calendar, openingHours: {} });
    expect(draft.alternatives).toEqual([]);
    expect(draft.ambiguities[0]?.message).toBe(
      `${localize("es", "slotTaken")} ${localize("es", "noAlternatives")}`,
    );
    expect(draft.ambiguities[0]?.options).toBeUndefined();
  });
});

/** A question about a day's free times as the Validation agent leaves it: no hour, so not complete. */
function question(date: string, fields: Partial<Draft> = {}, partOfDay?: PartOfDay): Draft {
  return {
    ...emptyDraft(contextFor()),
    intent: "availability",
    date,
    expressions: partOfDay === undefined ? [] : [expression({ partOfDay })],
    status: "needs_clarification",
    confidence: 0.29,
    ambiguities: [
      partOfDay === undefined
        ? { field: "time", issue: "missing", message: localize("es", "timeMissing") }
        : { field: "time", issue: "ambiguous", message: localize("es", "partOfDay") },
    ],
    ...fields,
  };
}

const open = (hours: Calendar["openingHours"]): Calendar => ({ ...calendar, openingHours: hours });
const minutes = (draft: Draft) => starts(draft).map((start) => start.slice(0, 16));

describe("negotiation agent, free times of the day a user asks about", () => {
  it("lists the day's free slots in order, and offers them on the time ambiguity", async () => {
    const draft = await negotiate(question("2026-01-26"));
    expect(minutes(draft)).toEqual([
      "2026-01-26T10:00",
      "2026-01-26T16:00",
      "2026-01-26T16:30",
      "2026-01-26T17:00",
      "2026-01-26T17:30",
    ]);
    expect(draft.alternatives[0]).toEqual({
      start: "2026-01-26T10:00:00+01:00",
      end: "2026-01-26T10:30:00+01:00",
    });
    expect(draft.ambiguities).toEqual([
      {
        field: "time",
        issue: "missing",
        message:
          "¿A qué hora quieres la cita? Horas libres: lunes, 26 de enero, 10:00; lunes, 26 de enero, 16:00; " +
          "lunes, 26 de enero, 16:30; lunes, 26 de enero, 17:00; lunes, 26 de enero, 17:30.",
        options: starts(draft),
      },
    ]);
    expect([draft.status, draft.confidence]).toEqual(["needs_clarification", 0.29]);
  });

  it("keeps to the part of the day asked about", async () => {
    expect(minutes(await negotiate(question("2026-01-26", {}, "morning")))).toEqual(["2026-01-26T10:00"]);
    expect(minutes(await negotiate(question("2026-01-26", {}, "afternoon")))).toEqual([
      "2026-01-26T16:00",
      "2026-01-26T16:30",
      "2026-01-26T17:00",
      "2026-01-26T17:30",
    ]);
  });

  it("lists at most six, the earliest", async () => {
    const draft = await negotiate(question("2026-01-23"), open({ friday: [{ from: "08:00", to: "14:00" }] }));
    expect(minutes(draft)).toEqual([
      "2026-01-23T08:00",
      "2026-01-23T08:30",
      "2026-01-23T09:00",
      "2026-01-23T09:30",
      "2026-01-23T10:00",
      "2026-01-23T10:30",
    ]);
  });

  it("lists today's only from now on", async () => {
    const draft = await negotiate(
      question("2026-01-22"),
      open({ thursday: [{ from: "09:00", to: "12:00" }] }),
    );
    expect(minutes(draft)).toEqual(["2026-01-22T11:00", "2026-01-22T11:30"]);
  });

  it("lists slots of the length the user said", async () => {
    expect(minutes(await negotiate(question("2026-01-26", { durationMinutes: 60 })))).toEqual([
      "2026-01-26T16:00",
      "2026-01-26T16:30",
      "2026-01-26T17:00",
    ]);
  });

  it("offers the nearest free slots after it when nothing is free then, in the request's language", async () => {
    const saturday = question("2026-01-24", {
      ambiguities: [{ field: "time", issue: "missing", message: localize("en", "timeMissing") }],
    });
    const draft = await negotiate(saturday, undefined, "en");
    expect(minutes(draft)).toEqual(["2026-01-26T10:00", "2026-01-26T16:00", "2026-01-26T16:30"]);
    expect(draft.ambiguities[0]?.message).toBe(
      `${localize("en", "timeMissing")} ${localize("en", "nothingFreeThen")} Monday, January 26 at 10:00; ` +
        "Monday, January 26 at 16:00; Monday, January 26 at 16:30.",
    );
  });

  it("leaves alone a booking, a question with an hour, a past day and a request without a calendar", async () => {
    const booking = question("2026-01-26", { intent: "book" });
    expect(await negotiate(booking)).toBe(booking);
    const withHour = question("2026-01-26", {
      time: "10:00",
      start: "2026-01-26T10:00:00+01:00",
      status: "complete",
      ambiguities: [],
    });
    expect(await negotiate(withHour)).toBe(withHour);
    const past = question("2026-01-19", { status: "invalid" });
    expect(await negotiate(past)).toBe(past);
    const noCalendar = question("2026-01-26");
    expect(await negotiationAgent.run({ ...contextFor(), calendar: null }, noCalendar)).toBe(noCalendar);
  });
});
