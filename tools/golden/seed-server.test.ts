// `npm run golden -- --url` on the calendar cases, against real servers on 127.0.0.1 (served as `npm start`
// serves, src/node-serve.ts): seeded through the admin API (--admin-token), where the booking API takes the
// fixtures' bookings only on a server whose clock is before them, and seeded through the database
// (--seed-database), which holds every booking whatever the clock. Each way the cases must come out as
// they do in process.
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { openSqliteStore, type SqliteCalendarStore } from "../../src/calendars/sqlite-store.js";
import { readConfig } from "../../src/config.js";
import { serveNode } from "../../src/node-serve.js";
import { type GoldenStore, openGoldenStore, readCalendarFixtures, seedDatabase } from "./calendars.js";
import { DEFAULT_GOLDEN_DIRECTORY, loadGoldenFiles } from "./fixtures.js";
import { type CaseResult, httpTarget, inProcessTarget, runCases } from "./run-cases.js";
import { SeedError, seedServer } from "./seed-server.js";

const ADMIN_TOKEN = "golden-seed-token-0123456789abcdef";
const BEFORE_THE_BOOKINGS = Date.parse("2026-01-01T00:00:00Z");
const fixtures = readCalendarFixtures();
const calendarCases = loadGoldenFiles([DEFAULT_GOLDEN_DIRECTORY]).cases.filter(
  (golden) => golden.calendarId !== undefined,
);

interface Server {
  url: string;
  close(): Promise<void>;
}

const directory = mkdtempSync(join(tmpdir(), "cita-golden-seed-"));
let databases = 0;

/** A server on a SQLite file of its own (seeded beforehand when `seed` says so) and an optional clock. */
async function startServer(options: { clock?: () => number; seed?: boolean } = {}): Promise<Server> {
  const path = join(directory, `server-${++databases}.db`);
  if (options.seed) await seedDatabase(path);
  const store: SqliteCalendarStore = await openSqliteStore(path);
  const app = createApp({
    config: readConfig({ ADMIN_TOKEN }),
    store,
    ...(options.clock !== undefined ? { clock: options.clock } : {}),
  });
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const server = serveNode(app.fetch, { hostname: "127.0.0.1", port: 0 }, (address: AddressInfo) =>
      resolve({ server, port: address.port }),
    );
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

/** Which cases passed, by id: what must be the same over HTTP as in process. */
function verdicts(results: readonly CaseResult[]): Record<string, boolean | string> {
  return Object.fromEntries(results.map((result) => [result.golden.id, result.error ?? result.passed]));
}

let inProcess: Record<string, boolean | string>;
let golden: GoldenStore;

beforeAll(async () => {
  golden = await openGoldenStore();
  inProcess = verdicts(await runCases(inProcessTarget(readConfig({}), golden.store), calendarCases));
});

afterAll(async () => {
  await golden?.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("golden --url --admin-token", () => {
  it("has calendar cases that need the fixtures' bookings", () => {
    expect(calendarCases.length).toBeGreaterThanOrEqual(20);
    expect(Object.values(inProcess).every((verdict) => verdict === true)).toBe(true);
  });

  it("seeds every calendar and booking of a server whose clock is before them, and the cases pass", async () => {
    const server = await startServer({ clock: () => BEFORE_THE_BOOKINGS });
    try {
      const report = await seedServer(server.url, ADMIN_TOKEN, fixtures);
      expect(report).toEqual({
        calendars: ["dr-perez", "smith-dental"],
        bookings: fixtures.bookings.map((booking) => booking.id),
        refused: [],
      });
      // Again: the Idempotency-Keys replay the same bookings, nothing doubles.
      expect(await seedServer(server.url, ADMIN_TOKEN, fixtures)).toEqual(report);
      expect(verdicts(await runCases(httpTarget(server.url), calendarCases))).toEqual(inProcess);
    } finally {
      await server.close();
    }
  });

  it("puts the calendars on a server past the bookings' dates, and names the bookings it refused", async () => {
    const server = await startServer();
    try {
      const report = await seedServer(server.url, ADMIN_TOKEN, fixtures);
      expect(report.calendars).toEqual(["dr-perez", "smith-dental"]);
      expect(report.bookings).toEqual([]);
      expect(report.refused).toEqual(
        fixtures.bookings.map((booking) => ({
          id: booking.id,
          reason: "HTTP 400 invalid_request: start: must be in the future.",
        })),
      );
      const stored = await (await fetch(`${server.url}/v1/calendars/dr-perez`)).json();
      expect(stored).toEqual(fixtures.calendars[0]);
    } finally {
      await server.close();
    }
  });

  it("stops with the server's reason when the token is wrong", async () => {
    const server = await startServer();
    try {
      const seeding = seedServer(server.url, "not-the-token", fixtures);
      await expect(seeding).rejects.toThrow(SeedError);
      await expect(seeding).rejects.toThrow(/^PUT \/v1\/calendars\/dr-perez: HTTP 401 unauthorized: /);
    } finally {
      await server.close();
    }
  });
});

describe("golden --seed-database, then --url", () => {
  it("gives a server every booking whatever its clock, and the cases pass as in process", async () => {
    const server = await startServer({ seed: true });
    try {
      expect(verdicts(await runCases(httpTarget(server.url), calendarCases))).toEqual(inProcess);
    } finally {
      await server.close();
    }
  });

  it("changes nothing when run twice on the same database", async () => {
    const path = join(directory, "twice.db");
    await seedDatabase(path);
    await seedDatabase(path);
    const store = await openSqliteStore(path);
    try {
      const from = Date.parse("2026-01-01T00:00:00Z");
      const to = Date.parse("2026-12-31T00:00:00Z");
      const confirmed = fixtures.bookings.filter((booking) => booking.status === "confirmed");
      const stored = [
        ...(await store.confirmedBookings("dr-perez", from, to)),
        ...(await store.confirmedBookings("smith-dental", from, to)),
      ];
      expect(stored.map((booking) => booking.id).sort()).toEqual(
        confirmed.map((booking) => booking.id).sort(),
      );
    } finally {
      await store.close();
    }
  });
});
