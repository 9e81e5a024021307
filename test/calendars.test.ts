// Calendars and bookings over HTTP (shared/spec/api.md), on a real SQLite file: every route in process with
// app.request(), the no-double-booking race over a real socket, and bookings surviving a restart of
// `node src/node.ts`.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ServerType, serve } from "@hono/node-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { openSqliteStore } from "../src/calendars/sqlite-store.js";
import type { CalendarStore } from "../src/calendars/store.js";
import { readConfig } from "../src/config.js";
import { BookingResponseSchema, SlotConflictResponseSchema } from "../src/http/schemas/bookings.js";
import { AvailabilityResponseSchema, CalendarSchema } from "../src/http/schemas/calendars.js";
import { ErrorResponseSchema } from "../src/http/schemas/errors.js";
import { putRaceCalendar, RACE_DAY, raceForOneSlot } from "./support/booking-race.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const TOKEN = "s3cret-admin-token";
/** Tuesday 20 January 2026, 00:00 UTC: every booking below is in the future of this clock. */
const NOW = Date.parse("2026-01-20T00:00:00Z");
const MONDAY = "2026-01-26";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const DR_PEREZ = {
  name: "Dr. Pérez",
  timezone: "Europe/Madrid",
  slotMinutes: 30,
  bufferMinutes: 0,
  openingHours: {
    monday: [
      { from: "09:00", to: "14:00" },
      { from: "16:00", to: "19:00" },
    ],
    tuesday: [{ from: "09:00", to: "14:00" }],
    wednesday: [],
  },
  closures: [{ from: "2026-12-24", to: "2026-12-26" }],
};

type App = ReturnType<typeof createApp>;

let directory: string;
let store: CalendarStore;
let app: App;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "cita-calendars-"));
  store = await openSqliteStore(join(directory, "cita.db"));
  await store.migrate();
  app = createApp({ config: readConfig({ ADMIN_TOKEN: TOKEN }), store, clock: () => NOW });
});

afterAll(async () => {
  await store?.close?.();
  rmSync(directory, { recursive: true, force: true });
});

let calendarCount = 0;
/** A fresh calendar per test, so tests share the database but not their bookings. */
async function newCalendar(body: Record<string, unknown> = DR_PEREZ): Promise<string> {
  const id = `cal-${++calendarCount}`;
  const response = await put(app, id, body);
  expect(response.status, await response.clone().text()).toBe(200);
  return id;
}

