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
import { computeConfidence, rulesProbability } from "../validation/confidence.js";
import { confidenceSignals } from "../validation/signals.js";
import { availabilityAgent } from "./index.js";

// Thursday 2026-01-22 in Madrid; the calendar works weekday mornings on a 20-minute grid.
const calendar: Calendar = {
  id: "perez",
  name: "Dr. Pérez",
  timezone: "Europe/Madrid",
  slotMinutes: 20,
  bufferMinutes: 0,
  openingHours: { friday: [{ from: "09:00", to: "14:00" }] },
  closures: [{ from: "2026-01-30", to: "2026-01-30" }],
};

let directory: string;
let store: CalendarStore;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "cita-availability-"));
  store = await openSqliteStore(join(directory, "calendars.db"));
  await store.migrate();
  await store.putCalendar(calendar);
  await store.createBooking({
    id: "taken",
    calendarId: calendar.id,
    startMs: Date.parse("2026-01-23T11:00:00+01:00"),
    endMs: Date.parse("2026-01-23T11:20:00+01:00"),
    start: "2026-01-23T11:00:00+01:00",
    end: "2026-01-23T11:20:00+01:00",
    bufferMinutes: 0,
    contact: "Ana",
    service: null,
    notes: null,
    createdAt: "2026-01-01T00:00:00+01:00",
  });
});

afterAll(async () => {
  await store.close?.();
  rmSync(directory, { recursive: true, force: true });
});

function contextWith(withCalendar: boolean, language: Language = "es"): AgentContext {
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

/** A draft as the Validation agent leaves a complete appointment, at a local time on Friday 23. */
function validated(time: string, fields: Partial<Draft> = {}): Draft {
  const draft: Draft = {
    ...emptyDraft(contextWith(true)),
    intent: "book",
    contact: "Dr. Pérez",
    date: "2026-01-23",
    time,
    start: `2026-01-23T${time}:00+01:00`,
    end: `2026-01-23T${time}:00+01:00`,
    status: "complete",
    ...fields,
  };
  return { ...draft, confidence: computeConfidence(contextWith(true), draft) };
}

const check = (draft: Draft, withCalendar = true, language: Language = "es") =>
  availabilityAgent.run(contextWith(withCalendar, language), draft) as Promise<Draft>;

describe("availability agent", () => {
  it("leaves a draft alone without a calendar", async () => {
    const draft = validated("11:00");
    expect(await check(draft, false)).toBe(draft);
  });

  it("keeps a free slot complete and gives it the calendar's length", async () => {
    const draft = await check(validated("10:00"));
    expect(draft.status).toBe("complete");
    expect(draft.ambiguities).toEqual([]);
    expect(draft.end).toBe("2026-01-23T10:20:00+01:00");
  });

  it("keeps the length the user said", async () => {
    const draft = await check(validated("09:00", { durationMinutes: 60, end: "2026-01-23T10:00:00+01:00" }));
    expect(draft.status).toBe("complete");
    expect(draft.end).toBe("2026-01-23T10:00:00+01:00");
  });

  it("turns a taken slot into a conflict and lowers the confidence", async () => {
    const before = validated("11:00");
    const draft = await check(before);
    expect(draft.status).toBe("conflict");
    expect(draft.ambiguities).toEqual([
      { field: "time", issue: "conflict", message: localize("es", "slotTaken") },
    ]);
    expect(draft.confidence).toBe(computeConfidence(contextWith(true), draft));
    // The conflict is an ambiguity: the fitted probability falls; the rules' maximum (0.98) can hide it on a
    // clear request, so the answer only never rises.
    expect(draft.confidence).toBeLessThanOrEqual(before.confidence ?? 0);
    const probability = (of: Draft) => rulesProbability(confidenceSignals(contextWith(true), of));
    expect(probability(draft)).toBeLessThan(probability(before));
  });

  it("flags a time outside the opening hours, in the request's language", async () => {
    const draft = await check(validated("15:00"), true, "en");
    expect(draft.status).toBe("conflict");
    expect(draft.ambiguities).toEqual([
      { field: "time", issue: "outside_hours", message: localize("en", "outsideHours") },
    ]);
  });

  it("flags the date on a closure day and a time off the grid", async () => {
    const closed = await check(
      validated("10:00", { date: "2026-01-30", start: "2026-01-30T10:00:00+01:00" }),
    );
    expect(closed.ambiguities).toContainEqual(
      expect.objectContaining({ field: "date", issue: "outside_hours" }),
    );
    const offGrid = await check(validated("10:10"));
    expect(offGrid.status).toBe("conflict");
    expect(offGrid.ambiguities).toContainEqual(expect.objectContaining({ field: "time", issue: "conflict" }));
  });

  it("does not look up a slot that is already invalid or unresolved", async () => {
    const invalid = validated("11:00", { status: "invalid" });
    expect(await check(invalid)).toBe(invalid);
    const noTime = validated("11:00", { time: null, start: null, end: null, status: "needs_clarification" });
    expect(await check(noTime)).toBe(noTime);
  });
});
