// CORS on workerd answers as on Node: every probe of test/support/cors-probes.ts (preflights and requests
// from the listed origin, other origins and look-alikes, on the browser routes and on admin, /metrics and
// Duckling's route) gets the same status and the same CORS headers from the rules worker (CORS_ORIGINS set)
// as from the app in process with the same variables and a SQLite store.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { openSqliteStore, type SqliteCalendarStore } from "../../src/calendars/sqlite-store.js";
import { readConfig } from "../../src/config.js";
import { allProbes, LISTED_ORIGIN, parseFrom, send } from "../support/cors-probes.js";
import { RULES_WORKER_VARIABLES, useWorker } from "../support/workers.js";

const workerUrl = useWorker("rules");
let directory: string;
let store: SqliteCalendarStore;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "cita-cors-workerd-"));
  store = await openSqliteStore(join(directory, "cita.db"));
  app = createApp({ config: readConfig(RULES_WORKER_VARIABLES), store });
});

afterAll(async () => {
  await store?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe("CORS on workerd", () => {
  it("echoes the listed origin on a parse, as Node does", async () => {
    const answer = await send((path, init) => fetch(`${workerUrl()}${path}`, init), parseFrom(LISTED_ORIGIN));
    expect(answer).toMatchObject({ status: 200, allowOrigin: LISTED_ORIGIN, vary: "Origin" });
  });

  it("answers every probe as Node does", async () => {
    const probes = allProbes();
    expect(probes.length).toBeGreaterThan(30);
    for (const probe of probes) {
      const onWorker = await send((path, init) => fetch(`${workerUrl()}${path}`, init), probe);
      const onNode = await send(async (path, init) => app.request(path, init), probe);
      expect(onWorker, `${probe.method} ${probe.path} from ${probe.headers.origin}`).toEqual(onNode);
    }
  });
});
