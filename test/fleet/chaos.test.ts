// The chaos suite at fleet scale, through `npm run chaos -- --instances 3`'s own code (tools/chaos/run.ts): a
// primary answering 500s, once against one Cita and once against three `node src/node.ts` sharing a private
// Redis, requests in turn. Sane fleet figures: every request answered; every instance's breaker opened; the
// fleet's calls on the failing provider well under three times the one instance's (a fleet does not
// multiply them by its size); every instance recovered once the fault cleared. Behaviour only: no timing is
// asserted. A sanity check of the fleet run, not a proof of the sharing: at an even spread each breaker
// opens on its own calls at about the same time (docs/scale.md, "Chaos at fleet scale"); that an instance
// adopts another's opening or pause without a call of its own is test/fleet/shared-state.test.ts's.
// Skips (saying why) without redis-server, and fails instead in CI.
import { describe, expect, it } from "vitest";
import { scaledTimings } from "../../tools/chaos/cita.js";
import { recoveryTimeoutMs } from "../../tools/chaos/recovery.js";
import { formatFleetComparison } from "../../tools/chaos/report.js";
import { type RunOptions, runScenario } from "../../tools/chaos/run.js";
import { buildScenarios } from "../../tools/chaos/scenarios.js";
import { goldenRequests } from "../../tools/chaos/texts.js";
import { ENTRY_TEST_TIMEOUT_MS } from "../support/node-entry.js";
import { redisAvailable } from "../support/redis-server.js";

/** Long enough that the shared view's refresh (1 s, not scaled) is short beside the breaker's cooldown. */
const SCALE = 0.2;
const INSTANCES = 3;
const timings = scaledTimings(SCALE);
const scenarios = buildScenarios(SCALE, timings.LLM_RATE_LIMIT_PAUSE_MS);
const index = scenarios.findIndex((scenario) => scenario.id === "500s");
const scenario = scenarios[index]!;
const options: RunOptions = {
  scale: SCALE,
  requests: 24,
  concurrency: 6,
  seed: 11,
  warmup: 6,
  naiveTimeoutMs: 10_000,
  control: false,
  texts: goldenRequests(),
};
const TIMEOUT = ENTRY_TEST_TIMEOUT_MS + 2 * (scenario.loadMs + recoveryTimeoutMs(timings)) + 30_000;

describe.skipIf(!redisAvailable())("chaos at fleet scale (three Node instances on one Redis)", () => {
  it("4b, 500s: answered, every breaker open, far fewer calls than three alone, recovered", {
    timeout: TIMEOUT,
  }, async () => {
    const single = await runScenario(scenario, index, options);
    const fleet = await runScenario(scenario, index, { ...options, instances: INSTANCES });
    const table = formatFleetComparison(single, fleet);
    console.info(table);
    expect(fleet.instances, table).toBe(INSTANCES);
    for (const report of [single, fleet]) {
      expect(report.passed, table).toBe(true);
      expect(report.cita.okShare, table).toBe(1);
      expect(report.cita.recovery?.okShare, table).toBe(1);
    }
    // Every instance took part and every breaker opened: the first instance's own, the others' too.
    expect(fleet.cita.failingByInstance, table).toHaveLength(INSTANCES);
    expect(fleet.cita.breakerOpenMs, table).not.toBeNull();
    expect(fleet.cita.fleetBreakerOpenMs, table).not.toBeNull();
    // Not one instance's cost per instance.
    const calls = (figures: typeof fleet.cita) =>
      figures.failingByInstance.reduce((sum, count) => sum + count, 0);
    expect(calls(single.cita), table).toBeGreaterThan(0);
    expect(calls(fleet.cita), table).toBeLessThan(INSTANCES * calls(single.cita));
    // Recovered means every instance's /health shows the primary healthy and the primary answered again.
    expect(fleet.cita.recovery?.recoveredAfterMs, table).not.toBeNull();
  });
});
