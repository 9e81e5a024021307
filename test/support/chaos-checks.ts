// What every chaos scenario run in the tests must show (test/llm/chaos.test.ts, test/llm/incidents.test.ts):
// every request answered 200 with a schema-valid body, in recovery too, and no more calls per request on
// the failing provider than the router's attempt budget allows, where attempts are visible.
import { expect } from "vitest";
import { FIXED_SETTINGS } from "../../tools/chaos/cita.js";
import { formatScenario } from "../../tools/chaos/report.js";
import type { ScenarioReport } from "../../tools/chaos/run.js";

const ATTEMPT_BOUND = FIXED_SETTINGS.LLM_MAX_ATTEMPTS + 1;

export function expectAnsweredWithinBudget(report: ScenarioReport, requests: number) {
  const table = formatScenario(report);
  expect(report.cita.requests, table).toBe(requests);
  expect(report.cita.okShare, table).toBe(1);
  if (report.cita.recovery !== null) expect(report.cita.recovery.okShare, table).toBe(1);
  if (report.cita.attemptsPerRequest !== null) {
    expect(report.cita.attemptsPerRequest, table).toBeLessThanOrEqual(ATTEMPT_BOUND);
  }
}
