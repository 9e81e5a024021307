// The runbook's incidents as chaos scenarios: what goes wrong, on which provider, for how long. Every
// duration is given at scale 1 (real time) and multiplied by the run's scale; Retry-After is whole
// seconds, so it never goes under 1 s and the storm that announces it lasts long enough to see it.
// Each scenario opens an incident (src/incidents) the report lists: faults last long enough at every scale
// for the incident to open (INCIDENT_OPEN_AFTER_MS after the router leaves healthy), since its settings
// scale with the rest (cita.ts).
import type { Environment } from "../../src/config.js";
import type { ProviderName } from "../../src/providers/types.js";
import type { Simulator } from "../simulator/server.js";
import { scaled } from "./cita.js";
import type { Forwarder } from "./forwarder.js";

/** What a scenario acts on. */
export interface ScenarioContext {
  sim: Simulator;
  /** In front of the primary (qwen): the only way to refuse its connections for real. */
  forwarder: Forwarder;
}

/** One incident. */
export interface Scenario {
  /** Stable name, used by --only and in the JSON report. */
  id: string;
  /** The numbering: "1", "3a"... */
  label: string;
  title: string;
  /** The fault, in words, for the table. */
  fault: string;
  /** The providers whose attempts are counted as "on the failing provider". */
  failing: readonly ProviderName[];
  /** Detected when the primary is no longer healthy, or (every provider down) when the router is not. */
  detectBy: "primary" | "router";
  /** How long the requests under fault are spread over (scaled). */
  loadMs: number;
  /** The pause a 429 announces (Retry-After, or the router's own for a bare 429), checked afterwards. */
  pauseWindowMs: number | null;
  /** False when attempts never reach the simulator (refused connects), so they cannot be counted. */
  attemptsVisible: boolean;
  /** Fault onset. */
  start(context: ScenarioContext): Promise<void>;
  /** Clears the fault, after which recovery is measured; null when the fault lasts the whole scenario. */
  clear: ((context: ScenarioContext) => Promise<void>) | null;
  /** Cita's own variables for this scenario (MODEL_REGISTRY, say), over the run's. */
  environment?: Environment;
}

const PRIMARY = "qwen";

/** The fine-tuned Parsing model of scenario 7, rolled out to half of the requests. */
export const FINETUNED = { provider: PRIMARY, model: "qwen-ft-parsing" } as const;
/** Calls each variant needs before the registry judges a rollback (MODEL_ROLLBACK_MIN_SAMPLES). */
export const ROLLBACK_MIN_SAMPLES = 4;
/** Scenario 3c's quota: refilled evenly over six minutes, so it is over 50 requests three minutes after. */
export const QUOTA_LIMIT = 100;
const QUOTA_WINDOW_MS = 6 * 60_000;

const setPrimary =
  (faults: Parameters<Simulator["setFaults"]>[2]) =>
  async ({ sim }: ScenarioContext) =>
    sim.setFaults(PRIMARY, undefined, faults);

const clearAll = async ({ sim, forwarder }: ScenarioContext) => {
  sim.clearFaults();
  await forwarder.restore();
};

/**
 * The scenarios at a scale. `rateLimitPauseMs` is the router's pause after a 429 without
 * Retry-After (already scaled), checked as that scenario's window.
 */
