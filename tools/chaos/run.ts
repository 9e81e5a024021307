// Runs one chaos scenario end to end on a rig of its own (rig.ts: a fresh seeded simulator, a forwarder in
// front of the primary, a fresh Cita served over HTTP, or a fresh fleet of them on one Redis): a few
// healthy warm-up requests, fault onset, N requests to Cita and the same N to the naive client on one
// schedule, then (where the scenario clears its fault) a trickle of requests until the primary is healthy
// again and serving (recovery.ts), and, when asked, until every incident Cita opened is resolved
// (incidents.ts). /health is polled throughout; figures.ts turns what happened into the report, which
// lists the incidents Cita recorded (GET /admin/incidents).
// The naive client has its own simulator and forwarder with the same fault, left on until its last request
// ends: its SDK's retry backoff does not scale, and would otherwise outlast a scaled-down outage and turn
// into successes that a real, full-length outage would not give it. Requests are told apart at the
// simulators by their X-Request-Id (cita-<phase>-<i>, naive-load-<i>). A fleet's requests go to its
// instances in turn (request i to instance i mod N), as a round-robin load balancer would send them.
import type { Environment } from "../../src/config.js";
import type { ParseRequest } from "../../src/http/schemas/parse.js";
import type { Incident } from "../../src/incidents/types.js";
import {
  type CitaOutcome,
  NODE_INCIDENT_TICK_MS,
  postParse,
  scaled,
  scaledTimings,
  type Timings,
} from "./cita.js";
import { type CitaFigures, citaSide, type NaiveFigures, naiveSide } from "./figures.js";
import { startHealthPoller } from "./health.js";
import { awaitResolution, type IncidentFigures, incidentFigures, readEveryIncident } from "./incidents.js";
import { type LoadPlan, runLoad } from "./load.js";
import { measureRecovery, type RecoveryFigures, recoveryTimeoutMs } from "./recovery.js";
import { startRig } from "./rig.js";
import type { Scenario } from "./scenarios.js";
import { sleep } from "./stats.js";
import { pick } from "./texts.js";
import { buildTimeline, type ScenarioTimeline } from "./timeline.js";

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
  /** Cita instances: 1 (the default) is one in-process app; more are Node processes sharing a Redis. */
  instances?: number;
  /** A control for a fleet: its instances share nothing (no Redis), each alone as without REDIS_URL. */
  unshared?: boolean;
  texts: readonly ParseRequest[];
  log?: (line: string) => void;
  /**
   * Once a cleared fault has recovered, wait (up to incidentTimeoutMs) until every incident Cita opened is
   * resolved, so the report says how each ended. Off by default: the report then lists them as they stand.
   */
  awaitIncidents?: boolean;
  /** Variables for every scenario's Cita (INCIDENT_WEBHOOK_URL, say); a scenario's own win. */
  environment?: Environment;
  /** Told Cita's URLs once it runs; what it returns is stopped before Cita is (tests watch /metrics). */
  watch?: (urls: readonly string[]) => { stop(): Promise<void> };
}

export interface ScenarioReport {
  id: string;
  label: string;
  title: string;
  fault: string;
  scale: number;
  control: boolean;
  instances: number;
  /** The instances shared a Redis (false for one instance, and for an --unshared fleet). */
  redis: boolean;
  loadMs: number;
  timings: Timings;
  /** Wall time of the whole scenario. */
  durationMs: number;
  cita: CitaFigures;
  naive: NaiveFigures;
  /** Every Cita request (under fault and in recovery) answered 200 with a schema-valid body. */
  passed: boolean;
  /** What happened over time, for the HTML report (timeline.ts); the CLI leaves it out of the JSON. */
  timeline: ScenarioTimeline;
  /** The incidents Cita recorded during the scenario, oldest first. */
  incidents: IncidentFigures[];
  /** The same records whole, as GET /admin/incidents gave them; the CLI leaves them out of the JSON. */
  records: Incident[];
}

const HEALTH_POLL_MS = 50;

