// Rule 22 through the whole service in process, rules mode: a cancel is never complete and names its
// appointment in `previous`; a reschedule answers the new slot with the old one beside it; a question about
// free times gets the status a booking of that slot would, and with a calendar its free slots. Every answer
// satisfies the response schema. The calendars are fixtures/calendars.json (Dr. Pérez, Madrid: 10:00 on
// Friday 23 January 2026 is taken, Saturdays closed).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { type ParseRequest, ParseResponseSchema } from "../src/http/schemas/parse.js";
import { parseAppointment } from "../src/service.js";
import { type GoldenStore, openGoldenStore } from "../tools/golden/calendars.js";

let calendars: GoldenStore;
beforeAll(async () => {
  calendars = await openGoldenStore();
});
afterAll(() => calendars?.close());

// Thursday 22 January 2026, 10:30 in Madrid.
async function parse(text: string, fields: Partial<ParseRequest> = {}) {
  const request: ParseRequest = {
    text,
    timezone: "Europe/Madrid",
    now: "2026-01-22T10:30:00+01:00",
    mode: "rules",
    ...fields,
  };
  const answer = await parseAppointment(request, {
    config: readConfig({}),
    store: calendars.store,
    requestId: "intents",
  });
  return ParseResponseSchema.parse(answer);
}

describe("cancel", () => {
  it.each([
    ["cancel my dentist appointment tomorrow at 3pm", "dentist"],
    ["CANCELAR MI CITA DE MAÑANA A LAS 3 CON EL DENTISTA", "DENTISTA"],
    ["no voy a poder ir mañana a las 3 al dentista", "dentista"],
    ["i cant make it to my dentist appt tmrw at 3pm", "dentist"],
  ])("is never complete and names the appointment in previous: %s", async (text, service) => {
    const answer = await parse(text);
    expect(answer.intent).toBe("cancel");
    expect(answer.status).toBe("needs_clarification");
    expect([answer.appointment.date, answer.appointment.time, answer.appointment.start]).toEqual([
      null,
      null,
      null,
    ]);
    expect(answer.previous).toEqual({
      date: "2026-01-23",
      time: "15:00",
      start: "2026-01-23T15:00:00+01:00",
      contact: null,
      service,
    });
    expect(answer.ambiguities).toEqual([]);
    expect(answer.confidence).toBeGreaterThan(0.5);
  });

  it("is not complete even with a free slot in the calendar", async () => {
    const answer = await parse("cancela mi turno de mañana a las 11", { calendarId: "dr-perez" });
    expect([answer.intent, answer.status]).toEqual(["cancel", "needs_clarification"]);
    expect(answer.previous?.start).toBe("2026-01-23T11:00:00+01:00");
    expect(answer.alternatives).toEqual([]);
  });
});

describe("reschedule", () => {
  it("answers the new slot, with the existing one in previous", async () => {
    const answer = await parse("move my 3pm tomorrow to 4:30", {
      timezone: "America/New_York",
      now: "2026-01-22T10:30:00-05:00",
    });
    expect(answer.intent).toBe("reschedule");
    expect(answer.status).toBe("complete");
    expect(answer.appointment.start).toBe("2026-01-23T16:30:00-05:00");
    expect(answer.previous).toEqual({
      date: "2026-01-23",
      time: "15:00",
      start: "2026-01-23T15:00:00-05:00",
      contact: null,
      service: null,
    });
  });

  it("checks the new slot in the calendar like a booking", async () => {
    const answer = await parse("cambiar mi cita del lunes a las 10 para mañana", { calendarId: "dr-perez" });
    expect([answer.intent, answer.status, answer.appointment.start]).toEqual([
      "reschedule",
      "conflict",
      "2026-01-23T10:00:00+01:00",
    ]);
    expect(answer.previous?.start).toBe("2026-01-26T10:00:00+01:00");
    expect(answer.alternatives.length).toBeGreaterThan(0);
  });

  it("asks for the new slot when the text names none", async () => {
    const answer = await parse("necesito reprogramar mi turno del martes");
    expect([answer.intent, answer.status, answer.appointment.date]).toEqual([
      "reschedule",
      "needs_clarification",
      null,
    ]);
    expect(answer.previous?.date).toBe("2026-01-27");
  });
});

describe("availability", () => {
  it("is complete for a free slot, and a conflict with alternatives for a taken one", async () => {
    const free = await parse("¿tenés turno mañana a las 11?", { calendarId: "dr-perez" });
    expect([free.intent, free.status, free.alternatives]).toEqual(["availability", "complete", []]);
    const taken = await parse("is 10am free tomorrow?", { calendarId: "dr-perez" });
    expect([taken.intent, taken.status]).toEqual(["availability", "conflict"]);
    expect(taken.alternatives.map((slot) => slot.start)).toEqual([
      "2026-01-23T09:30:00+01:00",
      "2026-01-23T10:30:00+01:00",
      "2026-01-23T09:00:00+01:00",
    ]);
  });

  it("lists the free slots of the day asked about", async () => {
    const answer = await parse("¿qué horarios tienen mañana?", { calendarId: "dr-perez" });
    expect([answer.intent, answer.status]).toEqual(["availability", "needs_clarification"]);
    expect(answer.alternatives.map((slot) => slot.start.slice(11, 16))).toEqual([
      "09:00",
      "09:30",
      "10:30",
      "11:00",
      "11:30",
      "12:00",
    ]);
  });

  it("without a calendar, is what a booking would be, and lists nothing", async () => {
    const day = await parse("any openings tomorrow afternoon?");
    expect([day.intent, day.status, day.appointment.date, day.appointment.time]).toEqual([
      "availability",
      "needs_clarification",
      "2026-01-23",
      null,
    ]);
    expect(day.alternatives).toEqual([]);
    expect(day.ambiguities).toEqual([expect.objectContaining({ field: "time", issue: "ambiguous" })]);
    const slot = await parse("is 3pm free tomorrow?");
    expect([slot.intent, slot.status, slot.appointment.start, slot.previous]).toEqual([
      "availability",
      "complete",
      "2026-01-23T15:00:00+01:00",
      null,
    ]);
  });
});
