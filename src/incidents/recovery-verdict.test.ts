// The recovery verdict at each of its edges: p95 latency just under and at 5 s, mean confidence at and
// just over 0.8, agreement at and just under 0.8, 50 and 51 requests left, an unknown quota, unanswered
// cases, and no provider at all.
import { describe, expect, it } from "vitest";
import {
  type CaseOutcome,
  judgeProvider,
  RECOVERY_LIMITS,
  reasonsOf,
  recoveryReport,
} from "./recovery-verdict.js";

const TARGET = { provider: "qwen", model: "qwen-plus" } as const;
const AT = Date.parse("2026-01-22T10:30:00Z");

const good = (overrides: Partial<CaseOutcome> = {}): CaseOutcome => ({
  latencyMs: 400,
  answered: true,
  confidence: 0.99,
  agrees: true,
  ...overrides,
});

/** Twenty cases, the slowest as given: the nearest-rank p95 of twenty is the 19th, so two share it. */
function withP95(ms: number): CaseOutcome[] {
  return [...Array.from({ length: 18 }, () => good()), good({ latencyMs: ms }), good({ latencyMs: ms })];
}

describe("judgeProvider", () => {
  it("uses the runbook's limits", () => {
    expect(RECOVERY_LIMITS).toEqual({
      latencyMs: 5_000,
      confidence: 0.8,
      agreement: 0.8,
      remainingRequests: 50,
    });
  });

  it.each([
    [4_999, true],
    [5_000, false],
  ])("a p95 latency of %i ms passes: %s", (ms, passed) => {
    const judged = judgeProvider(TARGET, withP95(ms), 20, null);
    expect(judged.latency).toEqual({ p95Ms: ms, limitMs: 5_000, passed });
    expect(judged.passed).toBe(passed);
  });

  it.each([
    [[0.8, 0.8], 0.8, false],
    [[0.81, 0.8], 0.805, true],
    [[0.99, 0.61], 0.8, false],
  ])("confidences %j: mean %d passes: %s", (confidences, mean, passed) => {
    const judged = judgeProvider(
      TARGET,
      confidences.map((confidence) => good({ confidence })),
      confidences.length,
      null,
    );
    expect(judged.confidence).toEqual({ mean, minimum: 0.8, passed });
    expect(judged.passed).toBe(passed);
  });

  it.each([
    [4, 5, 0.8, true],
    [3, 4, 0.75, false],
    [0, 3, 0, false],
  ])("%i of %i agreeing (%d) passes: %s", (agreeing, cases, rate, passed) => {
    const outcomes = Array.from({ length: cases }, (_, index) => good({ agrees: index < agreeing }));
    const judged = judgeProvider(TARGET, outcomes, cases, null);
    expect(judged.agreement).toEqual({ rate, minimum: 0.8, passed });
    expect(judged.passed).toBe(passed);
  });

  it.each([
    [51, true, true],
    [50, true, false],
    [0, true, false],
    [null, false, true],
  ])("%j requests left (known: %s) passes: %s", (remaining, known, passed) => {
    const judged = judgeProvider(TARGET, [good()], 1, remaining);
    expect(judged.quota).toEqual({ remaining, minimum: 50, known, passed });
    expect(judged.passed).toBe(passed);
  });

  it("fails a provider that left a case unanswered, even if the answered ones pass", () => {
    const judged = judgeProvider(
      TARGET,
      [good(), good({ answered: false, confidence: null, agrees: null })],
      2,
      60,
    );
    expect(judged).toMatchObject({ cases: 2, answered: 1, passed: false });
    expect(judged.confidence.passed && judged.agreement.passed && judged.latency.passed).toBe(true);
    expect(reasonsOf(judged)).toEqual(["qwen/qwen-plus: answered 1 of 2 cases"]);
  });

  it("fails every measured check of a provider that never answered", () => {
    const judged = judgeProvider(TARGET, [], 8, null);
    expect(judged).toMatchObject({
      answered: 0,
      latency: { p95Ms: null, passed: false },
      confidence: { mean: null, passed: false },
      agreement: { rate: null, passed: false },
      quota: { known: false, passed: true },
      passed: false,
    });
    expect(reasonsOf(judged)).toEqual([
      "qwen/qwen-plus: answered 0 of 8 cases",
      "qwen/qwen-plus: p95 latency unknown (no answer), not under 5000 ms",
      "qwen/qwen-plus: mean confidence unknown (no answer), not over 0.8",
      "qwen/qwen-plus: agreement with the rules unknown (no answer), under 0.8",
    ]);
  });

  it("takes its limits from the caller (reduced timings in tests)", () => {
    const judged = judgeProvider(TARGET, [good({ latencyMs: 150 })], 1, null, {
      ...RECOVERY_LIMITS,
      latencyMs: 100,
    });
    expect(judged.latency).toEqual({ p95Ms: 150, limitMs: 100, passed: false });
  });
});

describe("recoveryReport", () => {
  it("passes only when every provider passed", () => {
    const passed = judgeProvider(TARGET, [good()], 1, 60);
    const failed = judgeProvider({ provider: "openai", model: "gpt-4.1-mini" }, [good()], 1, 12);
    expect(recoveryReport(AT, [passed])).toEqual({
      at: "2026-01-22T10:30:00.000Z",
      verdict: "passed",
      providers: [passed],
      reasons: [],
    });
    expect(recoveryReport(AT, [passed, failed])).toMatchObject({
      verdict: "failed",
      reasons: ["openai/gpt-4.1-mini: 12 requests left, not over 50"],
    });
  });

  it("fails with no provider to check", () => {
    expect(recoveryReport(AT, [])).toMatchObject({ verdict: "failed", reasons: ["no provider to check"] });
  });
});
