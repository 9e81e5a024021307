// An incident manager over a scripted router state, the memory store, a recording notifier and an
// injected clock, for the manager's unit tests: `at(ms)` moves the clock to T0 + ms and ticks.

import type { LogRecord } from "../../src/http/logger.js";
import {
  IncidentManager,
  type IncidentManagerOptions,
  type RequestOutcome,
} from "../../src/incidents/manager.js";
import { MemoryIncidentStore } from "../../src/incidents/memory-store.js";
import { DEFAULT_INCIDENT_SETTINGS, type IncidentSettings } from "../../src/incidents/settings.js";
import type {
  IncidentChange,
  IncidentStore,
  RecoveryChecker,
  RecoveryReport,
} from "../../src/incidents/types.js";
import type { ProviderName } from "../../src/providers/types.js";
import type { CallRecord } from "../../src/router/router.js";
import { ScriptedRouterState } from "./incident-router.js";

export const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);
export const SETTINGS: IncidentSettings = DEFAULT_INCIDENT_SETTINGS;

export interface Harness {
  manager: IncidentManager;
  router: ScriptedRouterState;
  store: IncidentStore;
  notified: IncidentChange[];
  errors: LogRecord[];
  /** The clock, in ms since T0. */
  readonly elapsed: number;
  /** Moves the clock to T0 + ms and ticks. */
  at(ms: number): Promise<void>;
  /** Moves the clock only. */
  move(ms: number): void;
  /** The stored open incident, else the newest stored one. */
  stored(): Promise<NonNullable<Awaited<ReturnType<IncidentStore["getIncident"]>>>>;
}

export function harness(options: Partial<IncidentManagerOptions> = {}): Harness {
  let now = T0;
  const router = new ScriptedRouterState([
    { provider: "qwen", model: "qwen-plus" },
    { provider: "anthropic", model: "claude-haiku" },
  ]);
  const store = options.store ?? new MemoryIncidentStore();
  const notified: IncidentChange[] = [];
  const errors: LogRecord[] = [];
  const manager = new IncidentManager({
    settings: SETTINGS,
    store,
    router,
    clock: { now: () => now },
    logger: { debug() {}, info() {}, error: (record) => errors.push(record) },
    notifier: { notify: (change) => notified.push(change) },
    ...options,
  });
  return {
    manager,
    router,
    store,
    notified,
    errors,
    get elapsed() {
      return now - T0;
    },
    async at(ms) {
      now = T0 + ms;
      await manager.tick();
    },
    move(ms) {
      now = T0 + ms;
    },
    async stored() {
      const [newest] = await store.listIncidents(1);
      if (newest === undefined) throw new Error("no incident stored");
      return newest;
    },
  };
}

/** A parse request answered 200 by an LLM, with overrides. */
export function request(overrides: Partial<RequestOutcome> = {}): RequestOutcome {
  return { status: 200, latencyMs: 100, wantedLlm: true, llmAnswered: true, degraded: false, ...overrides };
}

/** `count` requests of the same outcome. */
export function requests(
  manager: IncidentManager,
  count: number,
  overrides: Partial<RequestOutcome> = {},
): void {
  for (let index = 0; index < count; index++) manager.recordRequest(request(overrides));
}

/** A provider call, answered in 500 ms unless overridden. */
export function call(overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    provider: "qwen",
    model: "qwen-plus",
    outcome: "ok",
    status: "2xx",
    durationMs: 500,
    inputTokens: 10,
    outputTokens: 20,
    answers: 1,
    invalidAnswers: 0,
    requestId: "request-1",
    costUsd: 0,
    ...overrides,
  };
}

/** The harness's configured providers: what a check without a list of providers covers. */
const CONFIGURED: readonly ProviderName[] = ["qwen", "anthropic"];

/** A recovery check's report on `providers` (every configured one by default), each as the verdict says. */
export function report(
  verdict: RecoveryReport["verdict"],
  reasons: string[] = [],
  providers: readonly ProviderName[] = CONFIGURED,
): RecoveryReport {
  const passed = verdict === "passed";
  return {
    at: new Date(T0).toISOString(),
    verdict,
    providers: providers.map((provider) => ({
      provider,
      model: `${provider}-model`,
      cases: 8,
      answered: 8,
      latency: { p95Ms: passed ? 900 : 6100, limitMs: 5000, passed },
      confidence: { mean: 0.9, minimum: 0.8, passed: true },
      agreement: { rate: 1, minimum: 0.8, passed: true },
      quota: { remaining: null, minimum: 50, known: false, passed: true },
      passed,
    })),
    reasons,
  };
}

/** Takes the router out of healthy (qwen down with its breaker open) and opens the incident. */
export async function openIncident(test: Harness, from = 0): Promise<void> {
  test.router.current = "degraded";
  test.router.set("qwen", { state: "down", breaker: "open", reasons: ["circuit breaker open"] });
  await test.at(from);
  await test.at(from + SETTINGS.openAfterMs);
  if (!test.manager.status().open) throw new Error("the incident did not open");
}

/** A checker whose verdicts a test gives one by one; it remembers what it was asked to check. */
export function scriptedChecker(
  verdicts: RecoveryReport["verdict"][],
): RecoveryChecker & { asked: (readonly ProviderName[] | undefined)[] } {
  const asked: (readonly ProviderName[] | undefined)[] = [];
  return {
    asked,
    async check(providers) {
      asked.push(providers);
      return report(verdicts.shift() ?? "failed", ["latency p95 6.1 s > 5 s"], providers);
    },
  };
}

/** Opens an incident, heals the router at once and ticks until it is monitoring; returns when that was. */
export async function monitoring(test: Harness): Promise<number> {
  await openIncident(test);
  test.router.heal();
  const since = SETTINGS.openAfterMs + 1;
  await test.at(since);
  await test.at(since + SETTINGS.recoveryDelayMs);
  if (test.manager.status().state !== "monitoring") throw new Error("the incident is not monitoring");
  return since + SETTINGS.recoveryDelayMs;
}