function put(
  target: App,
  id: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    target.request(`/v1/calendars/${id}`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}`, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

function book(calendarId: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    app.request(`/v1/calendars/${calendarId}/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

async function availability(calendarId: string, from: string, to: string): Promise<Response> {
  const query = new URLSearchParams({ from, to });
  return app.request(`/v1/calendars/${calendarId}/availability?${query}`);
}

/** Free slot starts of one local day, as "HH:MM". */
async function freeTimes(calendarId: string, day = MONDAY): Promise<string[]> {
  const response = await availability(calendarId, `${day}T00:00:00+01:00`, `${day}T23:59:00+01:00`);
  expect(response.status).toBe(200);
  return AvailabilityResponseSchema.parse(await response.json()).slots.map((slot) =>
    slot.start.slice(11, 16),
  );
}

async function expectError(
  response: Response,
  status: number,
  code: string,
  field?: string,
): Promise<string> {
  const raw = await response.text();
  expect(response.status, raw).toBe(status);
  const { error } = ErrorResponseSchema.parse(JSON.parse(raw));
  expect(error.code).toBe(code);
  expect(error.requestId).toBe(response.headers.get("x-request-id"));
  if (field !== undefined) expect(error.message).toContain(field);
  return error.message;
}

async function expectConflict(response: Response, code: string) {
  const raw = await response.text();
  expect(response.status, raw).toBe(409);
  const body = SlotConflictResponseSchema.parse(JSON.parse(raw));
  expect(body.error.code).toBe(code);
  return body;
}

async function booked(response: Response) {
  const raw = await response.text();
  expect(response.status, raw).toBe(201);
  return BookingResponseSchema.parse(JSON.parse(raw)).booking;
}

describe("admin authentication on PUT /v1/calendars/:id", () => {
  it("answers 403 forbidden when no admin token is configured", async () => {
    const open = createApp({ config: readConfig({}), store, clock: () => NOW });
    await expectError(await put(open, "no-admin", DR_PEREZ), 403, "forbidden");
    await expectError(await put(open, "no-admin", DR_PEREZ, { authorization: "Bearer " }), 403, "forbidden");
    expect((await open.request("/v1/calendars/no-admin")).status).toBe(404);
  });

  it.each([
    ["no header", undefined],
    ["a wrong token", `Bearer ${TOKEN}x`],
    ["a shorter token", "Bearer s3cret"],
    ["another scheme", `Basic ${TOKEN}`],
    ["no scheme", TOKEN],
  ])("answers 401 unauthorized with %s", async (_, authorization) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (authorization !== undefined) headers.authorization = authorization;
    const response = await app.request("/v1/calendars/auth-test", {
      method: "PUT",
      headers,
      body: JSON.stringify(DR_PEREZ),
    });
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await expectError(response, 401, "unauthorized");
    expect((await app.request("/v1/calendars/auth-test")).status).toBe(404);
  });

  it("answers 200 with the calendar for the right token, any case of 'Bearer'", async () => {
    const response = await put(app, "auth-ok", DR_PEREZ, { authorization: `bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(CalendarSchema.parse(await response.json())).toEqual({ id: "auth-ok", ...DR_PEREZ });
  });
});

describe("PUT and GET /v1/calendars/:id", () => {
  it("stores the calendar and reads it back; a second PUT replaces it", async () => {
    const id = await newCalendar();
    const read = await app.request(`/v1/calendars/${id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ id, ...DR_PEREZ });
    const changed = { ...DR_PEREZ, name: "Dra. López", bufferMinutes: 10, closures: [] };
    expect((await put(app, id, { id, ...changed })).status).toBe(200);
    expect(await (await app.request(`/v1/calendars/${id}`)).json()).toEqual({ id, ...changed });
  });

  it("defaults bufferMinutes and closures, and accepts 24:00 as a closing time", async () => {
    const { bufferMinutes: _buffer, closures: _closures, ...minimal } = DR_PEREZ;
    const body = { ...minimal, openingHours: { sunday: [{ from: "20:00", to: "24:00" }] } };
    const response = await put(app, "minimal", body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: "minimal", ...body, bufferMinutes: 0, closures: [] });
  });

  it("answers 404 for an unknown calendar and 400 for a malformed id", async () => {
    await expectError(await app.request("/v1/calendars/nobody"), 404, "not_found");
    await expectError(await app.request(`/v1/calendars/${"x".repeat(65)}`), 400, "invalid_request", "id");
    await expectError(await app.request("/v1/calendars/bad%20id"), 400, "invalid_request", "id");
  });

  const hours = (intervals: unknown) => ({ ...DR_PEREZ, openingHours: { monday: intervals } });
  it.each<[string, unknown, string]>([
    ["a zone that does not exist", { ...DR_PEREZ, timezone: "Mars/Olympus" }, "timezone"],
    ["a slot that does not divide the day", { ...DR_PEREZ, slotMinutes: 7 }, "slotMinutes"],
    ["a slot under 5 minutes", { ...DR_PEREZ, slotMinutes: 4 }, "slotMinutes"],
    ["a slot over 240 minutes", { ...DR_PEREZ, slotMinutes: 288 }, "slotMinutes"],
    ["a fractional slot", { ...DR_PEREZ, slotMinutes: 7.5 }, "slotMinutes"],
    ["a negative buffer", { ...DR_PEREZ, bufferMinutes: -1 }, "bufferMinutes"],
    ["a buffer over 240", { ...DR_PEREZ, bufferMinutes: 241 }, "bufferMinutes"],
    ["a Spanish weekday", { ...DR_PEREZ, openingHours: { lunes: [] } }, "lunes"],
    ["a capitalised weekday", { ...DR_PEREZ, openingHours: { Monday: [] } }, "Monday"],
    ["from after to", hours([{ from: "14:00", to: "09:00" }]), "openingHours.monday.0"],
    ["from equal to to", hours([{ from: "09:00", to: "09:00" }]), "openingHours.monday.0"],
    ["an hour 25", hours([{ from: "09:00", to: "25:00" }]), "openingHours.monday.0.to"],
    ["a time without a leading zero", hours([{ from: "9:00", to: "14:00" }]), "openingHours.monday.0.from"],
    ["24:00 as an opening time", hours([{ from: "24:00", to: "24:00" }]), "openingHours.monday.0.from"],
    [
      "overlapping intervals",
      hours([
        { from: "09:00", to: "14:00" },
        { from: "13:00", to: "19:00" },
      ]),
      "openingHours.monday",
    ],
    [
      "a closure ending before it starts",
      { ...DR_PEREZ, closures: [{ from: "2026-12-26", to: "2026-12-24" }] },
      "closures.0",
    ],
    [
      "a closure on 30 February",
      { ...DR_PEREZ, closures: [{ from: "2026-02-30", to: "2026-03-01" }] },
      "closures.0.from",
    ],
    [
      "a closure with a time",
      { ...DR_PEREZ, closures: [{ from: "2026-12-24T00:00", to: "2026-12-26" }] },
      "closures.0.from",
    ],
    ["an empty name", { ...DR_PEREZ, name: "  " }, "name"],
    ["a missing name", { ...DR_PEREZ, name: undefined }, "name"],
    ["a missing zone", { ...DR_PEREZ, timezone: undefined }, "timezone"],
    ["a missing openingHours", { ...DR_PEREZ, openingHours: undefined }, "openingHours"],
    ["an unknown field", { ...DR_PEREZ, color: "red" }, "color"],
    ["an id that differs from the path", { ...DR_PEREZ, id: "another" }, "id"],
    ["a string for a number", { ...DR_PEREZ, slotMinutes: "30" }, "slotMinutes"],
  ])("refuses %s with 400 invalid_request naming the field, storing nothing", async (_, body, field) => {
    await expectError(await put(app, "refused", body), 400, "invalid_request", field);
    expect((await app.request("/v1/calendars/refused")).status).toBe(404);
  });

  it("answers 400 invalid_json, 415 and 413 like the parse route", async () => {
    await expectError(await put(app, "refused", "{not json"), 400, "invalid_json");
    await expectError(await put(app, "refused", "[]"), 400, "invalid_request");
    await expectError(
      await put(app, "refused", JSON.stringify(DR_PEREZ), { "content-type": "text/plain" }),
      415,
      "unsupported_media_type",
    );
    const huge = { ...DR_PEREZ, name: "x".repeat(17 * 1024) };
    await expectError(await put(app, "refused", huge), 413, "payload_too_large");
    expect((await app.request("/v1/calendars/refused")).status).toBe(404);
  });
});

