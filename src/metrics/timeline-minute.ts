// One minute of the operations page's timeline (src/metrics/timeline.ts): what the service counted in it,
// per provider and model and for the whole service, read from the same series deltas the metrics Durable
// Object sums (src/metrics/deltas.ts). A metric the timeline does not chart, or a delta that does not fit
// its family's shape, is passed over.
import { LLM_SECONDS } from "./cita.js";
import type { SeriesDelta } from "./deltas.js";

/** A provider and model's counts in one minute. */
export interface TargetMinute {
  /** Calls that reached the provider and were not cancelled by Cita (status other than "aborted"). */
  calls: number;
  /** 5xx answers and connection failures. */
  errors: number;
  timeouts: number;
  rateLimited: number;
  answers: number;
  invalidAnswers: number;
  costUsd: number;
  /** Latency observations per LLM_SECONDS bucket (not cumulative), the last one above every bound. */
  latency: number[];
  confidenceSum: number;
  confidenceCount: number;
}

export interface Minute {
  /** Epoch milliseconds of the minute's first instant. */
  start: number;
  /** Parse requests answered (errors included). */
  parses: number;
  cacheHits: number;
  /** Cache lookups that found an answer or did not (hits and misses; a bypass is no lookup). */
  cacheLookups: number;
  confidenceSum: number;
  confidenceCount: number;
  targets: Map<string, TargetMinute>;
}

/** The latency the runbooks' percentiles read: answers, timeouts and invalid answers (not fast failures). */
const TIMED_OUTCOMES = new Set(["ok", "timeout", "invalid_output"]);

export function emptyMinute(start: number): Minute {
  return {
    start,
    parses: 0,
    cacheHits: 0,
    cacheLookups: 0,
    confidenceSum: 0,
    confidenceCount: 0,
    targets: new Map(),
  };
}

export function emptyTargetMinute(): TargetMinute {
  return {
    calls: 0,
    errors: 0,
    timeouts: 0,
    rateLimited: 0,
    answers: 0,
    invalidAnswers: 0,
    costUsd: 0,
    latency: Array(LLM_SECONDS.length + 1).fill(0),
    confidenceSum: 0,
    confidenceCount: 0,
  };
}

/** The provider and model a delta is about, for the per-target families; null for the service-wide ones. */
export function targetOf(delta: SeriesDelta): { provider: string; model: string } | null {
  if (!delta.name.startsWith("llm_") && delta.name !== "parsing_json_errors_total") return null;
  const [provider, model] = delta.labels;
  return provider === undefined || model === undefined ? null : { provider, model };
}

/** Adds a service-wide delta to the minute. */
export function addToMinute(minute: Minute, delta: SeriesDelta): void {
  if ("value" in delta) {
    if (delta.name === "parsing_requests_total") minute.parses += delta.value;
    if (delta.name === "cache_requests_total" && delta.labels[0] !== "bypass") {
      minute.cacheLookups += delta.value;
      if (delta.labels[0] === "hit") minute.cacheHits += delta.value;
    }
  } else if (delta.name === "parsing_confidence") {
    minute.confidenceSum += delta.sum;
    minute.confidenceCount += delta.count;
  }
}

/** Adds a provider and model's delta to its counts. */
export function addToTarget(target: TargetMinute, delta: SeriesDelta): void {
  if ("value" in delta) {
    const { value } = delta;
    if (delta.name === "llm_requests_total") {
      const status = delta.labels[2];
      if (status !== "aborted") target.calls += value;
      if (status === "5xx" || status === "connection") target.errors += value;
      if (status === "timeout") target.timeouts += value;
      if (status === "429") target.rateLimited += value;
    }
    if (delta.name === "llm_answers_total") target.answers += value;
    if (delta.name === "parsing_json_errors_total") target.invalidAnswers += value;
    if (delta.name === "llm_cost_usd_total") target.costUsd += value;
    return;
  }
  if (delta.name === "llm_answer_confidence") {
    target.confidenceSum += delta.sum;
    target.confidenceCount += delta.count;
  }
  const fits = delta.counts.length === LLM_SECONDS.length;
  if (delta.name === "llm_request_duration_seconds" && fits && TIMED_OUTCOMES.has(delta.labels[2] ?? "")) {
    // Cumulative bounds to one count per bucket; what is above the last bound goes to the overflow.
    delta.counts.forEach((count, index) => {
      target.latency[index]! += count - (delta.counts[index - 1] ?? 0);
    });
    target.latency[LLM_SECONDS.length]! += delta.count - (delta.counts.at(-1) ?? 0);
  }
}

/**
 * A quantile of bucketed latencies in milliseconds, as Prometheus' histogram_quantile reads it: linear within
 * the bucket it falls in, the highest bound when it falls above every bound; null without observations.
 */
export function latencyQuantile(latency: readonly number[], quantile: number): number | null {
  const total = latency.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = quantile * total;
  let below = 0;
  for (let index = 0; index < LLM_SECONDS.length; index++) {
    const count = latency[index]!;
    if (count > 0 && below + count >= rank) {
      const lower = LLM_SECONDS[index - 1] ?? 0;
      const upper = LLM_SECONDS[index]!;
      return Math.round((lower + ((upper - lower) * (rank - below)) / count) * 1000);
    }
    below += count;
  }
  return LLM_SECONDS.at(-1)! * 1000;
}
