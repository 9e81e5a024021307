// The calendars and bookings golden cases with a `calendarId` run against: fixtures/calendars.json, seeded
// into a calendar store. In process that is a SQLite store in a temporary file, removed again on close;
// `npm run golden -- --seed-database FILE` writes the same fixtures into a Node server's database.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openSqliteStore } from "../../src/calendars/sqlite-store.js";
import type { CalendarStore } from "../../src/calendars/store.js";
import type { Booking, Calendar } from "../../src/calendars/types.js";

export const CALENDAR_FIXTURES = fileURLToPath(new URL("../../fixtures/calendars.json", import.meta.url));

export type FixtureBooking = Pick<Booking, "id" | "calendarId" | "start" | "end" | "status"> &
  Partial<Booking>;

export interface CalendarFixtures {
  calendars: Calendar[];
  bookings: FixtureBooking[];
}

export interface GoldenStore {
  store: CalendarStore;
  close(): Promise<void>;
}

export function readCalendarFixtures(path = CALENDAR_FIXTURES): CalendarFixtures {
  return JSON.parse(readFileSync(path, "utf8")) as CalendarFixtures;
}

/**
 * Writes the fixtures into a store: every calendar (replacing one of the same id) and every booking not
 * there yet, so seeding a database twice changes nothing.
 */
async function seedStore(store: CalendarStore, fixtures: CalendarFixtures, source: string): Promise<void> {
  for (const calendar of fixtures.calendars) await store.putCalendar(calendar);
  const buffers = new Map(fixtures.calendars.map((calendar) => [calendar.id, calendar.bufferMinutes]));
  for (const booking of fixtures.bookings) {
    if ((await store.getBooking(booking.calendarId, booking.id)) !== null) continue;
    const result = await store.createBooking({
      id: booking.id,
      calendarId: booking.calendarId,
      startMs: Date.parse(booking.start),
      endMs: Date.parse(booking.end),
      start: booking.start,
      end: booking.end,
      bufferMinutes: buffers.get(booking.calendarId) ?? 0,
      contact: booking.contact ?? null,
      service: booking.service ?? null,
      notes: booking.notes ?? null,
      createdAt: booking.createdAt ?? "2026-01-01T00:00:00+00:00",
    });
    if (result.kind !== "created")
      throw new Error(`${source}: booking ${booking.id} was not created (${result.kind})`);
    if (booking.status === "cancelled") await store.cancelBooking(booking.calendarId, booking.id);
  }
}

/** Seeds the SQLite database at `databasePath` (created and migrated as `npm start` would) and closes it. */
export async function seedDatabase(
  databasePath: string,
  path = CALENDAR_FIXTURES,
): Promise<CalendarFixtures> {
  const fixtures = readCalendarFixtures(path);
  const store = await openSqliteStore(databasePath);
  try {
    await seedStore(store, fixtures, path);
  } finally {
    await store.close();
  }
  return fixtures;
}

export async function openGoldenStore(path = CALENDAR_FIXTURES): Promise<GoldenStore> {
  const directory = mkdtempSync(join(tmpdir(), "cita-golden-"));
  const store = await openSqliteStore(join(directory, "calendars.db"));
  await store.migrate();
  await seedStore(store, readCalendarFixtures(path), path);
  return {
    store,
    async close() {
      await store.close?.();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
