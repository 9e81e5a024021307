// The health window: every runbook threshold (degraded and down), minSamples, and the rolling window's
// expiry. Time is passed in explicitly, as the router passes its injected clock.
import { describe, expect, it } from "vitest";
import { type CallOutcome, type CallSample, HealthWindow } from "./health.js";
import { DEFAULT_ROUTER_SETTINGS, type HealthThresholds } from "./settings.js";

const T0 = 1_700_000_000_000;
const defaults = DEFAULT_ROUTER_SETTINGS.health;

function windowWith(overrides: Partial<HealthThresholds> = {}): HealthWindow {
  return new HealthWindow({ ...defaults, ...overrides });
}

function sample(outcome: CallOutcome, overrides: Partial<CallSample> = {}): CallSample {
  const answered = outcome === "ok" || outcome === "invalid_output";
  return {
    at: T0,
    outcome,
    latencyMs: outcome === "ok" ? 100 : null,
    answers: answered ? 1 : 0,
    invalidAnswers: outcome === "invalid_output" ? 1 : 0,
    ...overrides,
  };
}

/** `count` samples of `outcome`, then `ok` samples up to `total`. */
function fill(health: HealthWindow, outcome: CallOutcome, count: number, total: number): void {
  for (let index = 0; index < count; index++) health.record(sample(outcome));
  for (let index = count; index < total; index++) health.record(sample("ok"));
}

describe("the runbook defaults", () => {
  it("match the issue's thresholds", () => {
    expect(defaults).toMatchObject({
      p95DegradedMs: 5000,
      p95DownMs: 10_000,
      timeoutRate: 0.05,
      rateLimitRate: 0.01,
      serverErrorRate: 0.5,
      minConfidence: 0.7,
      invalidJsonRate: 0.1,
    });
    expect(DEFAULT_ROUTER_SETTINGS).toMatchObject({
      deadlineMs: 8000,
      hedgeBudget: 0.1,
      cacheTtlMs: 300_000,
      conservationCacheTtlMs: 3_600_000,
    });
  });
});

