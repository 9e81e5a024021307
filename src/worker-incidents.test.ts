// The Worker entry's incident wiring, in process as workerd calls it, on a D1 database in local workerd
// (miniflare): with every provider failing, the manager's tick (handed to waitUntil after requests, at most
// once a second per isolate) opens an incident and its record lands in D1's `incidents` table, where GET
// /admin/incidents reads it; the tick's background lasts until the manager's recovery check settles.
// test/workerd/incidents.test.ts runs a whole scenario on `wrangler dev`.
import { setTimeout as sleep } from "node:timers/promises";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { simulatedProviders, useSimulatorScope } from "../test/support/simulator.js";
import type { D1DatabaseBinding } from "./calendars/d1-store.js";
import { IncidentListSchema } from "./http/schemas/incidents.js";
import { IncidentManager } from "./incidents/manager.js";
import { createWorker } from "./worker.js";

const ADMIN_TOKEN = "worker-incidents-admin-token-0123456789";
/** Between two requests while waiting for the record: the isolate ticks at most once a second. */
const PAUSE_MS = 200;
const DEADLINE_MS = 30_000;

describe("the Worker's incidents on D1", () => {
  const simulator = useSimulatorScope({ seed: 29 });
  let miniflare: Miniflare;
  let database: D1DatabaseBinding;

  beforeAll(async () => {
    miniflare = new Miniflare({
      modules: true,
      script: "export default { fetch() { return new Response(null, { status: 404 }); } };",
      d1Databases: ["DB"],
      cf: false,
    });
    database = (await miniflare.getD1Database("DB")) as unknown as D1DatabaseBinding;
    vi.spyOn(console, "log").mockImplementation(() => {});
  });
  afterAll(() => miniflare?.dispose());

  const bindingsOf = () => ({
    ...simulatedProviders(simulator),
    DB: database,
    ADMIN_TOKEN,
    ALLOW_ANONYMOUS: "true",
    LOG_LEVEL: "error",
    // Scaled down: one failed call reads as a provider's health, and the router need not stay down long.
    LLM_HEALTH_MIN_SAMPLES: "1",
    INCIDENT_OPEN_AFTER_MS: "1",
  });

  /** One parse request; returns what it handed to waitUntil. */
  async function parse(
    worker: ReturnType<typeof createWorker>,
    bindings: Record<string, unknown>,
  ): Promise<Promise<unknown>[]> {
    const waiting: Promise<unknown>[] = [];
    const response = await worker.fetch(
      new Request("https://cita.example/v1/appointments/parse", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "cita mañana a las 10", timezone: "Europe/Madrid" }),
      }),
      bindings,
      { waitUntil: (promise: Promise<unknown>) => waiting.push(promise) },
    );
    expect(response.status).toBe(200);
    return waiting;
  }

  it("hands the manager's running recovery check (its settled()) to waitUntil with the tick", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const settled = vi.spyOn(IncidentManager.prototype, "settled").mockReturnValue(held);
    try {
      const worker = createWorker();
      const bindings = bindingsOf();
      const deadline = Date.now() + DEADLINE_MS;
      // Each request's last background task (the tick's, when it ticked) is kept: the tick that calls
      // settled() may resolve after a later request was sent, so the one holding it is not always the last.
      const lasts: Promise<unknown>[] = [];
      while (settled.mock.calls.length === 0 && Date.now() < deadline) {
        const waiting = await parse(worker, bindings);
        await Promise.all(waiting.slice(0, -1));
        lasts.push(waiting.at(-1) ?? Promise.resolve());
        await sleep(PAUSE_MS);
      }
      expect(settled).toHaveBeenCalled();
      // The requests' background lasts until the check settles.
      let done = false;
      const background = Promise.all(lasts).then(() => {
        done = true;
      });
      await sleep(PAUSE_MS);
      expect(done).toBe(false);
      release();
      await background;
    } finally {
      release();
      settled.mockRestore();
    }
  }, 60_000);

  it("opens an incident in the background of requests and keeps its record in D1", async () => {
    for (const provider of ["qwen", "anthropic"]) {
      await simulator.setFaults(provider, undefined, [{ kind: "serverError" }]);
    }
    const worker = createWorker();
    const bindings = bindingsOf();
    const stored = async () =>
      (await database.prepare("SELECT id, open, document FROM incidents").all<{ id: string; open: number }>())
        .results;

    const deadline = Date.now() + DEADLINE_MS;
    while ((await stored().catch(() => [])).length === 0 && Date.now() < deadline) {
      await Promise.all(await parse(worker, bindings));
      await sleep(PAUSE_MS);
    }
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.open).toBe(1);

    const listed = await worker.fetch(
      new Request("https://cita.example/admin/incidents", {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      }),
      bindings,
      { waitUntil: () => {} },
    );
    expect(listed.status).toBe(200);
    const { incidents } = IncidentListSchema.parse(await listed.json());
    expect(incidents.map((incident) => incident.id)).toEqual([rows[0]!.id]);
    expect(incidents[0]).toMatchObject({ resolvedAt: null, types: expect.arrayContaining(["service_down"]) });
  }, 60_000);
});
