// A restart in the middle of an incident keeps it: `node src/node.ts` on a SQLite file of the test's own,
// every provider down (the simulator) until the incident is open, the process killed, a new one started on
// the same file: it shows the same incident still open, and resolves it (after its recovery check) once the
// providers are back, without opening another. Timings scaled as the chaos suite's (tools/chaos/cita.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Environment } from "../../src/config.js";
import { citaEnvironment, scaledTimings } from "../../tools/chaos/cita.js";
import { readIncidents } from "../../tools/chaos/incidents.js";
import { incidentTimeoutMs } from "../../tools/chaos/run.js";
import { driver, everyProviderDown } from "../support/incident-driver.js";
import { ENTRY_TEST_TIMEOUT_MS, launchNode, type NodeEntry } from "../support/node-entry.js";
import { useSimulatorScope } from "../support/simulator.js";

const SCALE = 0.05;
const timings = scaledTimings(SCALE);
const simulator = useSimulatorScope({ seed: 29 });
const folder = mkdtempSync(join(tmpdir(), "cita-incident-restart-"));
const running: NodeEntry[] = [];

afterAll(async () => {
  await Promise.all(running.map((entry) => entry.stop()));
  rmSync(folder, { recursive: true, force: true });
});

function environment(): Record<string, string> {
  const { qwen, anthropic, openai } = simulator.baseUrls;
  const variables: Environment = {
    ...citaEnvironment({ qwen, anthropic, openai }, timings),
    DATABASE_PATH: join(folder, "cita.db"),
  };
  return Object.fromEntries(
    Object.entries(variables).flatMap(([name, value]) => (value === undefined ? [] : [[name, value]])),
  );
}

async function start(): Promise<NodeEntry> {
  const entry = await launchNode(environment());
  running.push(entry);
  return entry;
}

const TIMEOUT = 2 * ENTRY_TEST_TIMEOUT_MS + 4 * incidentTimeoutMs(timings);

describe("an incident across a restart", () => {
  it("stays open in the database and is resolved by the next process", { timeout: TIMEOUT }, async () => {
    let current = await start();
    const drive = driver(() => current.url, timings.LLM_DEADLINE_MS / 4, 3 * timings.LLM_DEADLINE_MS + 1000);
    await everyProviderDown(simulator);
    const opened = await drive.until((incident) => incident.resolvedAt === null, incidentTimeoutMs(timings));
    expect(opened.types).toContain("service_down");

    await current.stop();
    current = await start();
    const after = await readIncidents(current.url);
    expect(after?.map((incident) => [incident.id, incident.openedAt, incident.resolvedAt])).toEqual([
      [opened.id, opened.openedAt, null],
    ]);

    await simulator.clearFaults();
    const resolved = await drive.until(
      (incident) => incident.resolvedAt !== null,
      3 * incidentTimeoutMs(timings),
    );
    expect(resolved.id).toBe(opened.id);
    expect(resolved.recovery?.verdict).toBe("passed");
    expect(resolved.timeline[0]?.event).toBe("opened");
    expect((await readIncidents(current.url))?.map((incident) => incident.id)).toEqual([opened.id]);
    // Both processes answered every request, down or not.
    expect(drive.outcomes.filter((outcome) => !outcome.valid)).toEqual([]);
  });
});
