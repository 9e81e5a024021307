// Drives a Cita (a Node process or a Worker) through an incident for the tests that own the process rather
// than the chaos harness (the restart in the middle, the Workers record on D1): every-provider-down faults
// on a simulator scope, and parse requests one at a time until the incident Cita records reaches a wanted
// point, bounded. Every answer is kept, so a test can say the service answered them all.
import type { Incident } from "../../src/incidents/types.js";
import { type CitaOutcome, postParse } from "../../tools/chaos/cita.js";
import { readIncidents } from "../../tools/chaos/incidents.js";
import { sleep } from "../../tools/chaos/stats.js";
import { goldenRequests, pick } from "../../tools/chaos/texts.js";
import type { SimulatorScope } from "./simulator.js";

/** Scenario 5's faults: every provider answers an error on every call. */
export async function everyProviderDown(scope: SimulatorScope): Promise<void> {
  await scope.setFaults("qwen", undefined, [{ kind: "unavailable" }]);
  await scope.setFaults("anthropic", undefined, [{ kind: "overloaded" }]);
  await scope.setFaults("openai", undefined, [{ kind: "serverError" }]);
}

const texts = goldenRequests();

export interface Drive {
  outcomes: CitaOutcome[];
  /**
   * Sends requests until `wanted` holds for Cita's newest incident (its list read after each request),
   * and resolves with that incident; rejects after `timeoutMs` with what was last read.
   */
  until(wanted: (incident: Incident) => boolean, timeoutMs: number): Promise<Incident>;
}

export function driver(baseUrl: () => string, gapMs: number, requestTimeoutMs: number): Drive {
  const outcomes: CitaOutcome[] = [];
  return {
    outcomes,
    async until(wanted, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let last: Incident[] | null = null;
      while (Date.now() < deadline) {
        const index = outcomes.length;
        outcomes.push(
          await postParse(baseUrl(), pick(texts, 0, index), `cita-drive-${index}`, requestTimeoutMs),
        );
        last = await readIncidents(baseUrl());
        const newest = last?.[0];
        if (newest !== undefined && wanted(newest)) return newest;
        await sleep(gapMs);
      }
      throw new Error(
        `the incident did not get there within ${timeoutMs} ms; last read: ${JSON.stringify(last)}`,
      );
    },
  };
}