describe("GET /v1/calendars/:id/availability", () => {
  it("lists the free slots of the opening hours in the calendar's zone", async () => {
    const id = await newCalendar();
    const response = await availability(id, `${MONDAY}T00:00:00+01:00`, `${MONDAY}T23:59:00+01:00`);
    expect(response.status).toBe(200);
    const body = AvailabilityResponseSchema.parse(await response.json());
    expect(body.calendarId).toBe(id);
    expect(body.slots).toHaveLength(10 + 6);
    expect(body.slots[0]).toEqual({ start: `${MONDAY}T09:00:00+01:00`, end: `${MONDAY}T09:30:00+01:00` });
    expect(body.slots.at(-1)).toEqual({ start: `${MONDAY}T18:30:00+01:00`, end: `${MONDAY}T19:00:00+01:00` });
    // Wednesday has no hours; a UTC range reads the same instants.
    expect(await freeTimes(id, "2026-01-28")).toEqual([]);
    const utc = await availability(id, `${MONDAY}T08:00:00Z`, `${MONDAY}T09:00:00Z`);
    expect(AvailabilityResponseSchema.parse(await utc.json()).slots.map((slot) => slot.start)).toEqual([
      `${MONDAY}T09:00:00+01:00`,
      `${MONDAY}T09:30:00+01:00`,
    ]);
  });

  it.each<[string, Record<string, string>, string]>([
    ["a missing to", { from: `${MONDAY}T00:00:00Z` }, "to"],
    ["a date without an offset", { from: `${MONDAY}T00:00:00`, to: `${MONDAY}T23:00:00Z` }, "from"],
    ["a date only", { from: MONDAY, to: `${MONDAY}T23:00:00Z` }, "from"],
    ["30 February", { from: "2026-02-30T00:00:00Z", to: "2026-03-02T00:00:00Z" }, "from"],
    ["to before from", { from: `${MONDAY}T10:00:00Z`, to: `${MONDAY}T09:00:00Z` }, "to"],
    ["an empty range", { from: `${MONDAY}T10:00:00Z`, to: `${MONDAY}T10:00:00Z` }, "to"],
    ["a range over 31 days", { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:01Z" }, "to"],
    ["an unknown parameter", { from: `${MONDAY}T00:00:00Z`, to: `${MONDAY}T23:00:00Z`, limit: "3" }, "limit"],
  ])("answers 400 invalid_request for %s", async (_, query, field) => {
    const response = await app.request(
      `/v1/calendars/${await newCalendar()}/availability?${new URLSearchParams(query)}`,
    );
    await expectError(response, 400, "invalid_request", field);
  });

  it("accepts exactly 31 days and answers 404 for an unknown calendar", async () => {
    const id = await newCalendar();
    expect((await availability(id, "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z")).status).toBe(200);
    await expectError(
      await availability("nobody", `${MONDAY}T00:00:00Z`, `${MONDAY}T23:00:00Z`),
      404,
      "not_found",
    );
  });
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

describe("routes without a store, and methods", () => {
  it("answers 503 store_unavailable on every calendar route when the app has no store", async () => {
    const storeless = createApp({ config: readConfig({ ADMIN_TOKEN: TOKEN }) });
    const bookingPath = `/v1/calendars/a/bookings/${crypto.randomUUID()}`;
    const responses = [
      await put(storeless, "a", DR_PEREZ),
      await storeless.request("/v1/calendars/a"),
      await storeless.request(`/v1/calendars/a/availability?from=${MONDAY}T00:00:00Z&to=${MONDAY}T01:00:00Z`),
      await storeless.request("/v1/calendars/a/bookings", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
      await storeless.request(bookingPath),
      await storeless.request(bookingPath, { method: "DELETE" }),
    ];
    for (const response of responses) {
      expect(await expectError(response, 503, "store_unavailable")).toMatch(/calendar store/);
    }
  });

  it("answers 405 with Allow for a method a route does not take", async () => {
    const response = await app.request("/v1/calendars/a", { method: "DELETE" });
    expect(response.headers.get("allow")).toBe("GET, PUT");
    await expectError(response, 405, "method_not_allowed");
  });

  it("documents every calendar route in GET /openapi.json", async () => {
    const document = (await (await app.request("/openapi.json")).json()) as { paths: Record<string, object> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/v1/calendars/{id}",
        "/v1/calendars/{id}/availability",
        "/v1/calendars/{id}/bookings",
        "/v1/calendars/{id}/bookings/{bookingId}",
      ]),
    );
  });
});

describe("no double booking over a real socket (SQLite)", () => {
  let server: ServerType;
  let baseUrl: string;

  beforeAll(async () => {
    const clocked = createApp({ config: readConfig({ ADMIN_TOKEN: TOKEN }), store });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: clocked.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve());
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it(`50 concurrent POSTs for overlapping slots on ${RACE_DAY}: one 201, 49 × 409 slot_unavailable with alternatives`, async () => {
    await putRaceCalendar(baseUrl, "race", TOKEN);
    await raceForOneSlot(baseUrl, "race");
  });
});

describe("bookings survive a restart of the Node server", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });

  async function startNode(databasePath: string): Promise<{ child: ChildProcess; url: string }> {
    const child = spawn(process.execPath, ["--import", "tsx", "src/node.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: databasePath, PORT: "0", HOST: "127.0.0.1", ADMIN_TOKEN: TOKEN },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let output = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`node did not start:\n${output}`)), 15_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString("utf8");
        const match = /"event":"listening","url":"(http:\/\/[^"]+)"/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout?.on("data", read);
      child.stderr?.on("data", read);
      child.once("exit", (code) => reject(new Error(`node exited with ${code}:\n${output}`)));
    });
    return { child, url };
  }

  function stopped(child: ChildProcess): Promise<number | null> {
    return new Promise((resolve) => {
      // A child killed by a signal has a signalCode and a null exitCode.
      if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
      else child.once("exit", (code) => resolve(code));
    });
  }

  it("books, stops with SIGTERM, starts again on the same file, and reads the booking back", async () => {
    const databasePath = join(directory, "restart", "nested", "cita.db");
    const first = await startNode(databasePath);
    await putRaceCalendar(first.url, "restart", TOKEN);
    const response = await fetch(`${first.url}/v1/calendars/restart/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "restart-1" },
      body: JSON.stringify({ start: `${RACE_DAY}T09:00:00+01:00`, durationMinutes: 30, contact: "Ana" }),
    });
    const booking = BookingResponseSchema.parse(await response.json()).booking;
    expect(response.status).toBe(201);
    first.child.kill("SIGTERM");
    expect(await stopped(first.child)).toBe(0);

    const second = await startNode(databasePath);
    const read = await fetch(`${second.url}/v1/calendars/restart/bookings/${booking.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ booking });
    // The slot is still taken and the idempotency key still answers with the first booking.
    const retry = await fetch(`${second.url}/v1/calendars/restart/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "restart-1" },
      body: JSON.stringify({ start: `${RACE_DAY}T09:00:00+01:00`, durationMinutes: 30, contact: "Ana" }),
    });
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual({ booking });
    const taken = await fetch(`${second.url}/v1/calendars/restart/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ start: `${RACE_DAY}T09:00:00+01:00`, durationMinutes: 30 }),
    });
    expect(taken.status).toBe(409);
    second.child.kill("SIGTERM");
    expect(await stopped(second.child)).toBe(0);
  }, 60_000);

  it("a server killed (SIGKILL) amid bookings leaves each booking whole or absent", async () => {
    const databasePath = join(directory, "killed", "cita.db");
    const first = await startNode(databasePath);
    const calendar = {
      name: "Round the clock",
      timezone: "UTC",
      slotMinutes: 5,
      openingHours: { monday: [{ from: "00:00", to: "24:00" }] },
    };
    const put = await fetch(`${first.url}/v1/calendars/killed`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(calendar),
    });
    expect(put.status).toBe(200);
    const requests = Array.from({ length: 200 }, (_, index) => ({
      key: `killed-${index}`,
      body: JSON.stringify({
        start: new Date(Date.parse(`${RACE_DAY}T00:00:00Z`) + index * 5 * 60_000).toISOString(),
        durationMinutes: 5,
        contact: `client ${index}`,
      }),
    }));
    const send = (base: string, request: (typeof requests)[number]) =>
      fetch(`${base}/v1/calendars/killed/bookings`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": request.key },
        body: request.body,
      });
    let answered = 0;
    const outcomes = await Promise.allSettled(
      requests.map(async (request) => {
        const response = await send(first.url, request);
        if (++answered === 20) first.child.kill("SIGKILL");
        return { status: response.status, body: await response.text() };
      }),
    );
    await stopped(first.child);
    const unanswered = outcomes.filter((outcome) => outcome.status === "rejected").length;
    expect(unanswered, "the kill should cut some requests off").toBeGreaterThan(0);

    const second = await startNode(databasePath);
    for (const [index, outcome] of outcomes.entries()) {
      const retry = await send(second.url, requests[index]!);
      const text = await retry.text();
      // A retry finds the whole booking (replayed) or none (created now); a booking without its key, or a
      // key without its booking, would answer 409 or 422 here.
      expect(retry.status, text).toBe(201);
      if (outcome.status === "fulfilled" && outcome.value.status === 201)
        expect(text).toBe(outcome.value.body);
    }
    const query = new URLSearchParams({ from: `${RACE_DAY}T00:00:00Z`, to: `${RACE_DAY}T23:59:59Z` });
    const slots = await fetch(`${second.url}/v1/calendars/killed/availability?${query}`);
    expect(AvailabilityResponseSchema.parse(await slots.json()).slots).toHaveLength(287 - requests.length);
    second.child.kill("SIGTERM");
    expect(await stopped(second.child)).toBe(0);
  }, 60_000);
});
