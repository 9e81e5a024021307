// Runs one chaos scenario end to end: a fresh seeded simulator, a forwarder in front of the primary, a
// fresh Cita (fresh router state) served over HTTP, a few healthy warm-up requests, fault onset, N requests
// to Cita and the same N to the naive client on one schedule, then (where the scenario clears its fault) a
// trickle of requests until the primary is healthy again and serving. /health is polled throughout.
// The naive client has its own simulator and forwarder with the same fault, left on until its last request
// ends: its SDK's retry backoff does not scale, and would otherwise outlast a scaled-down outage and turn
// into successes that a real, full-length outage would not give it. Requests are told apart at the
// simulators by their X-Request-Id (cita-<phase>-<i>, naive-load-<i>).
import type { ParseRequest } from "../../src/http/schemas/parse.js";
import type { Attempt } from "../simulator/recording.js";
import { startSimulator } from "../simulator/server.js";
import {
  type CitaOutcome,
  citaEnvironment,
  type HealthView,
  postParse,
  scaled,
  scaledTimings,
  startCita,
  type Timings,
} from "./cita.js";
import { startForwarder } from "./forwarder.js";
import { firstSampleAt, type HealthSample, lastSampleBefore, startHealthPoller } from "./health.js";
import { type LoadPlan, runLoad } from "./load.js";
import { type NaiveOutcome, naiveClient } from "./naive.js";
import type { Scenario, ScenarioContext } from "./scenarios.js";
import { countBy, percentile, ratio, roundMs, share, sleep } from "./stats.js";
import { pick } from "./texts.js";

/** How a run is shaped. */
export interface RunOptions {
  /** Multiplies every duration: 1 is real time. */
  scale: number;
  /** Requests under fault, per scenario (to Cita, and as many to the naive client). */
  requests: number;
  /** Requests in flight at most, per side. */
  concurrency: number;
  seed: number;
  /** Healthy requests to Cita before the fault, so the router has recent samples. */
  warmup: number;
  /** Harness bound on each naive request; null leaves the SDK's own 10-minute timeout. */
  naiveTimeoutMs: number | null;
  /** Control run: the same timeline with no fault at all, to check the harness itself. */
  control: boolean;
  texts: readonly ParseRequest[];
  log?: (line: string) => void;
}

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

export interface RecoveryFigures {
  requests: number;
  okShare: number | null;
  /** From clearing until /health first showed the primary healthy. */
  healthyAfterMs: number | null;
  /** From clearing until a request was first answered by the primary. */
  primaryAnswerAfterMs: number | null;
  /** Both of the above: the later of the two; null if not seen before the timeout. */
  recoveredAfterMs: number | null;
  timeoutMs: number;
  /** False when /health has no router section, so the primary's state cannot be read (gave up early). */
  observable: boolean;
}

export interface CitaFigures extends SideFigures {
  llmShare: number | null;
  rulesShare: number | null;
  degradedShare: number | null;
  /** meta.provider (or "rules") of the answers. */
  answeredBy: Record<string, number>;
  /** Simulator attempts by provider while under fault. */
  attemptsByProvider: Record<string, number>;
  /** /health carried a router section. */
  routerInHealth: boolean;
  /** What /health said just before onset (primary state, or router state for every-provider-down). */
  stateAtOnset: string | null;
  timeToDetectMs: number | null;
  recovery: RecoveryFigures | null;
}

export interface NaiveFigures extends SideFigures {
  /** Valid but empty answers (the low-quality fault), counted as successes. */
  emptyShare: number | null;
}

export interface ScenarioReport {
  id: string;
  label: string;
  title: string;
  fault: string;
  scale: number;
  control: boolean;
  loadMs: number;
  timings: Timings;
  /** Wall time of the whole scenario. */
  durationMs: number;
  cita: CitaFigures;
  naive: NaiveFigures;
  /** Every Cita request (under fault and in recovery) answered 200 with a schema-valid body. */
  passed: boolean;
}

const HEALTH_POLL_MS = 50;
/** An attempt that reached the primary this soon after a 429 was already on its way: not counted. */
const PAUSE_GRACE_MS = 25;

/** Everything a scenario runs against: Cita's simulator and forwarder, the naive client's own, and Cita. */
interface Rig {
  cita: { url: string };
  context: ScenarioContext;
  naiveContext: ScenarioContext;
  naive: ReturnType<typeof naiveClient>;
  close(): Promise<void>;
}

