// What users and providers saw over the last `windowMs`: a ring of buckets, each a slice of the window,
// counting parse requests (for the severity's rates and the latency before an incident, per agent and per
// variant) and LLM calls (latency, timeouts, 429s, 5xx and connection errors, invalid answers). Recording
// is O(1) and the ring's size fixed: nothing in it is keyed by what a client sends.
import { AGENT_NAMES, type AgentName } from "../coordinator/agent-names.js";
import type { CallRecord } from "../router/router.js";
import { LatencySample, latencyOf } from "./latency-sample.js";
import { type RequestCounts, severityInputs } from "./severity.js";
import type { SeverityInputs } from "./types.js";

/** Slices of the window: the window moves in steps of windowMs / BUCKETS. */
const BUCKETS = 30;
/** Latencies sampled per slice (the count and mean always cover every one). */
const SAMPLES_PER_BUCKET = 64;

export const VARIANTS = ["baseline", "finetuned"] as const;
type RequestVariant = (typeof VARIANTS)[number];

/** One request's latencies: the whole request, and per agent (its meta.timingsMs). */
export interface RequestTimings {
  latencyMs: number;
  agentsMs?: Record<string, number>;
  variant?: RequestVariant;
}

interface CallCounts {
  calls: number;
  timeouts: number;
  rateLimited: number;
  /** 5xx and connection errors. */
  failures: number;
  answers: number;
  invalidAnswers: number;
}

export interface WindowSummary {
  inputs: SeverityInputs;
  latency: { count: number; meanMs: number | null; p95Ms: number | null };
  calls: CallCounts;
  /** Mean milliseconds per agent and per variant, where any request was seen. */
  agentsMeanMs: Partial<Record<AgentName, number>>;
  variantsMeanMs: Partial<Record<RequestVariant, number>>;
}

interface Bucket extends CallCounts {
  epoch: number;
  requests: number;
  llmWanted: number;
  llmFailed: number;
  serviceErrors: number;
  latency: LatencySample;
  llmLatency: LatencySample;
  /** Runs and summed milliseconds, by AGENT_NAMES' and VARIANTS' index. */
  agents: { runs: number; sum: number }[];
  variants: { runs: number; sum: number }[];
}

export class SignalWindow {
  readonly #buckets: Bucket[];
  readonly #bucketMs: number;

  constructor(windowMs: number) {
    this.#bucketMs = Math.max(1, windowMs / BUCKETS);
    this.#buckets = Array.from({ length: BUCKETS }, () => emptyBucket(Number.NEGATIVE_INFINITY));
  }

  recordRequest(counts: RequestCounts, timings: RequestTimings, now: number): void {
    const bucket = this.#bucket(now);
    bucket.requests++;
    if (counts.wantedLlm) bucket.llmWanted++;
    if (counts.llmFailed) bucket.llmFailed++;
    if (counts.serviceError) bucket.serviceErrors++;
    bucket.latency.record(timings.latencyMs);
    for (const [index, agent] of AGENT_NAMES.entries()) {
      const ms = timings.agentsMs?.[agent];
      if (typeof ms === "number" && Number.isFinite(ms)) add(bucket.agents[index]!, ms);
    }
    if (timings.variant !== undefined)
      add(bucket.variants[VARIANTS.indexOf(timings.variant)]!, timings.latencyMs);
  }

  recordCall(call: CallRecord, now: number): void {
    if (call.outcome === "cancelled") return;
    const bucket = this.#bucket(now);
    bucket.calls++;
    if (call.outcome === "timeout") bucket.timeouts++;
    if (call.outcome === "rate_limited") bucket.rateLimited++;
    if (call.outcome === "server" || call.outcome === "connection") bucket.failures++;
    bucket.answers += call.answers;
    bucket.invalidAnswers += call.invalidAnswers;
    // The latency runbook's selection: answers, timeouts and invalid answers say how slow a provider is.
    if (call.outcome === "ok" || call.outcome === "timeout" || call.outcome === "invalid_output") {
      bucket.llmLatency.record(call.durationMs);
    }
  }

  /**
   * The window at `now`; with `until`, only the slices that ended by then (what came before an incident);
   * with `from`, only the slices that began at or after it (what came since an incident began: a slice
   * that began before holds requests from before, which would dilute it).
   */
  summary(now: number, until?: number, from?: number): WindowSummary {
    const current = Math.floor(now / this.#bucketMs);
    const buckets = this.#buckets.filter(
      (bucket) =>
        bucket.epoch > current - BUCKETS &&
        bucket.epoch <= current &&
        (until === undefined || (bucket.epoch + 1) * this.#bucketMs <= until) &&
        (from === undefined || bucket.epoch * this.#bucketMs >= from),
    );
    const total = (pick: (bucket: Bucket) => number) =>
      buckets.reduce((sum, bucket) => sum + pick(bucket), 0);
    const means = <Name extends string>(
      names: readonly Name[],
      pick: (bucket: Bucket) => { runs: number; sum: number }[],
    ) => {
      const result: Partial<Record<Name, number>> = {};
      for (const [index, name] of names.entries()) {
        const runs = total((bucket) => pick(bucket)[index]!.runs);
        if (runs > 0) result[name] = total((bucket) => pick(bucket)[index]!.sum) / runs;
      }
      return result;
    };
    return {
      inputs: severityInputs({
        requests: total((bucket) => bucket.requests),
        llmWanted: total((bucket) => bucket.llmWanted),
        llmFailed: total((bucket) => bucket.llmFailed),
        serviceErrors: total((bucket) => bucket.serviceErrors),
        llmP95Ms: latencyOf(buckets.map((bucket) => bucket.llmLatency)).p95Ms,
      }),
      latency: latencyOf(buckets.map((bucket) => bucket.latency)),
      calls: {
        calls: total((bucket) => bucket.calls),
        timeouts: total((bucket) => bucket.timeouts),
        rateLimited: total((bucket) => bucket.rateLimited),
        failures: total((bucket) => bucket.failures),
        answers: total((bucket) => bucket.answers),
        invalidAnswers: total((bucket) => bucket.invalidAnswers),
      },
      agentsMeanMs: means(AGENT_NAMES, (bucket) => bucket.agents),
      variantsMeanMs: means(VARIANTS, (bucket) => bucket.variants),
    };
  }

  /** The slice `now` falls in, emptied first when it last held an older slice of time. */
  #bucket(now: number): Bucket {
    const epoch = Math.floor(now / this.#bucketMs);
    const index = ((epoch % BUCKETS) + BUCKETS) % BUCKETS;
    let bucket = this.#buckets[index]!;
    if (bucket.epoch !== epoch) {
      bucket = emptyBucket(epoch);
      this.#buckets[index] = bucket;
    }
    return bucket;
  }
}

function add(total: { runs: number; sum: number }, ms: number): void {
  total.runs++;
  total.sum += ms;
}

function emptyBucket(epoch: number): Bucket {
  return {
    epoch,
    requests: 0,
    llmWanted: 0,
    llmFailed: 0,
    serviceErrors: 0,
    latency: new LatencySample(SAMPLES_PER_BUCKET),
    llmLatency: new LatencySample(SAMPLES_PER_BUCKET),
    calls: 0,
    timeouts: 0,
    rateLimited: 0,
    failures: 0,
    answers: 0,
    invalidAnswers: 0,
    agents: AGENT_NAMES.map(() => ({ runs: 0, sum: 0 })),
    variants: VARIANTS.map(() => ({ runs: 0, sum: 0 })),
  };
}
