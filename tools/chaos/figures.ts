// What a chaos scenario's report says about each side, computed from what happened: the outcomes of the
// requests, the attempts the simulator recorded and the /health samples. Cita's side also carries its
// recovery (recovery.ts); the naive client's counts its valid but empty answers.
import { percentile } from "../../src/stats.js";
import type { Attempt } from "../simulator/recording.js";
import type { CitaOutcome, HealthView } from "./cita.js";
import { firstFleetSampleAt, firstSampleAt, type HealthSample, lastSampleBefore } from "./health.js";
import type { NaiveOutcome } from "./naive.js";
import type { RecoveryFigures } from "./recovery.js";
import type { Scenario } from "./scenarios.js";
import { countBy, ratio, roundMs, share } from "./stats.js";

/** What a side of the comparison did under fault. */
export interface SideFigures {
  requests: number;
  /** Cita: answered 200 with a schema-valid body. Naive: a 2xx with a valid extraction. */
  okShare: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  /** Attempts on the failing provider(s) per request; null when they cannot be seen (refused connects). */
  attemptsPerRequest: number | null;
  /** Attempts on the primary inside the pause its 429s announced (see pauseWindowCheck). */
  pauseWindow: PauseWindowFigures | null;
  /** Why requests failed, by reason. */
  problems: Record<string, number>;
}

export interface PauseWindowFigures {
  windowMs: number;
  /** 429s the side received from the primary. */
  rateLimited: number;
  attemptsInside: number;
}

export interface CitaFigures extends SideFigures {
  llmShare: number | null;
  rulesShare: number | null;
  degradedShare: number | null;
  /** meta.provider (or "rules") of the answers. */
  answeredBy: Record<string, number>;
  /** Simulator attempts by provider while under fault. */
  attemptsByProvider: Record<string, number>;
  /** Attempts on the failing provider(s) under fault by the instance that made them (request i: i mod N). */
  failingByInstance: number[];
  /** /health carried a router section. */
  routerInHealth: boolean;
  /** What /health said just before onset (primary state, or router state for every-provider-down). */
  stateAtOnset: string | null;
  /** From onset until the first instance's /health said so (a fleet's first; one instance's own). */
  timeToDetectMs: number | null;
  /** From onset until every instance's /health said so (for one instance, the same as timeToDetectMs). */
  fleetTimeToDetectMs: number | null;
  /** From onset until the primary's breaker first left "closed" in one instance, then in every instance. */
  breakerOpenMs: number | null;
  fleetBreakerOpenMs: number | null;
  recovery: RecoveryFigures | null;
}

export interface NaiveFigures extends SideFigures {
  /** Valid but empty answers (the low-quality fault), counted as successes. */
  emptyShare: number | null;
}

/** An attempt that reached the primary this soon after a 429 was already on its way: not counted. */
const PAUSE_GRACE_MS = 25;

/** Nearest-rank p50, p95 and maximum, rounded; null for no requests. */
function latencyFigures(latencies: readonly number[]) {
  if (latencies.length === 0) return { p50Ms: null, p95Ms: null, maxMs: null };
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50Ms: roundMs(percentile(sorted, 0.5)),
    p95Ms: roundMs(percentile(sorted, 0.95)),
    maxMs: roundMs(percentile(sorted, 1)),
  };
}

/** The attempts a side sent under fault, by request-id prefix. */
function attemptsOf(attempts: readonly Attempt[], prefix: string): Attempt[] {
  return attempts.filter((attempt) => attempt.requestId?.startsWith(prefix) === true);
}

