// Health of one provider and model: a rolling window of what its calls did (latency, timeouts, 429s, 5xx,
// connection errors, invalid JSON) and the confidence of the answers it gave, judged against the runbooks'
// thresholds. Time comes from the caller, so tests drive the window with an injected clock. Quality (invalid
// JSON, low confidence) is the one verdict a client can provoke with its own texts, so it counts only answers
// to texts the injection check does not flag, and degrades only when the failures come from several clients
// (docs/security/health-and-limits.md).
import { dropBefore, mean, percentile } from "../stats.js";
import type { HealthThresholds } from "./settings.js";

/** What one call to a provider ended in. */
export type CallOutcome =
  | "ok"
  | "timeout"
  | "rate_limited"
  | "server"
  | "connection"
  | "invalid_output"
  /** A deterministic refusal (context length, content policy, bad request, auth): says nothing of health. */
  | "rejected"
  /** Cut short by Cita (a hedge that lost, the client gone): no verdict either. */
  | "cancelled";

export type HealthState = "healthy" | "degraded" | "down";

export interface CallSample {
  at: number;
  outcome: CallOutcome;
  /** Time to the answer, or to the timeout; null when the call failed fast and says nothing of speed. */
  latencyMs: number | null;
  /** Answers received and, of them, those that failed the schema (a re-ask makes two). */
  answers: number;
  invalidAnswers: number;
  /** Who sent the text (the client address today, a key later); null: unknown (see distinctClients). */
  client?: string | null;
  /** The text was flagged by the injection check: its answers say nothing of the provider's quality. */
  suspect?: boolean;
}

/** Where an answer's text came from, as the health window weighs it. */
export interface AnswerOrigin {
  client: string | null;
  suspect: boolean;
}

export interface HealthStats {
  samples: number;
  p50Ms: number | null;
  p95Ms: number | null;
  timeoutRate: number;
  rateLimitRate: number;
  serverErrorRate: number;
  connectionErrorRate: number;
  invalidJsonRate: number;
  meanConfidence: number | null;
  confidenceSamples: number;
}

export interface HealthAssessment {
  state: HealthState;
  /** Why, in the runbooks' words: "p95 6.2 s > 5 s", "429s 3/10 > 1%"... Empty when healthy. */
  reasons: string[];
}

const MAX_SAMPLES = 2000;

