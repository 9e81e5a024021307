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
import type { TemporalExpression } from "../../src/temporal/types.js";
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
