// The last hour of the service, minute by minute, for the operations page's charts (GET /admin/series,
// src/http/routes/series-admin.ts): per provider and model the calls, latency percentiles, error, timeout,
// 429 and invalid-JSON rates, confidence and cost; for the service the parse requests, cache hit rate,
// confidence and cost. Fed with the metrics' own records (src/metrics/cita.ts), turned into the series deltas
// the metrics Durable Object receives from every isolate, so the object keeps the fleet's timeline from the
// very batches it sums (src/metrics/durable-object.ts). Bounded whatever comes in: at most TIMELINE_MINUTES
// minutes, each with at most MAX_TIMELINE_TARGETS provider/model pairs of known provider names (a
// configured one, or on the object any of Cita's provider names); nothing is keyed by a client's input.
import type { ParseResponse } from "../http/schemas/parse.js";
import { PROVIDER_NAMES } from "../providers/types.js";
import type { CallRecord } from "../router/accounting.js";
import { LLM_SECONDS } from "./cita.js";
import type { SeriesDelta } from "./deltas.js";
import {
  addToMinute,
  addToTarget,
  emptyMinute,
  emptyTargetMinute,
  latencyQuantile,
  type Minute,
  type TargetMinute,
  targetOf,
} from "./timeline-minute.js";

export const TIMELINE_MINUTES = 60;
export const MINUTE_MS = 60_000;
/** Far above a deployment's provider/model pairs (five providers, a baseline and a fine-tuned model each). */
export const MAX_TIMELINE_TARGETS = 16;

/**
 * Whose counts a timeline holds: one Node process ("instance"), one Workers isolate ("isolate"), or every
 * isolate of a Worker, summed in the metrics Durable Object ("fleet").
 */
export type TimelineScope = "fleet" | "isolate" | "instance";

type Rates = (number | null)[];

/** A provider and model over the hour, one entry per minute, oldest first. */
export interface TimelineTarget {
  provider: string;
  model: string;
  calls: number[];
  p50Ms: Rates;
  p95Ms: Rates;
  p99Ms: Rates;
  errorRate: Rates;
  timeoutRate: Rates;
  rateLimitRate: Rates;
  rateLimited: number[];
  invalidJsonRate: Rates;
  confidence: Rates;
  costUsd: number[];
}

/** GET /admin/series: the hour in columns, each as long as `minutes` (a rate is null for an idle minute). */
export interface TimelineAnswer {
  scope: TimelineScope;
  minuteMs: number;
  /** The start of each minute (ISO 8601), the current one last. */
  minutes: string[];
  requests: number[];
  cacheHitRate: Rates;
  confidence: Rates;
  costUsd: number[];
  providers: TimelineTarget[];
}

export interface TimelineOptions {
  /** The provider names counted (the configured ones); by default any of Cita's provider names. */
  providers?: readonly string[];
  clock?: () => number;
}

export class Timeline {
  readonly #providers: ReadonlySet<string>;
  readonly #clock: () => number;
  /** By the minute's start; only minutes of the last hour are kept. */
  readonly #minutes = new Map<number, Minute>();
  /** The pairs counted so far, by key, in the order they came (at most MAX_TIMELINE_TARGETS). */
  readonly #targets = new Map<string, { provider: string; model: string }>();

  constructor(options: TimelineOptions = {}) {
    this.#providers = new Set(options.providers ?? PROVIDER_NAMES);
    this.#clock = options.clock ?? Date.now;
  }

  /** Adds series deltas to the current minute (a batch from an isolate, or this instance's own records). */
  add(deltas: readonly SeriesDelta[]): void {
    const minute = this.#current();
    for (const delta of deltas) {
      const target = targetOf(delta);
      if (target === null) addToMinute(minute, delta);
      else {
        const counts = this.#targetMinute(minute, target.provider, target.model);
        if (counts !== null) addToTarget(counts, delta);
      }
    }
  }

  /** A call that reached a provider, as the metrics record it (CitaMetrics.recordCall). */
  recordCall(call: CallRecord): void {
    const labels = [call.provider, call.model];
    const latency = LLM_SECONDS.map((bound) => (call.durationMs / 1000 <= bound ? 1 : 0));
    this.add([
      { name: "llm_requests_total", labels: [...labels, call.status], value: 1 },
      { name: "llm_answers_total", labels, value: call.answers },
      { name: "parsing_json_errors_total", labels, value: call.invalidAnswers },
      { name: "llm_cost_usd_total", labels, value: call.costUsd },
      {
        name: "llm_request_duration_seconds",
        labels: [...labels, call.outcome],
        counts: latency,
        sum: call.durationMs / 1000,
        count: 1,
      },
    ]);
  }