export class HealthWindow {
  #calls: CallSample[] = [];
  #confidences: { at: number; value: number; client: string | null }[] = [];
  /** The last stats and assessment, reused while nothing changed: the router reads them on every call. */
  #memo: {
    version: number;
    at: number;
    /** When the oldest sample leaves the window, and the stats change. */
    expires: number;
    stats: HealthStats;
    assessment?: HealthAssessment;
  } | null = null;
  #version = 0;

  constructor(
    private readonly thresholds: HealthThresholds,
    /** Told every call it records: the fleet's windows count it too (src/shared/). */
    private readonly onRecord: (sample: CallSample) => void = () => {},
  ) {}

  record(sample: CallSample): void {
    if (sample.outcome === "cancelled") return;
    this.adopt(sample);
    this.onRecord(sample);
  }

  /** A call another instance of the fleet made: counted here as well, not told again. */
  adopt(sample: CallSample): void {
    if (sample.outcome === "cancelled") return;
    this.#version++;
    // A flagged text's answers leave the quality figures: the call still counts for speed and errors.
    const counted = sample.suspect === true ? { ...sample, answers: 0, invalidAnswers: 0 } : sample;
    this.#calls.push({ ...counted, client: clientKey(sample.client) });
    // Kept in time order (the window drops from the front): another instance's call may end before ours.
    for (let index = this.#calls.length - 1; index > 0 && this.#calls[index - 1]!.at > sample.at; index--) {
      [this.#calls[index - 1], this.#calls[index]] = [this.#calls[index]!, this.#calls[index - 1]!];
    }
    if (this.#calls.length > MAX_SAMPLES) this.#calls.shift();
  }

  /**
   * The confidence Cita computed for an answer this provider gave (low-quality answers read low). An
   * answer to a flagged text is not recorded: the model may have obeyed it, which is the text's doing.
   */
  recordConfidence(value: number, at: number, origin?: AnswerOrigin): void {
    if (origin?.suspect === true) return;
    this.#version++;
    this.#confidences.push({ at, value, client: clientKey(origin?.client) });
    if (this.#confidences.length > MAX_SAMPLES) this.#confidences.shift();
  }

  /** Forgets everything: an operator's reset, or a breaker that closed after a good probe. */
  clear(): void {
    this.#version++;
    this.#calls = [];
    this.#confidences = [];
  }

  stats(now: number): HealthStats {
    const memo = this.#memo;
    if (memo !== null && memo.version === this.#version && now >= memo.at && now < memo.expires) {
      return memo.stats;
    }
    const stats = this.#compute(now);
    const oldest = Math.min(this.#calls[0]?.at ?? Infinity, this.#confidences[0]?.at ?? Infinity);
    this.#memo = { version: this.#version, at: now, expires: oldest + this.thresholds.windowMs, stats };
    return stats;
  }

  #compute(now: number): HealthStats {
    const since = now - this.thresholds.windowMs;
    this.#calls = dropBefore(this.#calls, since);
    this.#confidences = dropBefore(this.#confidences, since);
    const calls = this.#calls.filter((call) => call.outcome !== "rejected");
    const share = (outcome: CallOutcome) =>
      calls.length === 0 ? 0 : calls.filter((call) => call.outcome === outcome).length / calls.length;
    const latencies = calls
      .map((call) => call.latencyMs)
      .filter((value): value is number => value !== null)
      .sort((a, b) => a - b);
    const answers = calls.reduce((sum, call) => sum + call.answers, 0);
    const invalid = calls.reduce((sum, call) => sum + call.invalidAnswers, 0);
    const confidences = this.#confidences.map((entry) => entry.value);
    return {
      samples: calls.length,
      p50Ms: latencies.length === 0 ? null : percentile(latencies, 0.5),
      p95Ms: latencies.length === 0 ? null : percentile(latencies, 0.95),
      timeoutRate: share("timeout"),
      rateLimitRate: share("rate_limited"),
      serverErrorRate: share("server"),
      connectionErrorRate: share("connection"),
      invalidJsonRate: answers === 0 ? 0 : invalid / answers,
      meanConfidence: confidences.length === 0 ? null : mean(confidences),
      confidenceSamples: confidences.length,
    };
  }

  /** The provider's state from its window: each threshold crossed adds a reason. */
  assess(now: number): HealthAssessment {
    const stats = this.stats(now);
    const memo = this.#memo;
    if (memo?.assessment !== undefined && memo.stats === stats) return memo.assessment;
    const assessment = this.#judge(stats);
    if (memo !== null && memo.stats === stats) memo.assessment = assessment;
    return assessment;
  }

  #judge(stats: HealthStats): HealthAssessment {
    const limits = this.thresholds;
    const down: string[] = [];
    const degraded: string[] = [];
    const enough = stats.samples >= limits.minSamples;
    // Distinct clients behind the failing answers (the window's samples were trimmed by stats()).
    const invalidJsonClients = distinctClients(this.#calls.filter((call) => call.invalidAnswers > 0));
    const lowConfidenceClients = distinctClients(
      this.#confidences.filter((entry) => entry.value < limits.minConfidence),
    );
    const latencySamples = this.#calls.filter((call) => call.latencyMs !== null).length;
    if (stats.p95Ms !== null && latencySamples >= limits.minSamples) {
      if (stats.p95Ms > limits.p95DownMs)
        down.push(`p95 ${seconds(stats.p95Ms)} > ${seconds(limits.p95DownMs)}`);
      else if (stats.p95Ms > limits.p95DegradedMs)
        degraded.push(`p95 ${seconds(stats.p95Ms)} > ${seconds(limits.p95DegradedMs)}`);
    }
    if (enough) {
      const failures = stats.serverErrorRate + stats.connectionErrorRate;
      if (failures > limits.serverErrorRate)
        down.push(`5xx and connection errors ${percent(failures)} > ${percent(limits.serverErrorRate)}`);
      if (stats.timeoutRate > limits.timeoutRate)
        degraded.push(`timeouts ${percent(stats.timeoutRate)} > ${percent(limits.timeoutRate)}`);
      if (stats.rateLimitRate > limits.rateLimitRate)
        degraded.push(`429s ${percent(stats.rateLimitRate)} > ${percent(limits.rateLimitRate)}`);
      if (stats.invalidJsonRate > limits.invalidJsonRate && invalidJsonClients >= limits.qualityMinClients)
        degraded.push(`invalid JSON ${percent(stats.invalidJsonRate)} > ${percent(limits.invalidJsonRate)}`);
    }
    if (
      stats.meanConfidence !== null &&
      stats.confidenceSamples >= limits.minSamples &&
      stats.meanConfidence < limits.minConfidence &&
      lowConfidenceClients >= limits.qualityMinClients
    ) {
      degraded.push(`mean confidence ${stats.meanConfidence.toFixed(2)} < ${limits.minConfidence}`);
    }
    if (down.length > 0) return { state: "down", reasons: [...down, ...degraded] };
    if (degraded.length > 0) return { state: "degraded", reasons: degraded };
    return { state: "healthy", reasons: [] };
  }
}

/** Bounded: an address or key id longer than this is cut, so no client input grows a sample. */
const MAX_CLIENT_LENGTH = 64;

function clientKey(client: string | null | undefined): string | null {
  return client === null || client === undefined ? null : client.slice(0, MAX_CLIENT_LENGTH);
}

/**
 * How many clients the entries come from (at most the window's samples, so bounded). An entry of an unknown
 * client (a caller that does not tell clients apart, such as the router used directly) lifts the count:
 * the failures are judged as before clients were told apart.
 */
function distinctClients(entries: readonly { client?: string | null }[]): number {
  const clients = new Set<string>();
  for (const entry of entries) {
    if (entry.client === null || entry.client === undefined) return Number.POSITIVE_INFINITY;
    clients.add(entry.client);
  }
  return clients.size;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}
