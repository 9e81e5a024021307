// Small recorded runs for the report tests: a chaos run (one scenario on one instance and on a fleet of
// three, its timeline built by the harness's own buildTimeline from outcomes, simulator attempts and /health
// samples) and a benchmark's figures. Names and messages carry markup, as a run's text may.
import type { LatencyCurve } from "../bench/curve.js";
import type { RouteFigures, ThroughputFigures } from "../bench/throughput.js";
import { type CitaOutcome, type HealthView, scaledTimings } from "../chaos/cita.js";
import type { CitaFigures, NaiveFigures } from "../chaos/figures.js";
import type { IncidentFigures } from "../chaos/incidents.js";
import type { ScenarioReport } from "../chaos/run.js";
import { buildTimeline } from "../chaos/timeline.js";
import type { Attempt } from "../simulator/recording.js";
import type { BenchRun } from "./bench-report.js";
import type { ChaosRun } from "./chaos-report.js";

/** Markup a run's text could carry: it must reach the page as text, never as an element or a script end. */
export const HOSTILE = `</script><img src=x onerror="alert(1)"> & <!--`;

const ONSET = 1_000_000;
const REQUESTS = 12;
const ATTEMPTS = 9;

function outcome(phase: string, index: number, at: number, fields: Partial<CitaOutcome>): CitaOutcome {
  const base = { status: 200, valid: true, mode: "llm", provider: "qwen", degraded: false, problem: null };
  return {
    id: `cita-${phase}-${index}`,
    sentAt: at,
    latencyMs: 40 + index * 7,
    ...base,
    ...fields,
  } as CitaOutcome;
}

function attempt(index: number, at: number, provider: string, fields: Partial<Attempt>): Attempt {
  const base = {
    model: null,
    path: "/v1/chat/completions",
    fault: null,
    faults: [],
    status: 200,
    maxTokens: null,
  };
  return {
    ...base,
    time: new Date(at).toISOString(),
    provider,
    requestId: `cita-load-${index}`,
    mode: null,
    tool: null,
    attempt: 1,
    retried: false,
    sdkRetryCount: null,
    durationMs: 20,
    aborted: false,
    ...fields,
  } as Attempt;
}

const view = (breaker: string, state: string): HealthView => ({
  routerState: state === "down" ? "degraded" : "healthy",
  conservation: false,
  providers: { qwen: state, anthropic: "healthy" },
  breakers: { qwen: breaker, anthropic: "closed" },
});

/** One scenario run: the primary answers 500s from onset, the breaker opens, rules and anthropic answer. */
function scenarioRun(instances: number): ScenarioReport {
  const outcomes = [
    outcome("warmup", 0, ONSET - 300, {}),
    ...Array.from({ length: REQUESTS }, (_, index) =>
      outcome("load", index, ONSET + index * 100, {
        provider: index % 3 === 0 ? null : "anthropic",
        mode: index % 3 === 0 ? "rules" : "llm",
        ...(index === 5 ? { valid: false, status: 502, problem: HOSTILE } : {}),
      }),
    ),
  ];
  const attempts = Array.from({ length: ATTEMPTS }, (_, index) =>
    attempt(index, ONSET + index * 120, index % 2 === 0 ? "qwen" : "anthropic", {
      ...(index % 2 === 0 ? { status: 500, fault: "serverError" as const } : {}),
      ...(index === 3 ? { status: null, aborted: true } : {}),
    }),
  );
  const healthy = view("closed", "healthy");
  const open = view("open", "down");
  const samples = [ONSET - 400, ONSET - 100, ONSET + 300, ONSET + 600, ONSET + 900].map((at, round) => {
    const views = Array.from({ length: instances }, (_, instance) =>
      round >= 2 + (instance % 2) ? open : healthy,
    );
    return { at, view: views.every((each) => each === healthy) ? healthy : open, views };
  });
  const timings = scaledTimings(0.05);
  const side = {
    requests: REQUESTS,
    p50Ms: 70,
    p95Ms: 110,
    maxMs: 150,
    attemptsPerRequest: 1.5,
    pauseWindow: null,
  };
  const cita: CitaFigures = {
    ...side,
    okShare: 11 / 12,
    problems: { [HOSTILE]: 1 },
    llmShare: 7 / 11,
    rulesShare: 4 / 11,
    degradedShare: 0,
    answeredBy: { anthropic: 7, rules: 4 },
    attemptsByProvider: { qwen: 5, anthropic: 4 },
    failingByInstance: new Array<number>(instances).fill(1),
    routerInHealth: true,
    stateAtOnset: "healthy",
    timeToDetectMs: 300,
    fleetTimeToDetectMs: 600,
    breakerOpenMs: 300,
    fleetBreakerOpenMs: 600,
    recovery: null,
  };
  const naive: NaiveFigures = { ...side, okShare: 0, problems: { "HTTP 500": REQUESTS }, emptyShare: 0 };
  return {
    id: "500s",
    label: "4b",
    title: `Outage: 500s ${HOSTILE}`,
    fault: "qwen: every answer 500",
    scale: 0.05,
    control: false,
    instances,
    redis: instances > 1,
    loadMs: 1500,
    timings,
    durationMs: 2500,
    cita,
    naive,
    passed: false,
    timeline: buildTimeline({
      outcomes,
      attempts,
      samples,
      onsetAt: ONSET,
      clearedAt: ONSET + 1200,
      endAt: ONSET + 1500,
      instances,
    }),
    incidents: [recordedIncident(instances - 1)],
    records: [],
  };
}