  recordConfidence(provider: string, model: string, value: number): void {
    this.add([
      { name: "llm_answer_confidence", labels: [provider, model], counts: [], sum: value, count: 1 },
    ]);
  }

  recordParse(response: ParseResponse): void {
    this.add([
      { name: "parsing_requests_total", labels: [response.meta.mode, response.status], value: 1 },
      { name: "cache_requests_total", labels: [response.meta.cache], value: 1 },
      {
        name: "parsing_confidence",
        labels: [response.meta.mode],
        counts: [],
        sum: response.confidence,
        count: 1,
      },
    ]);
  }

  recordParseError(mode: string): void {
    this.add([{ name: "parsing_requests_total", labels: [mode, "error"], value: 1 }]);
  }

  /** Minutes held in memory: never more than TIMELINE_MINUTES. */
  get minutesHeld(): number {
    return this.#minutes.size;
  }

  /** The last TIMELINE_MINUTES minutes up to the current one, every minute present (zeros when idle). */
  answer(scope: TimelineScope): TimelineAnswer {
    const last = minuteOf(this.#clock());
    const minutes = Array.from({ length: TIMELINE_MINUTES }, (_, index) => {
      const start = last - (TIMELINE_MINUTES - 1 - index) * MINUTE_MS;
      return this.#minutes.get(start) ?? emptyMinute(start);
    });
    const cost = (minute: Minute) =>
      [...minute.targets.values()].reduce((sum, target) => sum + target.costUsd, 0);
    return {
      scope,
      minuteMs: MINUTE_MS,
      minutes: minutes.map((minute) => new Date(minute.start).toISOString()),
      requests: minutes.map((minute) => minute.parses),
      cacheHitRate: minutes.map((minute) => ratio(minute.cacheHits, minute.cacheLookups)),
      confidence: minutes.map((minute) => ratio(minute.confidenceSum, minute.confidenceCount)),
      costUsd: minutes.map(cost),
      providers: [...this.#targets].map(([key, { provider, model }]) =>
        targetColumns(
          provider,
          model,
          minutes.map((minute) => minute.targets.get(key) ?? emptyTargetMinute()),
        ),
      ),
    };
  }

  /** The current minute's record; minutes older than the hour are dropped as a new one begins. */
  #current(): Minute {
    const start = minuteOf(this.#clock());
    let minute = this.#minutes.get(start);
    if (minute === undefined) {
      minute = emptyMinute(start);
      this.#minutes.set(start, minute);
      for (const kept of this.#minutes.keys()) {
        if (kept <= start - TIMELINE_MINUTES * MINUTE_MS) this.#minutes.delete(kept);
      }
    }
    return minute;
  }

  /** The pair's counts in the minute, or null for a provider not counted or a pair past the bound. */
  #targetMinute(minute: Minute, provider: string, model: string): TargetMinute | null {
    if (!this.#providers.has(provider)) return null;
    const key = `${provider}\u0000${model}`;
    if (!this.#targets.has(key)) {
      if (this.#targets.size >= MAX_TIMELINE_TARGETS) return null;
      this.#targets.set(key, { provider, model });
    }
    let counts = minute.targets.get(key);
    if (counts === undefined) {
      counts = emptyTargetMinute();
      minute.targets.set(key, counts);
    }
    return counts;
  }
}

function targetColumns(provider: string, model: string, minutes: readonly TargetMinute[]): TimelineTarget {
  const of = (read: (minute: TargetMinute) => number | null) => minutes.map(read);
  return {
    provider,
    model,
    calls: minutes.map((minute) => minute.calls),
    p50Ms: of((minute) => latencyQuantile(minute.latency, 0.5)),
    p95Ms: of((minute) => latencyQuantile(minute.latency, 0.95)),
    p99Ms: of((minute) => latencyQuantile(minute.latency, 0.99)),
    errorRate: of((minute) => ratio(minute.errors, minute.calls)),
    timeoutRate: of((minute) => ratio(minute.timeouts, minute.calls)),
    rateLimitRate: of((minute) => ratio(minute.rateLimited, minute.calls)),
    rateLimited: minutes.map((minute) => minute.rateLimited),
    invalidJsonRate: of((minute) => ratio(minute.invalidAnswers, minute.answers)),
    confidence: of((minute) => ratio(minute.confidenceSum, minute.confidenceCount)),
    costUsd: minutes.map((minute) => minute.costUsd),
  };
}

function minuteOf(at: number): number {
  return Math.floor(at / MINUTE_MS) * MINUTE_MS;
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
