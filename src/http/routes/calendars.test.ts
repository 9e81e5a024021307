// Calendars over HTTP (shared/spec/api.md, "Calendars and bookings"), in process on a real SQLite file:
// PUT and GET /v1/calendars/:id with the admin token, availability, and every calendar route without a
// store. Bookings are src/http/routes/bookings.test.ts; the race and the restart are test/calendars.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../../../test/support/answers.js";
import {
  type App,
  type CalendarApp,
  calendarClient,
  DR_PEREZ,
  MONDAY,
  NOW,
  openCalendarApp,
  put,
  TOKEN,
} from "../../../test/support/calendar-app.js";
import { createApp } from "../../app.js";
import { readConfig } from "../../config.js";
import { AvailabilityResponseSchema, CalendarSchema } from "../schemas/calendars.js";

let app: App;
let calendars: CalendarApp;
const { newCalendar, availability, freeTimes } = calendarClient(() => app);

beforeAll(async () => {
  calendars = await openCalendarApp();
  ({ app } = calendars);
});

afterAll(async () => {
  await calendars?.close();
});

describe("admin authentication on PUT /v1/calendars/:id", () => {
  it("answers 403 forbidden when no admin token is configured", async () => {
    const open = createApp({ config: readConfig({}), store: calendars.store, clock: () => NOW });
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
      expect((await expectError(response, 503, "store_unavailable")).message).toMatch(/calendar store/);
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

describe("calendar zones", () => {
  it.each([
    ["eUrOpE/mAdRiD", "Europe/Madrid"],
    ["us/eastern", "US/Eastern"],
  ])("stores %s in its canonical spelling %s and reads its slots in that zone", async (timezone, spelled) => {
    const id = await newCalendar({ ...DR_PEREZ, timezone });
    const read = await app.request(`/v1/calendars/${id}`);
    expect(CalendarSchema.parse(await read.json()).timezone).toBe(spelled);
    const canonical = await newCalendar({ ...DR_PEREZ, timezone: spelled });
    expect(await freeTimes(id)).toEqual(await freeTimes(canonical));
  });
});
