// The calendars and bookings golden cases with a `calendarId` run against: fixtures/calendars.json seeded
// into a SQLite store in a temporary file, removed again on close.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openSqliteStore } from "../../src/calendars/sqlite-store.js";
import type { CalendarStore } from "../../src/calendars/store.js";
import type { Booking, Calendar } from "../../src/calendars/types.js";

export const CALENDAR_FIXTURES = fileURLToPath(new URL("../../fixtures/calendars.json", import.meta.url));

interface CalendarFixtures {
  calendars: Calendar[];
  bookings: (Pick<Booking, "id" | "calendarId" | "start" | "end" | "status"> & Partial<Booking>)[];
}

export interface GoldenStore {
  store: CalendarStore;
  close(): Promise<void>;
}

export async function openGoldenStore(path = CALENDAR_FIXTURES): Promise<GoldenStore> {
  const fixtures = JSON.parse(readFileSync(path, "utf8")) as CalendarFixtures;
  const directory = mkdtempSync(join(tmpdir(), "cita-golden-"));
  const store = await openSqliteStore(join(directory, "calendars.db"));
  await store.migrate();
  for (const calendar of fixtures.calendars) await store.putCalendar(calendar);
  const buffers = new Map(fixtures.calendars.map((calendar) => [calendar.id, calendar.bufferMinutes]));
  for (const booking of fixtures.bookings) {
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
      throw new Error(`${path}: booking ${booking.id} was not created (${result.kind})`);
    if (booking.status === "cancelled") await store.cancelBooking(booking.calendarId, booking.id);
  }
  return {
    store,
    async close() {
      await store.close?.();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