/** The URL of a simulator's primary as seen through a forwarder. */
const throughForwarder = (context: ScenarioContext) =>
  context.sim.baseUrls.qwen.replace(context.sim.url, context.forwarder.url);

async function startContext(seed: number, closers: (() => Promise<void>)[]): Promise<ScenarioContext> {
  const sim = await startSimulator({ seed });
  closers.push(() => sim.close());
  const forwarder = await startForwarder(sim.url);
  closers.push(() => forwarder.close());
  return { sim, forwarder };
}

/** Starts the rig; whatever started is closed again if a later step fails. */
async function startRig(seed: number, timings: Timings, naiveTimeoutMs: number | null): Promise<Rig> {
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const context = await startContext(seed, closers);
    const naiveContext = await startContext(seed + 1000, closers);
    const { sim } = context;
    const cita = await startCita(
      citaEnvironment(
        { qwen: throughForwarder(context), anthropic: sim.baseUrls.anthropic, openai: sim.baseUrls.openai },
        timings,
      ),
    );
    closers.push(() => cita.close());
    const naive = naiveClient(throughForwarder(naiveContext), naiveTimeoutMs);
    return { cita, context, naiveContext, naive, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs one scenario and reports it; everything it started is closed before it resolves. */
export async function runScenario(
  scenario: Scenario,
  index: number,
  options: RunOptions,
): Promise<ScenarioReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const timings = scaledTimings(options.scale);
  const rig = await startRig(options.seed + index, timings, options.naiveTimeoutMs);
  const { context, naiveContext, naive } = rig;
  const citaTimeoutMs = 3 * timings.LLM_DEADLINE_MS + 1000;
  const offset = index * 17;
  const ask = (phase: string, i: number) =>
    postParse(rig.cita.url, pick(options.texts, offset, i), `cita-${phase}-${i}`, citaTimeoutMs);
  const poller = startHealthPoller(rig.cita.url, HEALTH_POLL_MS);
  try {
    log(`[${scenario.label}] ${scenario.title}: warm-up`);
    for (let i = 0; i < options.warmup; i++) await ask("warmup", i);
    await sleep(3 * HEALTH_POLL_MS);

    const onsetAt = Date.now();
    if (!options.control) {
      await scenario.start(context);
      await scenario.start(naiveContext);
    }
    log(`[${scenario.label}] fault on: ${options.control ? "none (control run)" : scenario.fault}`);
    const plan: LoadPlan = {
      count: options.requests,
      durationMs: scenario.loadMs,
      concurrency: options.concurrency,
    };
    // The naive side is open loop: each request starts on schedule however slow the others are.
    const naiveDone = runLoad({ ...plan, concurrency: plan.count }, (i) =>
      naive.ask(pick(options.texts, offset, i).text, `naive-load-${i}`),
    );
    const citaOutcomes = await runLoad(plan, (i) => ask("load", i));
    await sleep(onsetAt + scenario.loadMs - Date.now());
    const attemptsUnderFault = context.sim.attempts();

    // The fault ends on Cita's timeline (the scheduled duration, or its last answer if later), never on
    // the naive client's: Cita must not sit idle while the naive client finishes its retries.
    let recovery: { figures: RecoveryFigures; outcomes: CitaOutcome[] } | null = null;
    if (scenario.clear !== null) {
      const clearedAt = Date.now();
      if (!options.control) await scenario.clear(context);
      log(`[${scenario.label}] fault cleared: measuring recovery`);
      recovery = await measureRecovery(poller.samples, clearedAt, recoveryTimeoutMs(timings), (i) =>
        ask("recovery", i),
      );
    }
    const naiveOutcomes = await naiveDone;
    await poller.stop();

    const cita = citaSide(
      scenario,
      citaOutcomes,
      attemptsUnderFault,
      context.sim.attempts(),
      poller.samples(),
      onsetAt,
    );
    cita.recovery = recovery?.figures ?? null;
    const everyCita = [...citaOutcomes, ...(recovery?.outcomes ?? [])];
    return {
      id: scenario.id,
      label: scenario.label,
      title: scenario.title,
      fault: options.control ? "none (control run)" : scenario.fault,
      scale: options.scale,
      control: options.control,
      loadMs: scenario.loadMs,
      timings,
      durationMs: Date.now() - started,
      cita,
      naive: naiveSide(scenario, naiveOutcomes, naive.attempts(), naiveContext.sim.attempts()),
      passed: everyCita.length > 0 && everyCita.every((outcome) => outcome.valid),
    };
  } finally {
    await poller.stop();
    await rig.close();
  }
}

/** Long enough for a breaker cooldown, a full health window and a couple of deadlines. */
export function recoveryTimeoutMs(timings: Timings): number {
  return timings.LLM_BREAKER_COOLDOWN_MS + timings.LLM_HEALTH_WINDOW_MS + 2 * timings.LLM_DEADLINE_MS;
}

const primaryHealthy = (view: HealthView) => view.providers.qwen === "healthy";

/**
 * Sends one request at a time (a short gap between them, so the router keeps getting traffic) until
 * /health shows the primary healthy and a request has been answered by it, or the timeout passes.
 */
async function measureRecovery(
  samples: () => readonly HealthSample[],
  clearedAt: number,
  timeoutMs: number,
  send: (index: number) => Promise<CitaOutcome>,
): Promise<{ figures: RecoveryFigures; outcomes: CitaOutcome[] }> {
  const gapMs = Math.max(5, Math.round(timeoutMs / 400));
  const outcomes: CitaOutcome[] = [];
  let primaryAnswerAt: number | null = null;
  let healthyAt: number | null = null;
  let observable = true;
  while (Date.now() - clearedAt < timeoutMs) {
    healthyAt = firstSampleAt(samples(), clearedAt, primaryHealthy)?.at ?? null;
    if (healthyAt !== null && primaryAnswerAt !== null) break;
    observable = !withoutRouter(samples(), clearedAt);
    if (!observable) break;
    const outcome = await send(outcomes.length);
    outcomes.push(outcome);
    if (primaryAnswerAt === null && outcome.provider === "qwen") {
      primaryAnswerAt = outcome.sentAt + outcome.latencyMs;
    }
    await sleep(gapMs);
  }
  healthyAt ??= firstSampleAt(samples(), clearedAt, primaryHealthy)?.at ?? null;
  const after = (at: number | null) => (at === null ? null : Math.max(0, Math.round(at - clearedAt)));
  return {
    outcomes,
    figures: {
      requests: outcomes.length,
      okShare: share(outcomes, (outcome) => outcome.valid),
      healthyAfterMs: after(healthyAt),
      primaryAnswerAfterMs: after(primaryAnswerAt),
      recoveredAfterMs:
        healthyAt !== null && primaryAnswerAt !== null ? after(Math.max(healthyAt, primaryAnswerAt)) : null,
      timeoutMs,
      observable,
    },
  };
}

/** Enough readings since `from` to say /health has no router section to read. */
function withoutRouter(samples: readonly HealthSample[], from: number): boolean {
  const recent = samples.filter((sample) => sample.at >= from && sample.view !== null);
  return recent.length >= 5 && recent.every((sample) => sample.view?.routerState === null);
}

function latencyFigures(latencies: readonly number[]) {
  return {
    p50Ms: roundMs(percentile(latencies, 50)),
    p95Ms: roundMs(percentile(latencies, 95)),
    maxMs: roundMs(percentile(latencies, 100)),
  };
}

/** The attempts a side sent under fault, by request-id prefix. */
function attemptsOf(attempts: readonly Attempt[], prefix: string): Attempt[] {
  return attempts.filter((attempt) => attempt.requestId?.startsWith(prefix) === true);
}

function citaSide(
  scenario: Scenario,
  outcomes: readonly CitaOutcome[],
  underFault: readonly Attempt[],
  all: readonly Attempt[],
  samples: readonly HealthSample[],
  onsetAt: number,
): CitaFigures {
  const load = attemptsOf(underFault, "cita-load-");
  const failing = load.filter((attempt) => scenario.failing.includes(attempt.provider as never));
  const valid = outcomes.filter((outcome) => outcome.valid);
  const stateOf = (view: HealthView) =>
    scenario.detectBy === "router" ? view.routerState : (view.providers.qwen ?? null);
  const detected = firstSampleAt(samples, onsetAt, (view) => {
    const state = stateOf(view);
    return state !== null && state !== "healthy";
  });
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
    routerInHealth: samples.some((sample) => sample.view?.routerState != null),
    stateAtOnset: before?.view ? stateOf(before.view) : null,
    timeToDetectMs: detected === null ? null : Math.max(0, detected.at - onsetAt),
    recovery: null,
  };
}

function naiveSide(
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

/** The run's scale and two of its scaled timings, for the CLI's header. */
export const describeScale = (scale: number) =>
  `scale ${scale} (deadline ${scaled(8000, scale)} ms, breaker cooldown ${scaled(30_000, scale)} ms)`;
