// Each variant's calls and answer confidences over a rolling window, per agent, and the figures the
// comparison shows: requests, latency percentiles, error and invalid-JSON rates, mean confidence, cost.
import type { CallRecord } from "../router/router.js";
import { dropBefore, mean, percentile } from "../stats.js";
import type { RegistryAgent, Variant } from "./agent-models.js";

interface CallSample {
  at: number;
  latencyMs: number;
  error: boolean;
  answers: number;
  invalid: number;
  costUsd: number;
}

/** One variant's samples within the window. */
export interface VariantWindow {
  calls: CallSample[];
  confidences: { at: number; value: number }[];
}

export interface VariantFigures {
  requests: number;
  p50Ms: number | null;
  p95Ms: number | null;
  errorRate: number;
  invalidJsonRate: number;
  meanConfidence: number | null;
  costUsd: number;
}

const MAX_SAMPLES = 5000;

export class VariantStatistics {
  readonly #windows = new Map<string, VariantWindow>();

  constructor(
    readonly windowMs: number,
    private readonly clock: () => number,
  ) {}

  recordCall(agent: RegistryAgent, variant: Variant, call: CallRecord): void {
    const window = this.window(agent, variant);
    window.calls.push({
      at: this.clock(),
      latencyMs: call.durationMs,
      error: call.outcome !== "ok",
      answers: call.answers,
      invalid: call.invalidAnswers,
      costUsd: call.costUsd,
    });
    if (window.calls.length > MAX_SAMPLES) window.calls.shift();
  }

  recordConfidence(agent: RegistryAgent, variant: Variant, value: number): void {
    const window = this.window(agent, variant);
    window.confidences.push({ at: this.clock(), value });
    if (window.confidences.length > MAX_SAMPLES) window.confidences.shift();
  }

  /** The variant's samples, older ones dropped. */
  window(agent: RegistryAgent, variant: Variant): VariantWindow {
    const key = `${agent}/${variant}`;
    let window = this.#windows.get(key);
    if (window === undefined) {
      window = { calls: [], confidences: [] };
      this.#windows.set(key, window);
    }
    const since = this.clock() - this.windowMs;
    window.calls = dropBefore(window.calls, since);
    window.confidences = dropBefore(window.confidences, since);
    return window;
  }

  figures(agent: RegistryAgent, variant: Variant): VariantFigures {
    const { calls, confidences } = this.window(agent, variant);
    const latencies = calls.map((call) => call.latencyMs).sort((a, b) => a - b);
    const answers = calls.reduce((sum, call) => sum + call.answers, 0);
    return {
      requests: calls.length,
      p50Ms: latencies.length === 0 ? null : round(percentile(latencies, 0.5)),
      p95Ms: latencies.length === 0 ? null : round(percentile(latencies, 0.95)),
      errorRate: calls.length === 0 ? 0 : calls.filter((call) => call.error).length / calls.length,
      invalidJsonRate: answers === 0 ? 0 : calls.reduce((sum, call) => sum + call.invalid, 0) / answers,
      meanConfidence: confidences.length === 0 ? null : mean(confidences.map((entry) => entry.value)),
      costUsd: Math.round(calls.reduce((sum, call) => sum + call.costUsd, 0) * 1e6) / 1e6,
    };
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