export function citaSide(
  scenario: Scenario,
  outcomes: readonly CitaOutcome[],
  underFault: readonly Attempt[],
  all: readonly Attempt[],
  samples: readonly HealthSample[],
  onsetAt: number,
  instances = 1,
): CitaFigures {
  const load = attemptsOf(underFault, "cita-load-");
  const failing = load.filter((attempt) => scenario.failing.includes(attempt.provider as never));
  const valid = outcomes.filter((outcome) => outcome.valid);
  const stateOf = (view: HealthView) =>
    scenario.detectBy === "router" ? view.routerState : (view.providers.qwen ?? null);
  const unhealthy = (view: HealthView) => {
    const state = stateOf(view);
    return state !== null && state !== "healthy";
  };
  const breakerOpened = (view: HealthView) =>
    view.breakers.qwen !== undefined && view.breakers.qwen !== "closed";
  const after = (sample: HealthSample | null) => (sample === null ? null : Math.max(0, sample.at - onsetAt));
  const before = lastSampleBefore(samples, onsetAt);
  return {
    requests: outcomes.length,
    okShare: share(outcomes, (outcome) => outcome.valid),
    ...latencyFigures(outcomes.map((outcome) => outcome.latencyMs)),
    attemptsPerRequest: scenario.attemptsVisible ? ratio(failing.length, outcomes.length) : null,
    pauseWindow: pauseWindowCheck(scenario, attemptsOf(all, "cita-")),
    problems: countBy(
      outcomes.filter((outcome) => !outcome.valid),
      (outcome) => outcome.problem ?? "unknown",
    ),
    llmShare: share(valid, (outcome) => outcome.mode === "llm"),
    rulesShare: share(valid, (outcome) => outcome.mode === "rules"),
    degradedShare: share(valid, (outcome) => outcome.degraded === true),
    answeredBy: countBy(valid, (outcome) => outcome.provider ?? "rules"),
    attemptsByProvider: countBy(load, (attempt) => attempt.provider),
    failingByInstance: byInstance(failing, instances),
    routerInHealth: samples.some((sample) => sample.view?.routerState != null),
    stateAtOnset: before?.view ? stateOf(before.view) : null,
    timeToDetectMs: after(firstSampleAt(samples, onsetAt, unhealthy)),
    fleetTimeToDetectMs: after(firstFleetSampleAt(samples, onsetAt, unhealthy)),
    breakerOpenMs: after(firstSampleAt(samples, onsetAt, breakerOpened)),
    fleetBreakerOpenMs: after(firstFleetSampleAt(samples, onsetAt, breakerOpened)),
    recovery: null,
  };
}

/** Attempts per instance, from the request index in their X-Request-Id (cita-load-<i>). */
function byInstance(attempts: readonly Attempt[], instances: number): number[] {
  const counts = new Array<number>(instances).fill(0);
  for (const attempt of attempts) {
    const index = Number(attempt.requestId?.slice("cita-load-".length));
    if (Number.isInteger(index)) counts[index % instances]! += 1;
  }
  return counts;
}

export function naiveSide(
  scenario: Scenario,
  outcomes: readonly NaiveOutcome[],
  attempts: number,
  all: readonly Attempt[],
): NaiveFigures {
  return {
    requests: outcomes.length,
    okShare: share(outcomes, (outcome) => outcome.success),
    ...latencyFigures(outcomes.map((outcome) => outcome.latencyMs)),
    // Counted at the client, so refused connects count too; the naive client only has the primary.
    attemptsPerRequest: ratio(attempts, outcomes.length),
    pauseWindow: pauseWindowCheck(scenario, attemptsOf(all, "naive-")),
    problems: countBy(
      outcomes.filter((outcome) => !outcome.success),
      (outcome) => outcome.problem ?? (outcome.status !== null ? `HTTP ${outcome.status}` : "unknown"),
    ),
    emptyShare: share(outcomes, (outcome) => outcome.empty),
  };
}

/**
 * Attempts on the primary that arrived inside a pause announced by one of the same side's 429s: from the
 * 429's end (plus a small grace for attempts already on the wire) to the end of the announced window.
 */
export function pauseWindowCheck(
  scenario: Scenario,
  attempts: readonly Attempt[],
): PauseWindowFigures | null {
  const windowMs = scenario.pauseWindowMs;
  if (windowMs === null) return null;
  const primary = attempts.filter((attempt) => attempt.provider === "qwen");
  const windows = primary
    .filter((attempt) => attempt.status === 429)
    .map((attempt) => {
      const end = Date.parse(attempt.time) + (attempt.durationMs ?? 0);
      return [end + PAUSE_GRACE_MS, end + windowMs] as const;
    });
  const inside = primary.filter((attempt) => {
    const at = Date.parse(attempt.time);
    return windows.some(([from, to]) => at > from && at < to);
  });
  return { windowMs, rateLimited: windows.length, attemptsInside: inside.length };
}