describe("a health window", () => {
  it("is healthy when empty, with no percentiles and no confidence", () => {
    const health = windowWith();
    expect(health.assess(T0)).toEqual({ state: "healthy", reasons: [] });
    expect(health.stats(T0)).toEqual({
      samples: 0,
      p50Ms: null,
      p95Ms: null,
      timeoutRate: 0,
      rateLimitRate: 0,
      serverErrorRate: 0,
      connectionErrorRate: 0,
      invalidJsonRate: 0,
      meanConfidence: null,
      confidenceSamples: 0,
    });
  });

  it("reports p50 and p95 by nearest rank", () => {
    const health = windowWith();
    for (let latency = 1; latency <= 100; latency++) health.record(sample("ok", { latencyMs: latency * 10 }));
    const stats = health.stats(T0);
    expect(stats.samples).toBe(100);
    expect(stats.p50Ms).toBe(500);
    expect(stats.p95Ms).toBe(950);
  });

  describe("latency", () => {
    const withP95 = (p95: number) => {
      const health = windowWith();
      // 19 fast calls and one at `p95`: with 20 samples the nearest-rank p95 is the 19th, so two slow ones.
      for (let index = 0; index < 18; index++) health.record(sample("ok", { latencyMs: 100 }));
      health.record(sample("ok", { latencyMs: p95 }));
      health.record(sample("ok", { latencyMs: p95 }));
      return health;
    };

    it("stays healthy at a p95 of exactly 5 s", () => {
      expect(withP95(5000).assess(T0).state).toBe("healthy");
    });

    it("degrades over 5 s", () => {
      const assessment = withP95(5001).assess(T0);
      expect(assessment.state).toBe("degraded");
      expect(assessment.reasons).toEqual(["p95 5.0 s > 5.0 s"]);
    });

    it("stays degraded (not down) at exactly 10 s", () => {
      expect(withP95(10_000).assess(T0).state).toBe("degraded");
    });

    it("is down over 10 s", () => {
      const assessment = withP95(10_001).assess(T0);
      expect(assessment.state).toBe("down");
      expect(assessment.reasons).toEqual(["p95 10 s > 10 s"]);
    });

    it("judges p95 only over minSamples latencies", () => {
      const health = windowWith({ minSamples: 5 });
      for (let index = 0; index < 4; index++) health.record(sample("ok", { latencyMs: 20_000 }));
      expect(health.assess(T0).state).toBe("healthy");
      health.record(sample("ok", { latencyMs: 20_000 }));
      expect(health.assess(T0).state).toBe("down");
    });

    it("counts timeouts' latencies, not fast failures'", () => {
      const health = windowWith({ minSamples: 5, timeoutRate: 1 });
      for (let index = 0; index < 5; index++) health.record(sample("timeout", { latencyMs: 6000 }));
      for (let index = 0; index < 20; index++) health.record(sample("server", { latencyMs: null }));
      expect(health.stats(T0).p95Ms).toBe(6000);
      expect(health.stats(T0).p50Ms).toBe(6000);
    });
  });

  it("degrades on timeouts over 5%", () => {
    const atLimit = windowWith();
    fill(atLimit, "timeout", 1, 20);
    expect(atLimit.stats(T0).timeoutRate).toBeCloseTo(0.05);
    expect(atLimit.assess(T0).state).toBe("healthy");
    const over = windowWith();
    fill(over, "timeout", 2, 20);
    expect(over.assess(T0)).toEqual({ state: "degraded", reasons: ["timeouts 10% > 5.0%"] });
  });

  it("degrades on 429s over 1%", () => {
    const atLimit = windowWith();
    fill(atLimit, "rate_limited", 1, 100);
    expect(atLimit.assess(T0).state).toBe("healthy");
    const over = windowWith();
    fill(over, "rate_limited", 2, 100);
    expect(over.assess(T0)).toEqual({ state: "degraded", reasons: ["429s 2.0% > 1.0%"] });
  });

  it("is down when 5xx and connection errors together pass 50%", () => {
    const half = windowWith();
    fill(half, "server", 5, 10);
    expect(half.assess(T0).state).toBe("healthy");
    const mixed = windowWith();
    fill(mixed, "server", 3, 10);
    fill(mixed, "connection", 3, 3);
    // 6 of 13 are failures: still under half.
    expect(mixed.assess(T0).state).toBe("healthy");
    mixed.record(sample("connection"));
    // 7 of 14 is exactly half; one more connection error passes it.
    expect(mixed.assess(T0).state).toBe("healthy");
    mixed.record(sample("connection"));
    const assessment = mixed.assess(T0);
    expect(assessment.state).toBe("down");
    expect(assessment.reasons).toEqual(["5xx and connection errors 53% > 50%"]);
    expect(mixed.stats(T0)).toMatchObject({ serverErrorRate: 3 / 15, connectionErrorRate: 5 / 15 });
  });

  it("degrades on invalid JSON over 10% of answers (a re-ask makes two)", () => {
    const atLimit = windowWith();
    fill(atLimit, "invalid_output", 1, 10);
    expect(atLimit.stats(T0).invalidJsonRate).toBeCloseTo(0.1);
    expect(atLimit.assess(T0).state).toBe("healthy");
    const over = windowWith();
    // One call whose first answer failed and whose re-ask succeeded: 1 invalid of 2 answers.
    over.record(sample("ok", { answers: 2, invalidAnswers: 1 }));
    fill(over, "ok", 0, 5);
    expect(over.stats(T0).invalidJsonRate).toBeCloseTo(1 / 7);
    expect(over.assess(T0)).toEqual({ state: "degraded", reasons: ["invalid JSON 14% > 10%"] });
  });

  it("degrades on a mean confidence under 0.7, over minSamples confidences", () => {
    const health = windowWith({ minSamples: 5 });
    for (let index = 0; index < 4; index++) health.recordConfidence(0.5, T0);
    expect(health.assess(T0).state).toBe("healthy");
    health.recordConfidence(0.5, T0);
    expect(health.assess(T0)).toEqual({ state: "degraded", reasons: ["mean confidence 0.50 < 0.7"] });
    for (let index = 0; index < 5; index++) health.recordConfidence(0.9, T0);
    expect(health.stats(T0).meanConfidence).toBeCloseTo(0.7);
    expect(health.assess(T0).state).toBe("healthy");
  });

  it("judges rates only over minSamples calls", () => {
    const health = windowWith({ minSamples: 5 });
    for (let index = 0; index < 4; index++) health.record(sample("server"));
    expect(health.stats(T0).serverErrorRate).toBe(1);
    expect(health.assess(T0).state).toBe("healthy");
    health.record(sample("timeout"));
    expect(health.assess(T0).state).toBe("down");
  });

  it("honours configured thresholds", () => {
    const health = windowWith({ timeoutRate: 0.5, minSamples: 2 });
    fill(health, "timeout", 1, 2);
    expect(health.assess(T0).state).toBe("healthy");
    const strict = windowWith({ timeoutRate: 0.01, minSamples: 2 });
    fill(strict, "timeout", 1, 2);
    expect(strict.assess(T0).state).toBe("degraded");
  });

  it("lists every crossed threshold, down reasons first", () => {
    const health = windowWith({ minSamples: 4 });
    for (let index = 0; index < 3; index++) health.record(sample("server"));
    health.record(sample("timeout", { latencyMs: 4000 }));
    health.record(sample("rate_limited"));
    const assessment = health.assess(T0);
    expect(assessment.state).toBe("down");
    expect(assessment.reasons).toEqual([
      "5xx and connection errors 60% > 50%",
      "timeouts 20% > 5.0%",
      "429s 20% > 1.0%",
    ]);
  });

  it("ignores refusals and cancelled calls", () => {
    const health = windowWith({ minSamples: 2 });
    for (let index = 0; index < 10; index++) {
      health.record(sample("rejected"));
      health.record(sample("cancelled", { latencyMs: 9000 }));
    }
    fill(health, "ok", 0, 2);
    expect(health.stats(T0)).toMatchObject({ samples: 2, p95Ms: 100 });
    expect(health.assess(T0).state).toBe("healthy");
  });

  it("forgets samples older than the window, and keeps those exactly at its edge", () => {
    const health = windowWith({ windowMs: 60_000, minSamples: 5 });
    for (let index = 0; index < 5; index++) health.record(sample("server", { at: T0 }));
    for (let index = 0; index < 5; index++) health.recordConfidence(0.1, T0);
    for (let index = 0; index < 5; index++) health.record(sample("ok", { at: T0 + 30_000 }));
    expect(health.assess(T0 + 30_000).state).toBe("degraded");
    expect(health.stats(T0 + 60_000).samples).toBe(10);
    const later = T0 + 60_001;
    expect(health.stats(later)).toMatchObject({ samples: 5, serverErrorRate: 0, meanConfidence: null });
    expect(health.assess(later).state).toBe("healthy");
    expect(health.stats(T0 + 90_001).samples).toBe(0);
  });

  it("clears everything", () => {
    const health = windowWith();
    fill(health, "server", 10, 10);
    for (let index = 0; index < 5; index++) health.recordConfidence(0.1, T0);
    expect(health.assess(T0).state).toBe("down");
    health.clear();
    expect(health.stats(T0)).toMatchObject({ samples: 0, confidenceSamples: 0 });
    expect(health.assess(T0).state).toBe("healthy");
  });

  it("keeps a bounded number of samples", () => {
    const health = windowWith();
    for (let index = 0; index < 2500; index++) health.record(sample("ok"));
    expect(health.stats(T0).samples).toBe(2000);
  });
});

