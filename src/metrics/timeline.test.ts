// The operations page's timeline (src/metrics/timeline.ts) on an injected clock: a record lands in the minute
// it happened in (edges included), the answer is always the last 60 minutes and memory keeps no more, only
// configured providers and a bounded number of models are counted, and the rates, means and percentiles are
// the counts' own. The same deltas the metrics Durable Object receives give the same hour.
import { describe, expect, it } from "vitest";
import type { ParseResponse } from "../http/schemas/parse.js";
import type { CallRecord } from "../router/accounting.js";
import { createCitaMetrics } from "./cita.js";
import { MAX_TIMELINE_TARGETS, MINUTE_MS, TIMELINE_MINUTES, Timeline } from "./timeline.js";

const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);

function call(overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    provider: "qwen",
    model: "qwen-plus",
    outcome: "ok",
    status: "2xx",
    durationMs: 300,
    inputTokens: 100,
    outputTokens: 50,
    answers: 1,
    invalidAnswers: 0,
    requestId: "request",
    costUsd: 0.001,
    ...overrides,
  };
}

function parse(cache: "hit" | "miss" | "bypass", confidence: number): ParseResponse {
  return {
    status: "complete",
    confidence,
    meta: { mode: "llm", cache, timingsMs: {} },
  } as unknown as ParseResponse;
}

function timeline(providers: readonly string[] = ["qwen", "anthropic"]) {
  const clock = { now: T0 };
  return { clock, timeline: new Timeline({ providers, clock: () => clock.now }) };
}

