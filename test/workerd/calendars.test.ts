// Calendars and bookings on workerd with the D1 binding, through a real `wrangler dev --local`: the same
// no-double-booking race as on SQLite, plus the booking lifecycle and admin authentication. wrangler keeps its
// local D1 under .wrangler/state across runs, so every run uses calendars of its own.
import { describe, expect, it } from "vitest";
import { BookingResponseSchema, SlotConflictResponseSchema } from "../../src/http/schemas/bookings.js";
import { ErrorResponseSchema } from "../../src/http/schemas/errors.js";
import { putRaceCalendar, RACE_CALENDAR, RACE_DAY, raceForOneSlot } from "../support/booking-race.js";
import { ADMIN_TOKEN as TOKEN, useWorker } from "../support/workers.js";

const RUN = `${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;

const workerUrl = useWorker("rules");

function url(path: string): string {
  return `${workerUrl()}${path}`;
}

function book(calendarId: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url(`/v1/calendars/${calendarId}/bookings`), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("calendars and bookings on workerd with D1", () => {
  // A start-up failure (test/support/workerd-setup.ts) is reported here and fails every other test.
  it("wrangler dev starts on local workerd", () => {
    expect(workerUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers PUT with 401 for a wrong token and 200 for the right one", async () => {
    const id = `auth-${RUN}`;
    const wrong = await fetch(url(`/v1/calendars/${id}`), {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: "Bearer nope" },
      body: JSON.stringify(RACE_CALENDAR),
    });
    expect(wrong.status).toBe(401);
    expect(ErrorResponseSchema.parse(await wrong.json()).error.code).toBe("unauthorized");
    expect((await fetch(url(`/v1/calendars/${id}`))).status).toBe(404);
    await putRaceCalendar(workerUrl(), id, TOKEN);
    expect(await (await fetch(url(`/v1/calendars/${id}`))).json()).toEqual({ id, ...RACE_CALENDAR });
  });

  it(`50 concurrent POSTs for overlapping slots on ${RACE_DAY}: one 201, 49 × 409 slot_unavailable with alternatives`, async () => {
    const id = `race-${RUN}`;
    await putRaceCalendar(workerUrl(), id, TOKEN);
    await raceForOneSlot(workerUrl(), id);
  }, 60_000);

  it("replays an Idempotency-Key, cancels, frees the slot and cancels again idempotently", async () => {
    const id = `life-${RUN}`;
    await putRaceCalendar(workerUrl(), id, TOKEN);
    const body = { start: `${RACE_DAY}T12:00:00+01:00`, durationMinutes: 30, contact: "Ana" };
    const first = await book(id, body, { "idempotency-key": `key-${RUN}` });
    expect(first.status).toBe(201);
    const firstText = await first.text();
    const { booking } = BookingResponseSchema.parse(JSON.parse(firstText));
    const retry = await book(id, body, { "idempotency-key": `key-${RUN}` });
    expect(retry.status).toBe(201);
    expect(await retry.text()).toBe(firstText);
    const reused = await book(id, { ...body, contact: "Luis" }, { "idempotency-key": `key-${RUN}` });
    expect(reused.status).toBe(422);
    const taken = await book(id, body);
    expect(SlotConflictResponseSchema.parse(await taken.json()).error.code).toBe("slot_unavailable");
    for (let attempt = 0; attempt < 2; attempt++) {
      const cancelled = await fetch(url(`/v1/calendars/${id}/bookings/${booking.id}`), { method: "DELETE" });
      expect(cancelled.status).toBe(200);
      expect(await cancelled.json()).toEqual({ booking: { ...booking, status: "cancelled" } });
    }
    expect((await book(id, body)).status).toBe(201);
  });

  it("runs all six agents on a request naming a calendar: free, taken with alternatives, outside hours", async () => {
    const id = `agents-${RUN}`;
    await putRaceCalendar(workerUrl(), id, TOKEN);
    expect((await book(id, { start: `${RACE_DAY}T10:00:00+01:00`, durationMinutes: 15 })).status).toBe(201);
    const parse = async (text: string) => {
      const response = await fetch(url("/v1/appointments/parse"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text, calendarId: id, locale: "es-ES", now: "2030-03-01T09:00:00+01:00" }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as {
        status: string;
        appointment: { start: string | null; timezone: string };
        ambiguities: { issue: string }[];
        alternatives: { start: string; end: string }[];
        meta: { agents: string[] };
      };
    };
    const free = await parse("cita el lunes 4 de marzo a las 11");
    expect(free.meta.agents).toEqual([
      "parsing",
      "temporal",
      "geo",
      "validation",
      "availability",
      "negotiation",
    ]);
    expect([free.status, free.appointment.start, free.appointment.timezone]).toEqual([
      "complete",
      `${RACE_DAY}T11:00:00+01:00`,
      "Europe/Madrid",
    ]);
    const taken = await parse("cita el lunes 4 de marzo a las 10");
    expect(taken.status).toBe("conflict");
    expect(taken.ambiguities.map((ambiguity) => ambiguity.issue)).toContain("conflict");
    expect(taken.alternatives.length).toBeGreaterThan(0);
    expect(taken.alternatives[0]!.start.startsWith(RACE_DAY)).toBe(true);
    const late = await parse("cita el lunes 4 de marzo a las 8 de la tarde");
    expect(late.status).toBe("conflict");
    expect(late.ambiguities.map((ambiguity) => ambiguity.issue)).toContain("outside_hours");
  });
});
