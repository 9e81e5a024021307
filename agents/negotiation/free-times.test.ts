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
import type { PartOfDay } from "../../src/temporal/types.js";
import { negotiationAgent } from "./index.js";

// Reference: Thursday 2026-01-22, 10:30 in Madrid. Monday 26 opens 09:00-11:00 and 16:00-18:00 and has
// 09:00-10:00 and 10:30-11:00 taken, so its free half hours are 10:00, 16:00, 16:30, 17:00 and 17:30.
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
    thursday: [{ from: "09:00", to: "12:00" }],
    friday: [{ from: "08:00", to: "14:00" }],
  },
  closures: [],
};

let directory: string;
let store: CalendarStore;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "cita-free-times-"));
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

function contextFor(language: Language = "es", withCalendar = true): AgentContext {
  return createAgentContext({
    text: "",
    language,
    locale: null,
    timezone: "Europe/Madrid",
    now: Date.parse("2026-01-22T10:30:00+01:00"),
    calendar: withCalendar ? calendar : null,
    store,
  });
}

/** A question about a day's free times as the Validation agent leaves it: no hour, so not complete. */
function question(date: string, fields: Partial<Draft> = {}, partOfDay?: PartOfDay): Draft {
  return {
    ...emptyDraft(contextFor()),
    intent: "availability",
    date,
    expressions:
      partOfDay === undefined
        ? []
        : [{ parser: "test", index: 0, end: 0, text: "", certainty: 1, partOfDay }],
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

const list = (draft: Draft, language?: Language, withCalendar?: boolean) =>
  negotiationAgent.run(contextFor(language, withCalendar), draft) as Promise<Draft>;
const starts = (draft: Draft) => draft.alternatives.map((slot) => slot.start.slice(0, 16));

describe("free times of the day a user asks about", () => {
  it("lists the day's free slots in order, and offers them on the time ambiguity", async () => {
    const draft = await list(question("2026-01-26"));
    expect(starts(draft)).toEqual([
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
        options: draft.alternatives.map((slot) => slot.start),
      },
    ]);
    expect([draft.status, draft.confidence]).toEqual(["needs_clarification", 0.29]);
  });

  it("keeps to the part of the day asked about", async () => {
    expect(starts(await list(question("2026-01-26", {}, "morning")))).toEqual(["2026-01-26T10:00"]);
    expect(starts(await list(question("2026-01-26", {}, "afternoon")))).toEqual([
      "2026-01-26T16:00",
      "2026-01-26T16:30",
      "2026-01-26T17:00",
      "2026-01-26T17:30",
    ]);
  });

  it("lists at most six, the earliest", async () => {
    expect(starts(await list(question("2026-01-23")))).toEqual([
      "2026-01-23T08:00",
      "2026-01-23T08:30",
      "2026-01-23T09:00",
      "2026-01-23T09:30",
      "2026-01-23T10:00",
      "2026-01-23T10:30",
    ]);
  });

  it("lists today's only from now on", async () => {
    expect(starts(await list(question("2026-01-22")))).toEqual(["2026-01-22T11:00", "2026-01-22T11:30"]);
  });

  it("lists slots of the length the user said", async () => {
    expect(starts(await list(question("2026-01-26", { durationMinutes: 60 })))).toEqual([
      "2026-01-26T16:00",
      "2026-01-26T16:30",
      "2026-01-26T17:00",
    ]);
  });

  it("offers the nearest free slots after it when nothing is free then, in the request's language", async () => {
    const draft = await list(
      question("2026-01-27", {
        ambiguities: [{ field: "time", issue: "missing", message: localize("en", "timeMissing") }],
      }),
      "en",
    );
    expect(starts(draft)).toEqual(["2026-01-29T09:00", "2026-01-29T09:30", "2026-01-29T10:00"]);
    expect(draft.ambiguities[0]?.message).toBe(
      `${localize("en", "timeMissing")} ${localize("en", "nothingFreeThen")} Thursday, January 29 at 09:00; ` +
        "Thursday, January 29 at 09:30; Thursday, January 29 at 10:00.",
    );
  });

  it("leaves alone a booking, a question with an hour, a past day and a request without a calendar", async () => {
    const booking = question("2026-01-26", { intent: "book" });
    expect(await list(booking)).toBe(booking);
    const withHour = question("2026-01-26", {
      time: "10:00",
      start: "2026-01-26T10:00:00+01:00",
      status: "complete",
      ambiguities: [],
    });
    expect(await list(withHour)).toBe(withHour);
    const past = question("2026-01-19", { status: "invalid" });
    expect(await list(past)).toBe(past);
    const noCalendar = question("2026-01-26");
    expect(await list(noCalendar, "es", false)).toBe(noCalendar);
  });
});
