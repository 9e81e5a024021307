// Issue 19's scenarios end to end at a small time scale: each chaos scenario (tools/chaos/scenarios.ts) run
// through `npm run chaos`'s own harness against a real Cita over HTTP and the simulator, with the incident
// settings scaled like the router's (tools/chaos/cita.ts), waiting until the incident resolves. For each:
// every request answered; the record Cita keeps (GET /admin/incidents): type, severity and providers, its
// timeline, an opening and any escalation only after their hold times, resolution only after a recovery
// check passed; the announcements in both languages; the webhook's calls (received by a local server; one
// that hangs or fails changes nothing); the `cita_incident_open` gauge flipping on and back off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Incident } from "../../src/incidents/types.js";
import { scaledTimings } from "../../tools/chaos/cita.js";
import { recoveryTimeoutMs } from "../../tools/chaos/recovery.js";
import { formatScenario } from "../../tools/chaos/report.js";
import {
  incidentTimeoutMs,
  type RunOptions,
  runScenario,
  type ScenarioReport,
} from "../../tools/chaos/run.js";
import { buildScenarios } from "../../tools/chaos/scenarios.js";
import { goldenRequests } from "../../tools/chaos/texts.js";
import { expectAnsweredWithinBudget } from "../support/chaos-checks.js";
import { incidentWatch, LANGUAGES, METRICS_TOKEN, type Watched } from "../support/incident-watch.js";
import { type Reply, startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";

const SCALE = 0.05;
const timings = scaledTimings(SCALE);
const scenarios = buildScenarios(SCALE, timings.LLM_RATE_LIMIT_PAUSE_MS);
const options: RunOptions = {
  scale: SCALE,
  // Enough that a 30% fault is seen by the router's health window (its minimum samples and thresholds).
  requests: 32,
  concurrency: 6,
  seed: 19,
  warmup: 6,
  naiveTimeoutMs: 10_000,
  control: false,
  texts: goldenRequests(),
  awaitIncidents: true,
};
/** Webhooks that answer like Slack, fail every call, or never answer. */
const REPLIES = {
  ok: (): Reply => ({ status: 200, body: "ok" }),
  fail: (): Reply => ({ status: 500, body: "internal error" }),
  hang: (): Reply => "hang",
};
type WebhookBehaviour = keyof typeof REPLIES;
const receivers = {} as Record<WebhookBehaviour, WebhookReceiver>;

beforeAll(async () => {
  for (const behaviour of ["ok", "fail", "hang"] as const)
    receivers[behaviour] = await startWebhookReceiver(REPLIES[behaviour]);
});
afterAll(() => Promise.all(Object.values(receivers).map((receiver) => receiver.close())));

interface Observed {
  report: ScenarioReport;
  table: string;
  watched: Watched;
  /** The webhook calls made during the scenario. */
  calls: unknown[];
}

/** Until no call arrived for a while (bounded): the calls a resolution sends are in. */
async function quiet(receiver: WebhookReceiver, quietMs = 300, boundMs = 5000) {
  const deadline = Date.now() + boundMs;
  let seen = -1;
  while (seen !== receiver.calls.length && Date.now() < deadline) {
    seen = receiver.calls.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

function scenario(id: string) {
  const index = scenarios.findIndex((candidate) => candidate.id === id);
  const found = scenarios[index]!;
  const timeout = found.loadMs + recoveryTimeoutMs(timings) + incidentTimeoutMs(timings) + 20_000;
  return { scenario: found, index, timeout };
}

/** Runs a scenario with the incident watch on and the given webhook behind INCIDENT_WEBHOOK_URL. */
async function observe(id: string, webhook: WebhookBehaviour): Promise<Observed> {
  const { scenario: found, index } = scenario(id);
  const receiver = receivers[webhook];
  const before = receiver.calls.length;
  const watched: Watched = { gauge: [], announcements: new Map() };
  const report = await runScenario(found, index, {
    ...options,
    environment: { INCIDENT_WEBHOOK_URL: receiver.url, METRICS_TOKEN },
    watch: (urls) => {
      const watch = incidentWatch(watched)(urls);
      return {
        // The webhook is posted in the background: its last calls may still be on their way.
        stop: async () => {
          if (webhook === "ok") await quiet(receiver);
          await watch.stop();
        },
      };
    },
  });
  const table = formatScenario(report);
  expectAnsweredWithinBudget(report, options.requests);
  return { report, table, watched, calls: receiver.calls.slice(before).map((call) => call.body) };
}

/** The one incident the scenario opened, its record whole. */
function onlyIncident({ report, table }: Observed): Incident {
  expect(report.records, table).toHaveLength(1);
  return report.records[0]!;
}

/** What every resolved incident shows: opened after the hold, resolved only after a passed recovery check. */
function expectLifecycle(observed: Observed, incident: Incident) {
  const { report, table } = observed;
  const figures = report.incidents[0]!;
  // Opened by the router no sooner than INCIDENT_OPEN_AFTER_MS after the fault began, when it was healthy
  // then (a blip opens none); a rollback opens one at once.
  if (incident.trigger === "router" && report.cita.stateAtOnset === "healthy") {
    expect(figures.openedAtMs, table).toBeGreaterThanOrEqual(timings.INCIDENT_OPEN_AFTER_MS);
  }
  // Every escalation waited its hold: the worse condition cannot have begun before the fault.
  const order = ["P4", "P3", "P2", "P1"];
  for (const [position, change] of figures.severities.entries()) {
    const previous = figures.severities[position - 1];
    if (previous !== undefined && order.indexOf(change.severity) > order.indexOf(previous.severity)) {
      expect(change.atMs, table).toBeGreaterThanOrEqual(timings.INCIDENT_ESCALATE_AFTER_MS);
    }
  }
  // Resolved, and only after a recovery check that passed.
  expect(incident.resolvedAt, table).not.toBeNull();
  expect(incident.state, table).toBe("resolved");
  expect(figures.states.at(-1)?.state, table).toBe("resolved");
  const passed = figures.recoveryChecks.filter((check) => check.verdict === "passed");
  expect(passed.length, table).toBeGreaterThanOrEqual(1);
  expect(figures.resolvedAtMs!, table).toBeGreaterThanOrEqual(passed[0]!.atMs);
  expect(incident.recovery?.verdict, table).toBe("passed");
  // Cita always answers: no answer lost.
  expect(incident.impact.answersLost, table).toBe(0);
  // The timeline starts with the opening and ends with the resolution.
  expect(incident.timeline[0]?.event, table).toBe("opened");
  expect(
    incident.timeline.some((entry) => entry.event === "resolved"),
    table,
  ).toBe(true);
}

/** The gauge went to 1 while the incident was open and back to 0 once it resolved. */
function expectGaugeFlip({ watched, table }: Observed, resolved = true) {
  const readings = watched.gauge.filter((value) => value !== null);
  expect(readings.length, table).toBeGreaterThan(0);
  expect(readings[0], table).toBe(0);
  expect(
    readings.some((value) => value! >= 1),
    table,
  ).toBe(true);
  expect(readings.at(-1), table).toBe(resolved ? 0 : 1);
}

/** The announcements: served in both languages as Markdown, each naming the severity and the state. */
function expectAnnouncements({ watched, table }: Observed, incident: Incident) {
  const served = watched.announcements.get(incident.id);
  expect(served, table).toBeDefined();
  for (const lang of LANGUAGES) {
    const { status, type, text } = served![lang];
    expect(status, `${lang}\n${text}`).toBe(200);
    expect(type, lang).toContain("text/markdown");
    expect(text, lang).toContain(incident.severity);
    expect(text, lang).toContain(incident.id);
  }
  expect(served!.es.text).not.toBe(served!.en.text);
}

/** Slack-compatible calls: one on open, one on resolve at least, each a JSON body with its text. */
function expectWebhookCalls({ calls, table, report }: Observed, incident: Incident) {
  expect(calls.length, table).toBeGreaterThanOrEqual(2);
  for (const body of calls)
    expect(typeof (body as { text?: unknown }).text, JSON.stringify(body)).toBe("string");
  const texts = calls.map((body) => (body as { text: string }).text);
  const all = texts.join("\n---\n");
  // The opening names the severity it opened at; the last one, the resolution, the one it ended at.
  expect(texts[0], all).toContain(report.incidents[0]!.severities[0]!.severity);
  expect(texts.at(-1), all).toContain(incident.severity);
}

describe("incidents through the chaos scenarios (scale 0.05)", () => {
  it("1: a 15 s p95 primary opens a P4 high-latency incident that resolves after recovery", {
    timeout: scenario("latency").timeout,
  }, async () => {
    const observed = await observe("latency", "ok");
    const incident = onlyIncident(observed);
    expect(incident.types, observed.table).toContain("high_latency");
    // Slow but working: with every reading answered by an LLM (the failovers), P4. On a loaded machine at
    // this scale the failovers may time out too; then the LLM path's error rate decides.
    if (observed.report.cita.rulesShare === 0) expect(incident.severity, observed.table).toBe("P4");
    expect(
      incident.providers.map((entry) => entry.provider),
      observed.table,
    ).toContain("qwen");
    expectLifecycle(observed, incident);
    expectGaugeFlip(observed);
    expectAnnouncements(observed, incident);
    expectWebhookCalls(observed, incident);
  });

  it("3c: a 429 storm is rate limiting; Retry-After is kept, and it resolves only once the quota is back", {
    timeout: scenario("429-quota").timeout,
  }, async () => {
    const observed = await observe("429-quota", "ok");
    const incident = onlyIncident(observed);
    const { table, report } = observed;
    expect(incident.types, table).toContain("rate_limiting");
    // The severity comes from the LLM path's error rate: with every reading answered by a failover (0%
    // failed) it is P4, slow but working.
    if (report.cita.llmShare === 1) expect(incident.severity, table).toBe("P4");
    // The storm reached Cita, and it kept off the primary while paused.
    expect(report.cita.pauseWindow?.rateLimited, table).toBeGreaterThanOrEqual(1);
    expect(report.cita.pauseWindow?.attemptsInside, table).toBeLessThanOrEqual(1);
    expectLifecycle(observed, incident);
    // A check failed while the quota was still spent; the one that passed saw it back over its minimum.
    const checks = report.incidents[0]!.recoveryChecks;
    expect(checks[0]?.verdict, table).toBe("failed");
    const primary = incident.recovery?.providers.find((entry) => entry.provider === "qwen");
    expect(primary?.quota.known, table).toBe(true);
    expect(primary?.quota.remaining, table).toBeGreaterThanOrEqual(primary!.quota.minimum);
    expectGaugeFlip(observed);
    expectWebhookCalls(observed, incident);
  });

  it("5: every provider down for 60 s is P1 on the LLM path while the service answered 100%", {
    timeout: scenario("all-down").timeout,
  }, async () => {
    // A webhook that fails (500 on every call, retried): nothing else changes.
    const observed = await observe("all-down", "fail");
    const incident = onlyIncident(observed);
    const { table, report } = observed;
    expect(incident.types, table).toContain("service_down");
    // The record shows both: P1 from the LLM path at opening (every reading failed since the providers
    // went down), held; the service's own reading none, no 5xx: every request was answered by the rules.
    expect(report.incidents[0]!.severities[0]?.severity, table).toBe("P1");
    expect(incident.severity, table).toBe("P1");
    expect(report.cita.rulesShare, table).toBe(1);
    expect(incident.basis.service, table).toBeNull();
    // Read at the end, after the window emptied: no 5xx at any time, as answersLost says too.
    expect(incident.basis.serviceErrorRate ?? 0, table).toBe(0);
    expect(incident.impact.answersLost, table).toBe(0);
    expect(incident.impact.answeredByRules, table).toBeGreaterThan(0);
    expect(new Set(incident.providers.map((entry) => entry.provider)), table).toEqual(
      new Set(["qwen", "anthropic", "openai"]),
    );
    expectLifecycle(observed, incident);
    expectGaugeFlip(observed);
    expect(observed.calls.length, table).toBeGreaterThanOrEqual(2);
  });

  it("2: 30% invalid JSON opens a low-quality incident that resolves once cleared", {
    timeout: scenario("bad-json").timeout,
  }, async () => {
    // A webhook that hangs: nothing else changes.
    const observed = await observe("bad-json", "hang");
    const incident = onlyIncident(observed);
    expect(incident.types, observed.table).toContain("low_quality");
    expectLifecycle(observed, incident);
    expectGaugeFlip(observed);
    expectAnnouncements(observed, incident);
  });

  it("7: a fine-tuned variant rolled back opens an incident that names the rollback", {
    timeout: scenario("finetuned-rollback").timeout,
  }, async () => {
    const observed = await observe("finetuned-rollback", "ok");
    const incident = onlyIncident(observed);
    const { table } = observed;
    expect(
      incident.mitigations.map((mitigation) => mitigation.kind),
      table,
    ).toContain("rollout_rolled_back");
    expect(incident.types, table).toContain("low_quality");
    expect(
      incident.comparison.map((entry) => entry.finetuned?.model),
      table,
    ).toContain("qwen-ft-parsing");
    expectLifecycle(observed, incident);
    expectWebhookCalls(observed, incident);
  });
});