/** The incident the recorded scenario opened: failover at once, P2, a failed then a passed recovery check. */
function recordedIncident(instance: number): IncidentFigures {
  return {
    instance,
    id: "inc_00000000000000a1",
    trigger: "router",
    types: ["service_down"],
    providers: ["qwen/qwen-plus"],
    openedAtMs: 300,
    severity: "P2",
    basis: { llm: "P2", service: null, llmErrorRate: 0.6, serviceErrorRate: 0 },
    severities: [{ atMs: 300, severity: "P2" }],
    states: [
      { atMs: 300, state: "mitigated" },
      { atMs: 1400, state: "resolved" },
    ],
    mitigations: [{ atMs: 120, kind: "failover", detail: `failover to anthropic ${HOSTILE}` }],
    recoveryChecks: [
      { atMs: 1300, verdict: "failed" },
      { atMs: 1400, verdict: "passed" },
    ],
    resolvedAtMs: 1400,
    answersLost: 0,
  };
}

export const RECORDED = { requests: REQUESTS + 1, attempts: ATTEMPTS, fleet: 3 };

export function recordedChaosRun(): ChaosRun {
  return {
    generatedAt: "2026-12-07T06:00:00.000Z",
    settings: { scale: 0.05, requests: REQUESTS, instances: 3 },
    scenarios: [scenarioRun(1)],
    fleet: [scenarioRun(3)],
  };
}

const curve = (base: number): LatencyCurve => ({
  ranks: [0, 50, 90, 99, 100],
  ms: [base, base * 2, base * 4, base * 8, base * 10],
});

const route = (requestsPerSecond: number): RouteFigures => ({
  requestsPerSecond,
  requests: requestsPerSecond * 5,
  latencyP50Ms: 1,
  latencyP99Ms: 9,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  curve: { ranks: [0, 2.5, 50, 97.5, 100], ms: [0, 0, 1, 5, 12] },
});

function throughput(connections: number, hello: number, parse: number): ThroughputFigures {
  const rounds = { helloRounds: [hello], parseRounds: [parse] };
  return {
    durationSeconds: 5,
    connections,
    workers: 0,
    rounds: 1,
    ...rounds,
    hello: route(hello),
    parse: route(parse),
    ratio: parse / hello,
  };
}

const latency = (base: number) => ({
  cases: 4,
  passes: 2,
  count: 8,
  p50Ms: base * 2,
  p99Ms: base * 8,
  maxMs: base * 10,
  meanMs: base * 3,
  curve: curve(base),
});
const percentiles = (base: number) => ({
  p50Ms: base * 2,
  p95Ms: base * 6,
  meanMs: base * 3,
  curve: curve(base),
});

export function recordedBenchRun(): BenchRun {
  return {
    measuredAt: "2026-12-07T06:00:00.000Z",
    node: "v20.20.2",
    pipeline: latency(0.05),
    conversations: [2, 10].map((messages) => ({ messages, ...latency(0.1 * messages) })),
    throughput: [throughput(10, 13_000, 2_700), throughput(50, 15_000, 2_000)],
    sharedState: { skipped: `no redis-server ${HOSTILE}` },
    router: {
      calls: 20,
      directSdk: percentiles(1),
      provider: percentiles(1.1),
      router: percentiles(1.2),
      overheadP50Ms: 0.2,
      slowPrimary: {
        calls: 20,
        concurrency: 4,
        hedgeDelayMs: 250,
        withoutHedging: percentiles(20),
        withHedging: { ...percentiles(10), hedges: 2 },
      },
    },
    targets: {
      throughputRatio: [
        { connections: 10, target: 0.2, ratio: 2700 / 13_000, met: true },
        { connections: 50, target: 0.2, ratio: 2000 / 15_000, met: false },
      ],
    },
  };
}
