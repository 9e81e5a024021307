// Scenario 5 (every provider down) on workerd: a `wrangler dev --local` of its own (its own D1 folder) with
// its providers on a simulator scope and the chaos suite's scaled timings. The Worker records the incident
// in D1 as Node does in SQLite: service down, P1 on the LLM path while the service answered every request,
// and resolved after its recovery check once the providers are back. Workers evaluate incidents per
// request (waitUntil), so the test keeps sending requests while it waits.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citaEnvironment, scaledTimings } from "../../tools/chaos/cita.js";
import { incidentTimeoutMs } from "../../tools/chaos/run.js";
import { driver, everyProviderDown } from "../support/incident-driver.js";
import { useSimulatorScope } from "../support/simulator.js";
import { startWranglerDev, type WranglerDev } from "../support/wrangler-dev.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SCALE = 0.05;
const timings = scaledTimings(SCALE);
const simulator = useSimulatorScope({ seed: 31 });
const persistTo = mkdtempSync(join(tmpdir(), "cita-incidents-workerd-"));
let worker: WranglerDev;

beforeAll(async () => {
  const { qwen, anthropic, openai } = simulator.baseUrls;
  const variables = {
    ...citaEnvironment({ qwen, anthropic, openai }, timings),
    LOG_LEVEL: "error",
    ALLOW_ANONYMOUS: "true",
  };
  const vars = Object.fromEntries(
    Object.entries(variables).flatMap(([name, value]) => (value === undefined ? [] : [[name, value]])),
  );
  worker = await startWranglerDev({ cwd: ROOT, vars, persistTo });
  await worker.ready;
}, 90_000);

afterAll(async () => {
  await worker?.stop();
  rmSync(persistTo, { recursive: true, force: true });
});

describe("an incident on workerd with D1", () => {
  it("records every provider down as P1 on the LLM path, then resolves it", {
    timeout: 4 * incidentTimeoutMs(timings) + 30_000,
  }, async () => {
    const drive = driver(() => worker.url, timings.LLM_DEADLINE_MS / 4, 3 * timings.LLM_DEADLINE_MS + 1000);
    await everyProviderDown(simulator);
    const opened = await drive.until(
      (incident) => incident.resolvedAt === null && incident.severity === "P1",
      2 * incidentTimeoutMs(timings),
    );
    expect(opened.types).toContain("service_down");
    expect(opened.basis.llm).toBe("P1");
    expect(opened.basis.service).toBeNull();
    expect(opened.impact.answersLost).toBe(0);

    await simulator.clearFaults();
    const resolved = await drive.until(
      (incident) => incident.resolvedAt !== null,
      3 * incidentTimeoutMs(timings),
    );
    expect(resolved.id).toBe(opened.id);
    expect(resolved.state).toBe("resolved");
    expect(resolved.recovery?.verdict).toBe("passed");
    expect(drive.outcomes.filter((outcome) => !outcome.valid)).toEqual([]);
  });
});
