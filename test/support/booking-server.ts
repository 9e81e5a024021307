// A Cita app over a real SQLite file, served on 127.0.0.1, with a calendar open round the clock in UTC on a
// 30-minute grid: the booking limits' security tests book on it as anonymous clients would.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../src/app.js";
import { openSqliteStore } from "../../src/calendars/sqlite-store.js";
import { type Environment, readConfig } from "../../src/config.js";
import { type ServedApp, serveOnLoopback } from "./socket-client.js";

export const ADMIN_TOKEN = "booking-limits-admin-token-0123456789abcdef";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ALL_DAY = [{ from: "00:00", to: "24:00" }];
const WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

export interface BookingServer {
  app: ServedApp;
  putCalendar(id: string, settings?: Record<string, unknown>): Promise<{ status: number; text: string }>;
  book(calendarId: string, body: Record<string, unknown>, from?: string): ReturnType<ServedApp["send"]>;
  close(): Promise<void>;
}

/** A slot on the 30-minute grid `days` days (and `slots` half hours) from now, as ISO-8601 in UTC. */
export function slotIn(days: number, slots = 0): string {
  const grid = 30 * MINUTE;
  return new Date(Math.ceil((Date.now() + days * DAY) / grid) * grid + slots * grid).toISOString();
}

export async function startBookingServer(environment: Environment = {}): Promise<BookingServer> {
  const directory = mkdtempSync(join(tmpdir(), "cita-limits-"));
  const store = await openSqliteStore(join(directory, "cita.db"));
  const config = readConfig({ ADMIN_TOKEN, DATABASE_PATH: join(directory, "cita.db"), ...environment });
  const app = await serveOnLoopback(createApp({ config, store }));
  return {
    app,
    putCalendar: async (id, settings = {}) => {
      const body = {
        name: "Round the clock",
        timezone: "UTC",
        slotMinutes: 30,
        openingHours: Object.fromEntries(WEEK.map((day) => [day, ALL_DAY])),
        ...settings,
      };
      const answer = await app.send("127.0.0.1", "PUT", `/v1/calendars/${id}`, body, {
        authorization: `Bearer ${ADMIN_TOKEN}`,
      });
      return { status: answer.status, text: answer.text };
    },
    book: (calendarId, body, from = "127.0.0.1") =>
      app.send(from, "POST", `/v1/calendars/${calendarId}/bookings`, { durationMinutes: 30, ...body }),
    close: async () => {
      await app.close();
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