describe("Timeline", () => {
  it("puts a record in the minute it happened in: the last millisecond of a minute and the first of the next differ", () => {
    const { clock, timeline: subject } = timeline();
    clock.now = T0 + MINUTE_MS - 1;
    subject.recordCall(call());
    clock.now = T0 + MINUTE_MS;
    subject.recordCall(call());
    subject.recordCall(call());
    const answer = subject.answer("instance");
    expect(answer.minutes.slice(-2)).toEqual([
      new Date(T0).toISOString(),
      new Date(T0 + MINUTE_MS).toISOString(),
    ]);
    expect(answer.providers[0]!.calls.slice(-2)).toEqual([1, 2]);
  });

  it(`answers exactly ${TIMELINE_MINUTES} minutes, the current one last, zeros and nulls where idle`, () => {
    const { clock, timeline: subject } = timeline();
    clock.now = T0 + 30_000;
    subject.recordCall(call());
    const answer = subject.answer("isolate");
    expect(answer.scope).toBe("isolate");
    expect(answer.minuteMs).toBe(MINUTE_MS);
    for (const column of [answer.minutes, answer.requests, answer.cacheHitRate, answer.costUsd]) {
      expect(column).toHaveLength(TIMELINE_MINUTES);
    }
    expect(answer.minutes[0]).toBe(new Date(T0 - (TIMELINE_MINUTES - 1) * MINUTE_MS).toISOString());
    expect(answer.providers[0]!.errorRate.slice(0, -1).every((rate) => rate === null)).toBe(true);
    expect(answer.requests.every((count) => count === 0)).toBe(true);
  });

  it("forgets a minute once it is an hour old, and never holds more than the hour", () => {
    const { clock, timeline: subject } = timeline();
    for (let minute = 0; minute < 90; minute++) {
      clock.now = T0 + minute * MINUTE_MS;
      subject.recordParseError("none");
      expect(subject.minutesHeld).toBeLessThanOrEqual(TIMELINE_MINUTES);
    }
    expect(subject.minutesHeld).toBe(TIMELINE_MINUTES);
    const answer = subject.answer("instance");
    expect(answer.requests.reduce((sum, count) => sum + count, 0)).toBe(TIMELINE_MINUTES);
    // An hour after the last record, nothing is left to show.
    clock.now += TIMELINE_MINUTES * MINUTE_MS;
    subject.recordParseError("none");
    expect(subject.minutesHeld).toBe(1);
    expect(subject.answer("instance").requests.reduce((sum, count) => sum + count, 0)).toBe(1);
  });

  it("counts only the configured providers, and at most a bounded number of models", () => {
    const { timeline: subject } = timeline(["qwen"]);
    subject.recordCall(call({ provider: "openai", model: "gpt" }));
    subject.recordConfidence("anthropic", "claude", 0.9);
    for (let index = 0; index < MAX_TIMELINE_TARGETS + 5; index++)
      subject.recordCall(call({ model: `m${index}` }));
    const { providers } = subject.answer("instance");
    expect(providers).toHaveLength(MAX_TIMELINE_TARGETS);
    expect(providers.every((target) => target.provider === "qwen")).toBe(true);
    expect(providers.map((target) => target.model)).not.toContain(`m${MAX_TIMELINE_TARGETS}`);
  });

  it("computes each rate over its own denominator, leaving out calls Cita cancelled", () => {
    const { timeline: subject } = timeline();
    const statuses: CallRecord["status"][] = [
      "2xx",
      "2xx",
      "2xx",
      "2xx",
      "5xx",
      "5xx",
      "connection",
      "timeout",
      "429",
      "429",
    ];
    for (const status of statuses) subject.recordCall(call({ status, costUsd: 0.01 }));
    subject.recordCall(call({ status: "aborted", outcome: "cancelled" }));
    subject.recordCall(call({ answers: 2, invalidAnswers: 1 }));
    subject.recordConfidence("qwen", "qwen-plus", 0.6);
    subject.recordConfidence("qwen", "qwen-plus", 0.8);
    const target = subject.answer("instance").providers[0]!;
    const last = <T>(column: T[]) => column.at(-1);
    expect(last(target.calls)).toBe(11);
    expect(last(target.errorRate)).toBeCloseTo(3 / 11);
    expect(last(target.timeoutRate)).toBeCloseTo(1 / 11);
    expect(last(target.rateLimitRate)).toBeCloseTo(2 / 11);
    expect(last(target.rateLimited)).toBe(2);
    // 13 answers (the ten, the cancelled call's one, a re-asked call's two), one of them not clean JSON.
    expect(last(target.invalidJsonRate)).toBeCloseTo(1 / 13);
    expect(last(target.confidence)).toBeCloseTo(0.7);
    expect(last(target.costUsd)).toBeCloseTo(0.1 + 0.002);
  });

  it("reads the percentiles from the latency histogram, linear within a bucket", () => {
    const { timeline: subject } = timeline();
    for (let index = 0; index < 98; index++) subject.recordCall(call({ durationMs: 300 }));
    subject.recordCall(call({ durationMs: 8_000, outcome: "timeout", status: "timeout" }));
    subject.recordCall(call({ durationMs: 9_000, outcome: "timeout", status: "timeout" }));
    // Fast failures say nothing of speed: not in the percentiles.
    subject.recordCall(call({ durationMs: 60_000, outcome: "server", status: "5xx" }));
    const target = subject.answer("instance").providers[0]!;
    // 98 in (0.25 s, 0.5 s]: the 50th of them at 0.25 + 0.25 × 50/98.
    expect(target.p50Ms.at(-1)).toBe(Math.round((0.25 + (0.25 * 50) / 98) * 1000));
    expect(target.p95Ms.at(-1)).toBe(Math.round((0.25 + (0.25 * 95) / 98) * 1000));
    // The 99th of 100 is the first of the two in (7.5 s, 10 s].
    expect(target.p99Ms.at(-1)).toBe(8_750);
  });

  it("gives the service's requests, cache hit rate (bypasses are no lookups), confidence and cost", () => {
    const { timeline: subject } = timeline();
    subject.recordParse(parse("hit", 0.9));
    subject.recordParse(parse("miss", 0.5));
    subject.recordParse(parse("miss", 0.7));
    subject.recordParse(parse("bypass", 0.3));
    subject.recordParseError("none");
    subject.recordCall(call({ costUsd: 0.25 }));
    subject.recordCall(call({ provider: "anthropic", model: "claude", costUsd: 0.5 }));
    const answer = subject.answer("instance");
    expect(answer.requests.at(-1)).toBe(5);
    expect(answer.cacheHitRate.at(-1)).toBeCloseTo(1 / 3);
    expect(answer.confidence.at(-1)).toBeCloseTo((0.9 + 0.5 + 0.7 + 0.3) / 4);
    expect(answer.costUsd.at(-1)).toBeCloseTo(0.75);
  });

  it("reads the metrics' own deltas (what the Durable Object receives) as it reads the records", () => {
    const followed = timeline();
    const fed = timeline();
    const metrics = createCitaMetrics();
    metrics.follow(followed.timeline);
    metrics.recordCall(call({ durationMs: 1_200 }));
    metrics.recordCall(call({ status: "429", outcome: "rate_limited", durationMs: 40 }));
    metrics.recordCall(
      call({
        provider: "anthropic",
        model: "claude",
        status: "timeout",
        outcome: "timeout",
        durationMs: 4_000,
      }),
    );
    metrics.recordConfidence("qwen", "qwen-plus", 0.8);
    metrics.recordParse(parse("miss", 0.8));
    fed.timeline.add(metrics.registry.takeDeltas());
    expect(fed.timeline.answer("fleet")).toEqual(followed.timeline.answer("fleet"));
    expect(followed.timeline.answer("fleet").providers).toHaveLength(2);
  });
});
