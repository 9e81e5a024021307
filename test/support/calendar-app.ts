// Calendars and bookings in process: an app on a fresh SQLite file with an admin token and a pinned clock,
// a calendar shaped like a clinic's, and the requests and checks the calendar and booking tests share.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect } from "vitest";
import { type AppOptions, createApp } from "../../src/app.js";
import { openSqliteStore, type SqliteCalendarStore } from "../../src/calendars/sqlite-store.js";
import { type Environment, readConfig } from "../../src/config.js";
import { BookingResponseSchema, SlotConflictResponseSchema } from "../../src/http/schemas/bookings.js";
import { AvailabilityResponseSchema } from "../../src/http/schemas/calendars.js";

export const TOKEN = "s3cret-admin-token-0123456789abcdef";
/** Tuesday 20 January 2026, 00:00 UTC: every booking below is in the future of this clock. */
export const NOW = Date.parse("2026-01-20T00:00:00Z");
export const MONDAY = "2026-01-26";

export const DR_PEREZ = {
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

/** A calendar open every hour of every day in UTC, on a half-hour grid: for tests about anything but hours. */
export const ROUND_THE_CLOCK = {
  name: "Round the clock",
  timezone: "UTC",
  slotMinutes: 30,
  openingHours: Object.fromEntries(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((day) => [
      day,
      [{ from: "00:00", to: "24:00" }],
    ]),
  ),
};

export type App = ReturnType<typeof createApp>;

export interface CalendarApp {
  directory: string;
  store: SqliteCalendarStore;
  app: App;
  close(): Promise<void>;
}

export interface CalendarAppOptions {
  /** Settings over ADMIN_TOKEN=TOKEN. */
  environment?: Environment;
  /** NOW by default. */
  clock?: () => number;
  /** More of createApp's options (a limiter, the key cache, the open mode). */
  app?: Partial<Omit<AppOptions, "config" | "store" | "clock">>;
}

/** The app on a migrated SQLite file in a folder of its own, with ADMIN_TOKEN=TOKEN and the clock at NOW. */
export async function openCalendarApp(options: CalendarAppOptions = {}): Promise<CalendarApp> {
  const directory = mkdtempSync(join(tmpdir(), "cita-calendars-"));
  const store = await openSqliteStore(join(directory, "cita.db"));
  const app = createApp({
    config: readConfig({ ADMIN_TOKEN: TOKEN, ...options.environment }),
    store,
    clock: options.clock ?? (() => NOW),
    ...options.app,
  });
  return {
    directory,
    store,
    app,
    async close() {
      await store.close?.();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** For a test file: `open` opens with `opener`, and what it opened is closed after each test. */
export function closedAfterEach<Arguments extends unknown[], Opened extends { close(): Promise<void> }>(
  opener: (...args: Arguments) => Promise<Opened>,
): (...args: Arguments) => Promise<Opened> {
  let opened: Opened[] = [];
  afterEach(async () => {
    await Promise.all(opened.map((item) => item.close()));
    opened = [];
  });
  return async (...args) => {
    const item = await opener(...args);
    opened.push(item);
    return item;
  };
}

export function put(
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

/** Requests to the app `current()` gives (it is opened in a beforeAll, after this is called). */
export function calendarClient(current: () => App) {
  let calendarCount = 0;

  /** A fresh calendar per test, so tests share the database but not their bookings. */
  async function newCalendar(body: Record<string, unknown> = DR_PEREZ): Promise<string> {
    const id = `cal-${++calendarCount}`;
    const response = await put(current(), id, body);
    expect(response.status, await response.clone().text()).toBe(200);
    return id;
  }

  function book(calendarId: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return Promise.resolve(
      current().request(`/v1/calendars/${calendarId}/bookings`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );
  }

  async function availability(calendarId: string, from: string, to: string): Promise<Response> {
    const query = new URLSearchParams({ from, to });
    return current().request(`/v1/calendars/${calendarId}/availability?${query}`);
  }

  /** Free slot starts of one local day, as "HH:MM". */
  async function freeTimes(calendarId: string, day = MONDAY): Promise<string[]> {
    const response = await availability(calendarId, `${day}T00:00:00+01:00`, `${day}T23:59:00+01:00`);
    expect(response.status).toBe(200);
    return AvailabilityResponseSchema.parse(await response.json()).slots.map((slot) =>
      slot.start.slice(11, 16),
    );
  }

  return { newCalendar, book, availability, freeTimes };
}

export async function expectConflict(response: Response, code: string) {
  const raw = await response.text();
  expect(response.status, raw).toBe(409);
  const body = SlotConflictResponseSchema.parse(JSON.parse(raw));
  expect(body.error.code).toBe(code);
  return body;
}

export async function booked(response: Response) {
  const raw = await response.text();
  expect(response.status, raw).toBe(201);
  return BookingResponseSchema.parse(JSON.parse(raw)).booking;
}
