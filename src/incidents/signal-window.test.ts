// The signal window: what it counts, how it slides (a slice leaves once it is windowMs old), the part
// before a given instant, the LLM latency selection of the latency runbook, and its fixed size; the p95 of
// sampled slices weighs each kept value by the calls it stands for.
import { describe, expect, it } from "vitest";
import type { CallRecord } from "../router/router.js";
import { percentile } from "../stats.js";
import { LatencySample, latencyOf } from "./latency-sample.js";
import { requestCounts, severityOf } from "./severity.js";
import { SignalWindow } from "./signal-window.js";

const WINDOW = 300_000;
const SLICE = WINDOW / 30;
const T0 = Date.UTC(2030, 0, 1, 9);

const answered = requestCounts({ status: 200, wantedLlm: true, llmAnswered: true, degraded: false });
const byRules = requestCounts({ status: 200, wantedLlm: true, llmAnswered: false, degraded: true });
const lost = requestCounts({ status: 500, wantedLlm: false, llmAnswered: false, degraded: false });

function call(
  outcome: CallRecord["outcome"],
  durationMs: number,
  overrides: Partial<CallRecord> = {},
): CallRecord {
  return {
    provider: "qwen",
    model: "qwen-plus",
    outcome,
    status: "2xx",
    durationMs,
    inputTokens: 0,
    outputTokens: 0,
    answers: 1,
    invalidAnswers: 0,
    requestId: "r",
    costUsd: 0,
    ...overrides,
  };
}

describe("the signal window", () => {
  it("counts requests on both paths and their latency, per agent and per variant", () => {
    const window = new SignalWindow(WINDOW);
    window.recordRequest(
      answered,
      { latencyMs: 100, agentsMs: { parsing: 40, temporal: 2 }, variant: "baseline" },
      T0,
    );
    window.recordRequest(byRules, { latencyMs: 300, agentsMs: { parsing: 60 } }, T0);
    window.recordRequest(lost, { latencyMs: 200, variant: "finetuned" }, T0);
    const summary = window.summary(T0);
    expect(summary.inputs).toEqual({
      requests: 3,
      llmWanted: 2,
      llmFailed: 1,
      serviceErrors: 1,
      llmErrorRate: 0.5,
      serviceErrorRate: 1 / 3,
      llmP95Ms: null,
    });
    expect(summary.latency).toEqual({ count: 3, meanMs: 200, p95Ms: 300 });
    expect(summary.agentsMeanMs).toEqual({ parsing: 50, temporal: 2 });
    expect(summary.variantsMeanMs).toEqual({ baseline: 100, finetuned: 200 });
  });

  it("takes answers, timeouts and invalid answers into the LLM p95, not fast failures", () => {
    const window = new SignalWindow(WINDOW);
    window.recordCall(call("ok", 1000), T0);
    window.recordCall(call("timeout", 4000, { status: "timeout", answers: 0 }), T0);
    window.recordCall(call("invalid_output", 2000, { invalidAnswers: 1 }), T0);
    window.recordCall(call("connection", 9000, { status: "connection", answers: 0 }), T0);
    window.recordCall(call("rate_limited", 9000, { status: "429", answers: 0 }), T0);
    window.recordCall(call("cancelled", 9000, { status: "aborted" }), T0);
    const summary = window.summary(T0);
    expect(summary.inputs.llmP95Ms).toBe(4000);
    expect(summary.calls).toEqual({
      calls: 5,
      timeouts: 1,
      rateLimited: 1,
      failures: 1,
      answers: 2,
      invalidAnswers: 1,
    });
  });

  it("slides: a slice leaves once the window has passed it", () => {
    const window = new SignalWindow(WINDOW);
    window.recordRequest(lost, { latencyMs: 1 }, T0);
    window.recordRequest(answered, { latencyMs: 1 }, T0 + SLICE);
    expect(window.summary(T0 + WINDOW - 1).inputs.requests).toBe(2);
    expect(window.summary(T0 + WINDOW).inputs).toMatchObject({ requests: 1, serviceErrors: 0 });
    expect(window.summary(T0 + WINDOW + SLICE).inputs).toMatchObject({ requests: 0, serviceErrorRate: null });
  });

  it("reuses a slice for a later time without its old counts", () => {
    const window = new SignalWindow(WINDOW);
    window.recordRequest(lost, { latencyMs: 1 }, T0);
    window.recordRequest(answered, { latencyMs: 1 }, T0 + WINDOW);
    expect(window.summary(T0 + WINDOW).inputs).toMatchObject({ requests: 1, serviceErrors: 0 });
  });

  it("shows the slices that ended by a given instant: what came before an incident", () => {
    const window = new SignalWindow(WINDOW);
    window.recordRequest(answered, { latencyMs: 100 }, T0);
    window.recordRequest(answered, { latencyMs: 900 }, T0 + SLICE);
    expect(window.summary(T0 + SLICE, T0 + SLICE).latency.meanMs).toBe(100);
    expect(window.summary(T0 + SLICE, T0 + SLICE - 1).latency.count).toBe(0);
    expect(window.summary(T0 + SLICE).latency.meanMs).toBe(500);
  });
});

describe("the latency sample", () => {
  it("keeps every value up to its capacity, then a fixed number; the mean covers all", () => {
    const sample = new LatencySample(10, () => 0);
    for (let value = 1; value <= 10; value++) sample.record(value);
    expect(latencyOf([sample])).toEqual({ count: 10, meanMs: 5.5, p95Ms: 10 });
    for (let value = 0; value < 10_000; value++) sample.record(1000);
    expect(sample.values).toHaveLength(10);
    expect(sample.count).toBe(10_010);
    expect(latencyOf([sample]).meanMs).toBeCloseTo((55 + 10_000_000) / 10_010);
    expect(latencyOf([])).toEqual({ count: 0, meanMs: null, p95Ms: null });
  });
  it("weighs each slice's kept values by the calls they stand for: the p95 is the calls', not the slices'", () => {
    // 28 slices of 1,000 calls of 1 s and 2 of 70 calls of 6 s: 0.5% of the calls are slow. Each slice keeps
    // 64 values, so 128 of the 1,920 kept (6.7%) are slow: weighed equally, the p95 would be 6 s (a false P4).
    const window = new SignalWindow(WINDOW);
    for (let slice = 0; slice < 30; slice++) {
      const [count, ms] = slice < 28 ? [1000, 1000] : [70, 6000];
      for (let index = 0; index < count; index++) window.recordCall(call("ok", ms), T0 + slice * SLICE);
    }
    const { inputs } = window.summary(T0 + 29 * SLICE);
    expect(inputs.llmP95Ms).toBe(1000);
    expect(severityOf(inputs, true).severity).toBeNull();
  });

  it("is the exact nearest-rank p95 of every value when each slice kept them all", () => {
    const samples = Array.from({ length: 30 }, (_, slice) => {
      const sample = new LatencySample(64);
      for (let index = 0; index < 64 - slice; index++)
        sample.record(((slice * 37 + index * 101) % 997) + slice);
      return sample;
    });
    const every = samples.flatMap((sample) => sample.values).sort((a, b) => a - b);
    expect(latencyOf(samples).p95Ms).toBe(percentile(every, 0.95));
    expect(latencyOf(samples).count).toBe(every.length);
  });
});
