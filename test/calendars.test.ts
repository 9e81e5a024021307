// Calendars and bookings beyond one process: the no-double-booking race over a real socket on SQLite, and
// bookings surviving a restart (and a kill) of `node src/node.ts`. The routes in process are
// src/http/routes/calendars.test.ts and bookings.test.ts.
import { type ChildProcess, spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ServerType, serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import type { CalendarStore } from "../src/calendars/store.js";
import { readConfig } from "../src/config.js";
import { BookingResponseSchema } from "../src/http/schemas/bookings.js";
import { AvailabilityResponseSchema } from "../src/http/schemas/calendars.js";
import { putRaceCalendar, RACE_DAY, raceForOneSlot } from "./support/booking-race.js";
import { type CalendarApp, openCalendarApp, TOKEN } from "./support/calendar-app.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

let directory: string;
let store: CalendarStore;
let calendars: CalendarApp;

beforeAll(async () => {
  calendars = await openCalendarApp();
  ({ directory, store } = calendars);
});

afterAll(async () => {
  await calendars?.close();
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
      // RACE_DAY is years ahead of the real clock.
      bookingHorizonDays: 3650,
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
