// The calendar store implementations the contract suite runs against, each on a real database: SQLite on a
// temporary file, D1 inside local workerd through miniflare (offline, in memory), and PostgreSQL on a private
// server (test/support/postgres-server.ts; skipped, and said so, where PostgreSQL is not installed). Plus
// small fixtures.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { describe } from "vitest";
import { D1CalendarStore } from "../../src/calendars/d1-store.js";
import { openPostgresStore } from "../../src/calendars/postgres-store.js";
import { openSqliteStore } from "../../src/calendars/sqlite-store.js";
import type { CalendarStore, NewBooking } from "../../src/calendars/store.js";
import type { Calendar } from "../../src/calendars/types.js";
import { postgresSkipReason, startPostgres } from "./postgres-server.js";

export interface OpenedStore {
  store: CalendarStore;
  dispose(): Promise<void>;
}

export interface StoreHarness {
  name: string;
  open(): Promise<OpenedStore>;
}

export const sqliteHarness: StoreHarness = {
  name: "SQLite (better-sqlite3, temp file)",
  async open() {
    const directory = mkdtempSync(join(tmpdir(), "cita-store-"));
    const store = await openSqliteStore(join(directory, "cita.db"));
    return {
      store,
      async dispose() {
        await store.close();
        rmSync(directory, { recursive: true, force: true });
      },
    };
  },
};

export const d1Harness: StoreHarness = {
  name: "D1 (miniflare, local workerd)",
  async open() {
    const miniflare = new Miniflare({
      modules: true,
      script: "export default { fetch() { return new Response(null, { status: 404 }); } };",
      d1Databases: ["DB"],
      // No Request.cf download: this machine is offline.
      cf: false,
    });
    const store = new D1CalendarStore(await miniflare.getD1Database("DB"));
    await store.migrate();
    return { store, dispose: () => miniflare.dispose() };
  },
};

export const postgresHarness: StoreHarness = {
  name: "PostgreSQL (pg, private server)",
  async open() {
    const server = await startPostgres();
    try {
      const store = await openPostgresStore(await server.createDatabase("cita"));
      return {
        store,
        async dispose() {
          await store.close();
          server.stop();
        },
      };
    } catch (error) {
      server.stop();
      throw error;
    }
  },
};

/**
 * `describe.each` over every store: SQLite and D1 always, PostgreSQL where it is installed (skipped with the
 * reason otherwise; required where CITA_REQUIRE_POSTGRES is set).
 */
export function describeEachStore(title: string, body: (harness: StoreHarness) => void): void {
  describe.each([sqliteHarness, d1Harness])(title, body);
  describe.skipIf(postgresSkipReason() !== null).each([postgresHarness])(title, body);
}

export const MINUTE = 60_000;
/** Monday 2 March 2026, 09:00 UTC: every booking in the suite is placed relative to it. */
export const BASE_MS = Date.parse("2026-03-02T09:00:00Z");

export function calendarFixture(id: string, overrides: Partial<Calendar> = {}): Calendar {
  return {
    id,
    name: "Clínica Sol",
    timezone: "Europe/Madrid",
    slotMinutes: 30,
    bufferMinutes: 0,
    openingHours: {
      monday: [
        { from: "09:00", to: "14:00" },
        { from: "16:00", to: "20:00" },
      ],
      saturday: [{ from: "10:00", to: "13:00" }],
    },
    closures: [{ from: "2026-12-24", to: "2026-12-26" }],
    ...overrides,
  };
}

let bookingCounter = 0;

/** A booking of `minutes` starting `offsetMinutes` after BASE_MS, with a fresh id. */
export function bookingFixture(
  calendarId: string,
  offsetMinutes: number,
  minutes: number,
  extra: Partial<NewBooking> = {},
): NewBooking {
  const startMs = BASE_MS + offsetMinutes * MINUTE;
  const endMs = startMs + minutes * MINUTE;
  bookingCounter += 1;
  return {
    id: `booking-${bookingCounter}`,
    calendarId,
    startMs,
    endMs,
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    bufferMinutes: 0,
    contact: "ana@example.com",
    service: "revisión",
    notes: null,
    createdAt: "2026-03-01T12:00:00.000Z",
    ...extra,
  };
}
