// A restart keeps the open incident (issue 19): an app on a SQLite file opens one while every provider
// fails, the process "stops" (its store closed), and a fresh app on the same file adopts it at its first
// tick, shows it through the admin API and goes on updating the same record.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assembleApp } from "../src/app.js";
import { openSqliteStore } from "../src/calendars/sqlite-store.js";
import { readConfig } from "../src/config.js";
import { silentLogger } from "../src/http/logger.js";
import { IncidentSchema } from "../src/http/schemas/incidents.js";
import type { IncidentManager } from "../src/incidents/manager.js";
import { simulatedProviders, useSimulatorScope } from "./support/simulator.js";

const ADMIN_TOKEN = "incident-restart-admin-token-0123456789";

describe("an open incident across a restart on SQLite", () => {
  const simulator = useSimulatorScope({ seed: 23 });
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), "cita-incident-restart-"));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const environment = () => ({
    ...simulatedProviders(simulator),
    ADMIN_TOKEN,
    LOG_LEVEL: "error",
    // Scaled down: one failed call reads as a provider's health, and the router need not stay down long.
    LLM_HEALTH_MIN_SAMPLES: "1",
    INCIDENT_OPEN_AFTER_MS: "1",
  });

  async function start(path: string) {
    const store = await openSqliteStore(path);
    const { app, incidents } = assembleApp({ config: readConfig(environment()), store });
    return { store, app, manager: incidents as IncidentManager };
  }

  const parse = (app: ReturnType<typeof assembleApp>["app"]) =>
    app.request("/v1/appointments/parse", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "cita mañana a las 10", timezone: "Europe/Madrid" }),
    });

  it("is adopted by a fresh app on the same file, and the record goes on there", async () => {
    const path = join(directory, "cita.db");
    for (const provider of ["qwen", "anthropic"]) {
      await simulator.setFaults(provider, undefined, [{ kind: "serverError" }]);
    }
    const first = await start(path);
    // Until the router has been out of healthy long enough and a tick has seen it.
    for (let attempt = 0; attempt < 50 && !first.manager.status().open; attempt += 1) {
      expect((await parse(first.app)).status).toBe(200);
      await first.manager.tick();
    }
    expect(first.manager.status().open).toBe(true);
    const [opened] = await first.store.incidents(silentLogger).listIncidents(5);
    expect(opened?.resolvedAt).toBeNull();
    await first.store.close();

    const second = await start(path);
    expect(second.manager.status().open).toBe(false);
    await second.manager.tick();
    expect(second.manager.status()).toMatchObject({ open: true, severity: opened!.severity });
    const answer = await second.app.request("/admin/incidents?state=open", {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const { incidents } = (await answer.json()) as { incidents: unknown[] };
    expect(incidents.map((incident) => IncidentSchema.parse(incident).id)).toEqual([opened!.id]);

    // The second app's own requests land in the same record.
    const before = opened!.impact.requests;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await parse(second.app);
      await second.manager.tick();
      const stored = await second.store.incidents(silentLogger).getIncident(opened!.id);
      if (stored !== null && stored.impact.requests > before) break;
    }
    const stored = await second.store.incidents(silentLogger).getIncident(opened!.id);
    expect(stored?.impact.requests).toBeGreaterThan(before);
    expect(stored?.resolvedAt).toBeNull();
    await second.store.close();
  }, 60_000);
});