/** Long enough for an incident to open, its recovery check to run after the delay, and three retries. */
export function incidentTimeoutMs(timings: Timings): number {
  return (
    timings.INCIDENT_OPEN_AFTER_MS +
    timings.INCIDENT_RECOVERY_DELAY_MS +
    3 * timings.INCIDENT_RECOVERY_RETRY_MS +
    2 * timings.LLM_DEADLINE_MS
  );
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
  const instances = options.instances ?? 1;
  const redis = instances > 1 && options.unshared !== true;
  const rig = await startRig({
    seed: options.seed + index,
    timings,
    naiveTimeoutMs: options.naiveTimeoutMs,
    instances,
    shared: redis,
    environment: { ...options.environment, ...scenario.environment },
    tickMs: scaled(NODE_INCIDENT_TICK_MS, options.scale),
  });
  const { context, naiveContext, naive } = rig;
  const { urls } = rig.cita;
  const watcher = options.watch?.(urls);
  const citaTimeoutMs = 3 * timings.LLM_DEADLINE_MS + 1000;
  const offset = index * 17;
  const ask = (phase: string, i: number) =>
    postParse(urls[i % urls.length]!, pick(options.texts, offset, i), `cita-${phase}-${i}`, citaTimeoutMs);
  const poller = startHealthPoller(urls, HEALTH_POLL_MS);
  try {
    log(`[${scenario.label}] ${scenario.title}: warm-up`);
    const warmup: CitaOutcome[] = [];
    for (let i = 0; i < options.warmup; i++) warmup.push(await ask("warmup", i));
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
      naive.ask(pick(options.texts, offset, i).text ?? "", `naive-load-${i}`),
    );
    const citaOutcomes = await runLoad(plan, (i) => ask("load", i));
    await sleep(onsetAt + scenario.loadMs - Date.now());
    const attemptsUnderFault = context.sim.attempts();

    // The fault ends on Cita's timeline (the scheduled duration, or its last answer if later), never on
    // the naive client's: Cita must not sit idle while the naive client finishes its retries.
    let recovery: { figures: RecoveryFigures; outcomes: CitaOutcome[] } | null = null;
    let clearedAt: number | null = null;
    if (scenario.clear !== null) {
      clearedAt = Date.now();
      if (!options.control) await scenario.clear(context);
      log(`[${scenario.label}] fault cleared: measuring recovery`);
      recovery = await measureRecovery(poller.samples, clearedAt, recoveryTimeoutMs(timings), (i) =>
        ask("recovery", i),
      );
    }
    const naiveOutcomes = await naiveDone;
    const incidents =
      recovery !== null && options.awaitIncidents === true
        ? await awaitResolution(urls, incidentTimeoutMs(timings))
        : await readEveryIncident(urls);
    await poller.stop();
    // Oldest first, as they happened.
    incidents.sort((a, b) => Date.parse(a.incident.openedAt) - Date.parse(b.incident.openedAt));

    const cita = citaSide(
      scenario,
      citaOutcomes,
      attemptsUnderFault,
      context.sim.attempts(),
      poller.samples(),
      onsetAt,
      instances,
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
      instances,
      redis,
      loadMs: scenario.loadMs,
      timings,
      durationMs: Date.now() - started,
      cita,
      naive: naiveSide(scenario, naiveOutcomes, naive.attempts(), naiveContext.sim.attempts()),
      passed: everyCita.length > 0 && everyCita.every((outcome) => outcome.valid),
      timeline: buildTimeline({
        outcomes: [...warmup, ...everyCita],
        attempts: context.sim.attempts(),
        samples: poller.samples(),
        onsetAt,
        clearedAt,
        endAt: Date.now(),
        instances,
      }),
      incidents: incidents.map(({ instance, incident }) => incidentFigures(instance, incident, onsetAt)),
      records: incidents.map(({ incident }) => incident),
    };
  } finally {
    await poller.stop();
    await watcher?.stop();
    await rig.close();
  }
}

/** The run's scale and two of its scaled timings, for the CLI's header. */
export const describeScale = (scale: number) =>
  `scale ${scale} (deadline ${scaled(8000, scale)} ms, breaker cooldown ${scaled(30_000, scale)} ms)`;
