// Bookings over HTTP (shared/spec/api.md, "Calendars and bookings"), in process on a real SQLite file:
// booking a slot, conflicts with the nearest free slots, Idempotency-Key, reading and cancelling.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectError, UUID } from "../../../test/support/answers.js";
import {
  type App,
  booked,
  type CalendarApp,
  calendarClient,
  DR_PEREZ,
  expectConflict,
  MONDAY,
  NOW,
  openCalendarApp,
} from "../../../test/support/calendar-app.js";

let app: App;
let calendars: CalendarApp;
const { newCalendar, book, freeTimes } = calendarClient(() => app);

beforeAll(async () => {
  calendars = await openCalendarApp();
  ({ app } = calendars);
});

afterAll(async () => {
  await calendars?.close();
});

describe("POST /v1/calendars/:id/bookings", () => {
  let id: string;
  beforeEach(async () => {
    id = await newCalendar();
  });

  it("books a free slot: 201 with the booking in the calendar's zone, readable by id", async () => {
    const booking = await booked(
      await book(id, {
        start: `${MONDAY}T09:30:00Z`,
        durationMinutes: 45,
        contact: "Ana",
        service: "limpieza",
      }),
    );
    expect(booking).toEqual({
      id: expect.stringMatching(UUID),
      calendarId: id,
      start: `${MONDAY}T10:30:00+01:00`,
      end: `${MONDAY}T11:15:00+01:00`,
      contact: "Ana",
      service: "limpieza",
      notes: null,
      status: "confirmed",
      createdAt: expect.any(String),
    });
    expect(Date.parse(booking.createdAt)).toBe(NOW);
    const read = await app.request(`/v1/calendars/${id}/bookings/${booking.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ booking });
    expect(await freeTimes(id)).not.toContain("10:30");
    expect(await freeTimes(id)).not.toContain("11:00");
    expect(await freeTimes(id)).toContain("11:30");
  });

  it("refuses an overlapping booking with 409 slot_unavailable and the nearest free slots, same day first", async () => {
    await booked(await book(id, { start: `${MONDAY}T10:00:00+01:00`, durationMinutes: 60 }));
    const conflict = await expectConflict(
      await book(id, { start: `${MONDAY}T10:30:00+01:00`, durationMinutes: 30, contact: "Luis" }),
      "slot_unavailable",
    );
    expect(conflict.alternatives.map((slot) => slot.start)).toEqual([
      `${MONDAY}T11:00:00+01:00`,
      `${MONDAY}T09:30:00+01:00`,
      `${MONDAY}T11:30:00+01:00`,
    ]);
    expect(conflict.alternatives[0]!.end).toBe(`${MONDAY}T11:30:00+01:00`);
  });

  it("keeps the calendar's buffer between bookings", async () => {
    const buffered = await newCalendar({ ...DR_PEREZ, bufferMinutes: 15 });
    await booked(await book(buffered, { start: `${MONDAY}T10:00:00+01:00`, durationMinutes: 30 }));
    await expectConflict(
      await book(buffered, { start: `${MONDAY}T10:30:00+01:00`, durationMinutes: 30 }),
      "slot_unavailable",
    );
    await booked(await book(buffered, { start: `${MONDAY}T11:00:00+01:00`, durationMinutes: 30 }));
  });

  it.each([
    ["after closing", `${MONDAY}T14:00:00+01:00`, 30],
    ["across the midday closing", `${MONDAY}T13:30:00+01:00`, 60],
    ["before opening", `${MONDAY}T08:30:00+01:00`, 30],
    ["on a weekday with no hours", "2026-01-28T10:00:00+01:00", 30],
    ["on a weekday left out", "2026-01-24T10:00:00+01:00", 30],
    ["on a closure", "2026-12-24T10:00:00+01:00", 30],
  ])("refuses a booking %s with 409 outside_hours and alternatives", async (_, start, durationMinutes) => {
    const conflict = await expectConflict(await book(id, { start, durationMinutes }), "outside_hours");
    expect(conflict.alternatives.length).toBeGreaterThan(0);
    expect(conflict.alternatives.length).toBeLessThanOrEqual(3);
  });

  it.each<[string, unknown, string]>([
    ["a start off the slot grid", { start: `${MONDAY}T09:10:00+01:00`, durationMinutes: 30 }, "start"],
    [
      "a start with seconds off the grid",
      { start: `${MONDAY}T09:00:30+01:00`, durationMinutes: 30 },
      "start",
    ],
    ["a zero duration", { start: `${MONDAY}T09:00:00+01:00`, durationMinutes: 0 }, "durationMinutes"],
    [
      "a negative duration (end before start)",
      { start: `${MONDAY}T09:00:00+01:00`, durationMinutes: -30 },
      "durationMinutes",
    ],
    ["a duration over 480", { start: `${MONDAY}T09:00:00+01:00`, durationMinutes: 481 }, "durationMinutes"],
    ["a fractional duration", { start: `${MONDAY}T09:00:00+01:00`, durationMinutes: 1.5 }, "durationMinutes"],
    ["a duration as text", { start: `${MONDAY}T09:00:00+01:00`, durationMinutes: "30" }, "durationMinutes"],
    ["a missing duration", { start: `${MONDAY}T09:00:00+01:00` }, "durationMinutes"],
    ["a missing start", { durationMinutes: 30 }, "start"],
    ["a start without an offset", { start: `${MONDAY}T09:00:00`, durationMinutes: 30 }, "start"],
    ["a start with a space", { start: `${MONDAY} 09:00:00+01:00`, durationMinutes: 30 }, "start"],
    ["30 February", { start: "2026-02-30T09:00:00+01:00", durationMinutes: 30 }, "start"],
    ["a start as a number", { start: Date.parse(`${MONDAY}T09:00:00+01:00`), durationMinutes: 30 }, "start"],
    ["a start in the past", { start: "2026-01-19T09:00:00+01:00", durationMinutes: 30 }, "start"],
    ["a start at exactly now", { start: "2026-01-20T00:00:00Z", durationMinutes: 30 }, "start"],
    [
      "an unknown field",
      { start: `${MONDAY}T09:00:00+01:00`, durationMinutes: 30, status: "cancelled" },
      "status",
    ],
    [
      "an end field",
      { start: `${MONDAY}T09:00:00+01:00`, durationMinutes: 30, end: `${MONDAY}T08:00:00+01:00` },
      "end",
    ],
    [
      "a contact as a number",
      { start: `${MONDAY}T09:00:00+01:00`, durationMinutes: 30, contact: 5 },
      "contact",
    ],
    [
      "notes over 2000 characters",
      { start: `${MONDAY}T09:00:00+01:00`, durationMinutes: 30, notes: "x".repeat(2001) },
      "notes",
    ],
  ])("refuses %s with 400 invalid_request, changing nothing", async (_, body, field) => {
    const before = await freeTimes(id);
    await expectError(await book(id, body), 400, "invalid_request", field);
    expect(await freeTimes(id)).toEqual(before);
  });

  it("answers 404 for an unknown calendar, and 400/413/415 for bodies like the parse route", async () => {
    const body = { start: `${MONDAY}T09:00:00+01:00`, durationMinutes: 30 };
    await expectError(await book("nobody", body), 404, "not_found");
    await expectError(await book(id, "{"), 400, "invalid_json");
    await expectError(
      await book(id, JSON.stringify(body), { "content-type": "text/plain" }),
      415,
      "unsupported_media_type",
    );
    await expectError(await book(id, { ...body, notes: "x".repeat(17 * 1024) }), 413, "payload_too_large");
    expect(await freeTimes(id)).toContain("09:00");
  });

  it("refuses a malformed Idempotency-Key with 400", async () => {
    const body = { start: `${MONDAY}T09:00:00+01:00`, durationMinutes: 30 };
    await expectError(
      await book(id, body, { "idempotency-key": "k".repeat(129) }),
      400,
      "invalid_request",
      "Idempotency-Key",
    );
    await expectError(
      await book(id, body, { "idempotency-key": "a b" }),
      400,
      "invalid_request",
      "Idempotency-Key",
    );
    expect(await freeTimes(id)).toContain("09:00");
  });
});

describe("Idempotency-Key", () => {
  it("answers a retry with the first answer and creates nothing new", async () => {
    const id = await newCalendar();
    const body = {
      start: `${MONDAY}T12:00:00+01:00`,
      durationMinutes: 30,
      contact: "Eva",
      notes: "first visit",
    };
    const headers = { "idempotency-key": "retry-1" };
    const first = await book(id, body, headers);
    const firstText = await first.text();
    expect(first.status).toBe(201);
    const before = await freeTimes(id);
    // The same request written another way (the instant in UTC, keys reordered) is the same request.
    const again = { notes: "first visit", contact: "Eva", durationMinutes: 30, start: `${MONDAY}T11:00:00Z` };
    for (const repeat of [body, body, again]) {
      const retry = await book(id, repeat, headers);
      expect(retry.status).toBe(201);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(await retry.text()).toBe(firstText);
    }
    expect(await freeTimes(id)).toEqual(before);
    // Without the key, the same request is a new booking of a taken slot.
    await expectConflict(await book(id, body), "slot_unavailable");
    // Another calendar's key space is its own.
    const other = await newCalendar();
    await booked(await book(other, body, headers));
  });

  it("refuses the key reused for another request with 422 idempotency_key_reused, creating nothing", async () => {
    const id = await newCalendar();
    const headers = { "idempotency-key": "reused-key" };
    await booked(await book(id, { start: `${MONDAY}T12:00:00+01:00`, durationMinutes: 30 }, headers));
    const before = await freeTimes(id);
    await expectError(
      await book(id, { start: `${MONDAY}T16:00:00+01:00`, durationMinutes: 30 }, headers),
      422,
      "idempotency_key_reused",
      "Idempotency-Key",
    );
    await expectError(
      await book(
        id,
        { start: `${MONDAY}T12:00:00+01:00`, durationMinutes: 30, contact: "someone else" },
        headers,
      ),
      422,
      "idempotency_key_reused",
    );
    expect(await freeTimes(id)).toEqual(before);
  });
});

describe("GET and DELETE /v1/calendars/:id/bookings/:bookingId", () => {
  it("cancels a booking, frees its slot, and cancelling twice answers the same", async () => {
    const id = await newCalendar();
    const slot = { start: `${MONDAY}T16:00:00+01:00`, durationMinutes: 30 };
    const booking = await booked(await book(id, slot));
    expect(await freeTimes(id)).not.toContain("16:00");
    await expectConflict(await book(id, slot), "slot_unavailable");
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await app.request(`/v1/calendars/${id}/bookings/${booking.id}`, { method: "DELETE" });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ booking: { ...booking, status: "cancelled" } });
    }
    const read = await app.request(`/v1/calendars/${id}/bookings/${booking.id}`);
    expect(((await read.json()) as { booking: { status: string } }).booking.status).toBe("cancelled");
    expect(await freeTimes(id)).toContain("16:00");
    const again = await booked(await book(id, slot));
    expect(again.id).not.toBe(booking.id);
  });

  it("answers 404 for an unknown booking, another calendar's booking or an unknown calendar", async () => {
    const id = await newCalendar();
    const other = await newCalendar();
    const booking = await booked(await book(id, { start: `${MONDAY}T09:00:00+01:00`, durationMinutes: 30 }));
    for (const path of [
      `/v1/calendars/${id}/bookings/${crypto.randomUUID()}`,
      `/v1/calendars/${id}/bookings/not a uuid`,
      `/v1/calendars/${other}/bookings/${booking.id}`,
      `/v1/calendars/nobody/bookings/${booking.id}`,
    ]) {
      await expectError(await app.request(path), 404, "not_found");
      await expectError(await app.request(path, { method: "DELETE" }), 404, "not_found");
    }
    expect(await freeTimes(id)).not.toContain("09:00");
  });
});