describe("quality judged across clients", () => {
  const failing = (client: string | null, suspect = false) => sample("invalid_output", { client, suspect });

  it("leaves out the answers to texts the injection check flags, but not their speed or errors", () => {
    const health = windowWith({ minSamples: 3 });
    for (const client of ["a", "b", "c"]) health.record(failing(client, true));
    expect(health.stats(T0)).toMatchObject({ samples: 3, invalidJsonRate: 0 });
    expect(health.assess(T0).state).toBe("healthy");
    for (const client of ["a", "b", "c"]) health.record(sample("timeout", { client, suspect: true }));
    expect(health.assess(T0).reasons).toEqual(["timeouts 50% > 5.0%"]);
  });

  it("degrades on invalid JSON only once qualityMinClients distinct clients failed", () => {
    const health = windowWith({ minSamples: 3, qualityMinClients: 3 });
    for (let index = 0; index < 10; index++) health.record(failing("a"));
    health.record(failing("b"));
    expect(health.stats(T0).invalidJsonRate).toBe(1);
    expect(health.assess(T0).state).toBe("healthy");
    health.record(failing("c"));
    expect(health.assess(T0)).toEqual({ state: "degraded", reasons: ["invalid JSON 100% > 10%"] });
  });

  it("judges failures of an unknown client as before clients were told apart", () => {
    const health = windowWith({ minSamples: 3, qualityMinClients: 3 });
    for (let index = 0; index < 3; index++) health.record(failing("a"));
    health.record(failing(null));
    expect(health.assess(T0).state).toBe("degraded");
  });

  it("tells clients apart by their first 64 characters only", () => {
    const health = windowWith({ minSamples: 3, qualityMinClients: 2 });
    const long = "x".repeat(64);
    health.record(failing(`${long}1`));
    health.record(failing(`${long}2`));
    health.record(failing(`${long}3`));
    expect(health.assess(T0).state).toBe("healthy");
  });

  it("degrades on low confidence only from several clients, and never from flagged texts", () => {
    const health = windowWith({ minSamples: 3, qualityMinClients: 2 });
    for (let index = 0; index < 5; index++) health.recordConfidence(0.2, T0, { client: "a", suspect: false });
    for (let index = 0; index < 5; index++) health.recordConfidence(0.2, T0, { client: "b", suspect: true });
    expect(health.stats(T0)).toMatchObject({ confidenceSamples: 5, meanConfidence: 0.2 });
    expect(health.assess(T0).state).toBe("healthy");
    health.recordConfidence(0.2, T0, { client: "b", suspect: false });
    expect(health.assess(T0)).toEqual({ state: "degraded", reasons: ["mean confidence 0.20 < 0.7"] });
  });
});

describe("a health window in a fleet (src/shared/)", () => {
  it("tells the calls it records, not those another instance made, and counts both", () => {
    const told: CallSample[] = [];
    const health = new HealthWindow(defaults, (call) => told.push(call));
    health.record(sample("ok"));
    health.record(sample("cancelled"));
    health.adopt(sample("server"));
    expect(told).toEqual([sample("ok")]);
    expect(health.stats(T0)).toMatchObject({ samples: 2, serverErrorRate: 0.5 });
  });

  it("keeps another instance's earlier call in time order, so the window forgets it on time", () => {
    const health = windowWith();
    health.record(sample("ok", { at: T0 + 10_000 }));
    health.adopt(sample("server", { at: T0 }));
    expect(health.stats(T0 + defaults.windowMs + 1).samples).toBe(1);
    expect(health.stats(T0 + defaults.windowMs + 1).serverErrorRate).toBe(0);
  });
});