export function buildScenarios(scale: number, rateLimitPauseMs: number): Scenario[] {
  const ms = (value: number) => scaled(value, scale);
  const standard = ms(30_000);
  const retryAfterSeconds = Math.max(1, Math.round(10 * scale));
  return [
    {
      id: "latency",
      label: "1",
      title: "Primary latency p95 15 s",
      fault: `qwen latency p50 ${ms(3000)} ms, p95 ${ms(15_000)} ms for ${ms(60_000)} ms`,
      failing: [PRIMARY],
      detectBy: "primary",
      // Long enough for the incident to open (P4, slow but working); cleared, so it resolves after the
      // recovery check.
      loadMs: ms(60_000),
      pauseWindowMs: null,
      attemptsVisible: true,
      start: setPrimary([{ kind: "latency", p50Ms: ms(3000), p95Ms: ms(15_000), maxMs: ms(60_000) }]),
      clear: clearAll,
    },
    {
      id: "bad-json",
      label: "2",
      title: "30% invalid JSON",
      fault: `qwen: 30% invalid JSON (beyond repair) for ${ms(60_000)} ms`,
      failing: [PRIMARY],
      detectBy: "primary",
      // Long enough for the incident to open; cleared, so it resolves after the recovery check.
      loadMs: ms(60_000),
      pauseWindowMs: null,
      attemptsVisible: true,
      start: setPrimary([{ kind: "invalidJson", rate: 0.3, variant: "broken" }]),
      clear: clearAll,
    },
    {
      id: "429-retry-after",
      label: "3a",
      title: "429 storm with Retry-After",
      fault: `qwen: every answer 429, Retry-After ${retryAfterSeconds} s`,
      failing: [PRIMARY],
      detectBy: "primary",
      loadMs: Math.max(standard, 3 * retryAfterSeconds * 1000),
      pauseWindowMs: retryAfterSeconds * 1000,
      attemptsVisible: true,
      start: setPrimary([{ kind: "rateLimit", retryAfterSeconds }]),
      clear: clearAll,
    },
    {
      id: "429-no-retry-after",
      label: "3b",
      title: "429 storm without Retry-After",
      fault: "qwen: every answer 429, no Retry-After",
      failing: [PRIMARY],
      detectBy: "primary",
      loadMs: standard,
      pauseWindowMs: rateLimitPauseMs,
      attemptsVisible: true,
      start: setPrimary([{ kind: "rateLimit" }]),
      clear: clearAll,
    },
    {
      id: "refused",
      label: "4a",
      title: "Outage: connection refused",
      fault: "qwen: listener closed (ECONNREFUSED)",
      failing: [PRIMARY],
      detectBy: "primary",
      loadMs: standard,
      pauseWindowMs: null,
      attemptsVisible: false,
      start: async ({ forwarder }) => forwarder.refuse(),
      clear: clearAll,
    },
    {
      id: "500s",
      label: "4b",
      title: "Outage: 500s",
      fault: "qwen: every answer 500",
      failing: [PRIMARY],
      detectBy: "primary",
      loadMs: standard,
      pauseWindowMs: null,
      attemptsVisible: true,
      start: setPrimary([{ kind: "serverError" }]),
      clear: clearAll,
    },
    {
      id: "all-down",
      label: "5",
      title: "Every provider down 60 s",
      fault: `qwen 503, anthropic 529, openai 500 on every answer for ${ms(60_000)} ms`,
      failing: ["qwen", "anthropic", "openai"],
      detectBy: "router",
      loadMs: ms(60_000),
      pauseWindowMs: null,
      attemptsVisible: true,
      start: async ({ sim }) => {
        sim.setFaults("qwen", undefined, [{ kind: "unavailable" }]);
        sim.setFaults("anthropic", undefined, [{ kind: "overloaded" }]);
        sim.setFaults("openai", undefined, [{ kind: "serverError" }]);
      },
      clear: clearAll,
    },
    {
      id: "outage-60s",
      label: "6",
      title: "Primary down 60 s, then healthy",
      fault: `qwen: every answer 503 for ${ms(60_000)} ms`,
      failing: [PRIMARY],
      detectBy: "primary",
      loadMs: ms(60_000),
      pauseWindowMs: null,
      attemptsVisible: true,
      start: setPrimary([{ kind: "unavailable" }]),
      clear: clearAll,
    },
    {
      id: "finetuned-rollback",
      label: "7",
      title: "Fine-tuned variant rolled back",
      fault: `${FINETUNED.model} (half of the requests): every answer invalid JSON`,
      failing: [PRIMARY],
      detectBy: "primary",
      loadMs: standard,
      pauseWindowMs: null,
      attemptsVisible: true,
      start: async ({ sim }) =>
        sim.setFaults(FINETUNED.provider, FINETUNED.model, [{ kind: "invalidJson", variant: "broken" }]),
      clear: clearAll,
      environment: {
        MODEL_REGISTRY: JSON.stringify({ parsing: { finetuned: FINETUNED, rolloutPercent: 50 } }),
        // A chaos run's few requests are the whole sample; each failed fine-tuned answer is read again by
        // the baseline, so the baseline always has more.
        MODEL_ROLLBACK_MIN_SAMPLES: String(ROLLBACK_MIN_SAMPLES),
      },
    },
    {
      id: "429-quota",
      label: "3c",
      title: "429 storm, quota back slowly",
      fault:
        `qwen: every answer 429, Retry-After ${retryAfterSeconds} s, for ${ms(60_000)} ms; its quota ` +
        `(${QUOTA_LIMIT} requests) refills over ${ms(QUOTA_WINDOW_MS)} ms`,
      failing: [PRIMARY],
      detectBy: "primary",
      loadMs: Math.max(ms(60_000), 3 * retryAfterSeconds * 1000),
      pauseWindowMs: retryAfterSeconds * 1000,
      attemptsVisible: true,
      // The storm spends the quota (each 429 says the window is spent); it is back over 50 requests only
      // well after the primary answers again, so the first recovery checks fail on it.
      start: async ({ sim }) => {
        sim.setQuota(PRIMARY, { limit: QUOTA_LIMIT, windowMs: ms(QUOTA_WINDOW_MS) });
        sim.setFaults(PRIMARY, undefined, [{ kind: "rateLimit", retryAfterSeconds }]);
      },
      clear: clearAll,
    },
  ];
}
