// Two real Node instances (`node src/node.ts`) sharing one PostgreSQL at DATABASE_URL, as behind a load
// balancer: 50 concurrent overlapping bookings spread over both give exactly one 201. And the faults: a
// PostgreSQL unreachable at start stops the entry with a message naming DATABASE_URL (never its password);
// one stopped during operation turns the booking routes to 503 store_unavailable while parse keeps
// answering, and both instances book again once it is back, without a restart.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_KEY_CACHE_MS } from "../src/app.js";
import { STORE_VERDICT_MS } from "../src/calendars/store-health.js";
import { ErrorResponseSchema } from "../src/http/schemas/errors.js";
import { HealthResponseSchema } from "../src/http/schemas/health.js";
import { PARSE_PATH } from "../src/http/schemas/parse.js";
import { putRaceCalendar, RACE_DAY, raceForOneSlot } from "./support/booking-race.js";
import { TOKEN } from "./support/calendar-app.js";
import {
  ENTRY_TEST_TIMEOUT_MS,
  launchNode,
  type NodeEntry,
  runNodeEntry,
  stopAll,
} from "./support/node-entry.js";
import { type PostgresServer, postgresSkipReason, startPostgres } from "./support/postgres-server.js";

/** A booking of `minutes` at `time` on RACE_DAY (Madrid, +01:00). */
function book(baseUrl: string, calendarId: string, time: string, contact: string): Promise<Response> {
  return fetch(`${baseUrl}/v1/calendars/${calendarId}/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ start: `${RACE_DAY}T${time}:00+01:00`, durationMinutes: 30, contact }),
  });
}

function parse(baseUrl: string): Promise<Response> {
  return fetch(`${baseUrl}${PARSE_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      text: "cita mañana a las 10",
      timezone: "Europe/Madrid",
      now: "2030-03-01T09:00:00+01:00",
    }),
  });
}

describe.skipIf(postgresSkipReason() !== null)("two Node instances on one PostgreSQL", () => {
  let server: PostgresServer;
  let databaseUrl: string;
  let instances: NodeEntry[];

  beforeAll(async () => {
    server = await startPostgres();
    databaseUrl = await server.createDatabase("fleet");
    const environment = { DATABASE_URL: databaseUrl, ADMIN_TOKEN: TOKEN };
    // Started together: both run the migrations at once, and the advisory lock lets one apply them.
    instances = await Promise.all([launchNode(environment), launchNode(environment)]);
  }, ENTRY_TEST_TIMEOUT_MS * 2);
  afterAll(() => {
    stopAll();
    server?.stop();
  });

  it(
    "gives exactly one 201 of 50 concurrent overlapping bookings spread over both",
    async () => {
      await putRaceCalendar(instances[0]!.url, "race", TOKEN);
      await raceForOneSlot(
        instances.map((instance) => instance.url),
        "race",
      );
    },
    ENTRY_TEST_TIMEOUT_MS,
  );

  it(
    "answers 503 store_unavailable while PostgreSQL is stopped, keeps parsing, and books again once it is back",
    async () => {
      await putRaceCalendar(instances[0]!.url, "outage", TOKEN);
      // Instances that have answered before the outage (so each has read whether any client key exists).
      for (const instance of instances) expect((await parse(instance.url)).status).toBe(200);
      server.pause();
      // Past the key ring's cache time, so parse is shown to answer without any read of the store.
      await new Promise((resolve) => setTimeout(resolve, DEFAULT_KEY_CACHE_MS + 500));
      try {
        for (const [index, instance] of instances.entries()) {
          const response = await book(instance.url, "outage", "09:00", `down ${index}`);
          expect(response.status).toBe(503);
          const body = ErrorResponseSchema.parse(await response.json());
          expect(body.error.code).toBe("store_unavailable");
          expect(JSON.stringify(body)).not.toMatch(/postgres:|127\.0\.0\.1|ECONNREFUSED/);
          const calendar = await fetch(`${instance.url}/v1/calendars/outage`);
          expect(calendar.status).toBe(503);
          expect((await parse(instance.url)).status).toBe(200);
          const health = HealthResponseSchema.parse(await (await fetch(`${instance.url}/health`)).json());
          expect(health.status).toBe("degraded");
          expect(health.stores.calendars).toMatchObject({ engine: "postgres", state: "unavailable" });
        }
      } finally {
        server.start();
      }
      // /health keeps a verdict 5 s, then asks again.
      await vi.waitFor(
        async () => {
          for (const instance of instances) {
            const health = HealthResponseSchema.parse(await (await fetch(`${instance.url}/health`)).json());
            expect([health.status, health.stores.calendars?.state]).toEqual(["ok", "ok"]);
          }
        },
        { timeout: STORE_VERDICT_MS * 3, interval: 250 },
      );
      const first = await book(instances[0]!.url, "outage", "09:00", "back 0");
      expect(first.status, await first.clone().text()).toBe(201);
      expect((await book(instances[1]!.url, "outage", "09:00", "back 1")).status).toBe(409);
      expect((await book(instances[1]!.url, "outage", "10:00", "back 1")).status).toBe(201);
      const logs = instances.map((instance) => instance.output()).join("\n");
      expect(logs).not.toContain(databaseUrl);
    },
    ENTRY_TEST_TIMEOUT_MS,
  );
});

describe.skipIf(postgresSkipReason() !== null)("a PostgreSQL unreachable at start", () => {
  afterAll(() => stopAll());

  it(
    "stops the entry with a message naming DATABASE_URL, without its password",
    async () => {
      // A port nothing listens on: a private server started and stopped for good.
      const server = await startPostgres();
      const url = server.url("cita").replace("cita@", "cita:s3cret-password@");
      server.stop();
      const outcome = await runNodeEntry({ DATABASE_URL: url });
      expect(outcome.url).toBeNull();
      expect(outcome.exitCode).not.toBe(0);
      expect(outcome.output).toContain("DATABASE_URL");
      expect(outcome.output).toContain("cannot be reached");
      expect(outcome.output).not.toContain("s3cret-password");
    },
    ENTRY_TEST_TIMEOUT_MS,
  );
});

describe("DATABASE_URL that is not a PostgreSQL URL", () => {
  afterAll(() => stopAll());

  it(
    "stops the entry naming the variable, without repeating the value",
    async () => {
      const outcome = await runNodeEntry({ DATABASE_URL: "mysql://root:s3cret@localhost/cita" });
      expect(outcome.exitCode).toBe(1);
      expect(outcome.output).toContain("DATABASE_URL: must be a postgres://");
      expect(outcome.output).not.toContain("s3cret");
    },
    ENTRY_TEST_TIMEOUT_MS,
  );
});
