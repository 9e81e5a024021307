// The model registry: the rollout split and its stickiness over 10 000 simulated users, the kill switch,
// attribution of calls to variants, the comparison, and the automatic rollback (significantly worse error
// rate or confidence over a minimum sample) with the clock injected.
import { describe, expect, it } from "vitest";
import type { CallRecord } from "../router/router.js";
import { bucketOf, ModelRegistry } from "./model-registry.js";

const DEFAULTS = { maxTokens: 400, temperature: 0 };
const FINETUNED = { provider: "qwen" as const, model: "qwen-ft-parsing" };
const USERS = Array.from({ length: 10_000 }, (_, index) => `user-${index}`);

function registryWith(
  rolloutPercent: number,
  extra: Partial<{ autoRollback: boolean }> = {},
  clock = () => 0,
) {
  return new ModelRegistry(
    { parsing: { finetuned: { ...FINETUNED, maxTokens: 300, temperature: 0.2 }, rolloutPercent, ...extra } },
    { defaults: DEFAULTS, rollbackMinSamples: 50, windowMs: 60_000, clock },
  );
}

function call(model: string, outcome: CallRecord["outcome"] = "ok", durationMs = 100): CallRecord {
  return {
    provider: "qwen",
    model,
    outcome,
    status: outcome === "ok" ? "2xx" : "5xx",
    durationMs,
    inputTokens: 100,
    outputTokens: 20,
    answers: outcome === "ok" ? 1 : 0,
    invalidAnswers: 0,
    requestId: "r",
    costUsd: 0.0001,
  };
}

describe("assignment", () => {
  it.each([1, 10, 50, 90])(
    "puts %i%% of 10 000 users on the fine-tuned model, within one point",
    (percent) => {
      const registry = registryWith(percent);
      const share =
        USERS.filter((user) => registry.assign("parsing", user).variant === "finetuned").length / 100;
      expect(Math.abs(share - percent)).toBeLessThanOrEqual(1);
    },
  );

  it("keeps every user on the same variant, request after request", () => {
    const registry = registryWith(25);
    const first = USERS.map((user) => registry.assign("parsing", user).variant);
    for (let round = 0; round < 3; round++) {
      expect(USERS.map((user) => registry.assign("parsing", user).variant)).toEqual(first);
    }
  });

  it("only adds users when the rollout grows, and only removes them when it shrinks", () => {
    const registry = registryWith(10);
    const at10 = new Set(USERS.filter((user) => registry.assign("parsing", user).variant === "finetuned"));
    registry.update("parsing", { rolloutPercent: 30 });
    const at30 = new Set(USERS.filter((user) => registry.assign("parsing", user).variant === "finetuned"));
    for (const user of at10) expect(at30.has(user)).toBe(true);
    expect(at30.size).toBeGreaterThan(at10.size);
  });

  it("gives the fine-tuned variant its model and settings, the baseline the router's choice", () => {
    const registry = registryWith(100);
    expect(registry.assign("parsing", "anyone")).toEqual({
      variant: "finetuned",
      pin: FINETUNED,
      maxTokens: 300,
      temperature: 0.2,
    });
    registry.update("parsing", { rolloutPercent: 0, baseline: { maxTokens: 350 } });
    expect(registry.assign("parsing", "anyone")).toEqual({
      variant: "baseline",
      pin: null,
      maxTokens: 350,
      temperature: 0,
    });
  });

  it("switches everyone to the baseline with the kill switch, on the next assignment", () => {
    const registry = registryWith(100);
    expect(registry.assign("parsing", "user-1").variant).toBe("finetuned");
    registry.update("parsing", { useFinetuned: false });
    expect(USERS.some((user) => registry.assign("parsing", user).variant === "finetuned")).toBe(false);
    registry.update("parsing", { useFinetuned: true });
    expect(registry.assign("parsing", "user-1").variant).toBe("finetuned");
  });

  it("spreads buckets evenly over [0, 100)", () => {
    const counts = new Array(10).fill(0);
    for (const user of USERS) counts[Math.floor(bucketOf(`parsing:${user}`) / 10)]++;
    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(100);
  });
});

describe("comparison and rollback", () => {
  it("attributes calls by model and compares the variants", () => {
    const registry = registryWith(50, { autoRollback: false });
    for (let index = 0; index < 10; index++)
      registry.recordCall("parsing", call("qwen-plus", "ok", 100 + index));
    registry.recordCall("parsing", call(FINETUNED.model, "server", 900));
    registry.recordCall("parsing", call(FINETUNED.model, "ok", 300));
    registry.recordConfidence("parsing", "qwen", "qwen-plus", 0.99);
    registry.recordConfidence("parsing", "qwen", FINETUNED.model, 0.81);
    const { agents } = registry.compare();
    expect(agents.parsing!.variants.baseline).toMatchObject({
      requests: 10,
      p50Ms: 104,
      p95Ms: 109,
      errorRate: 0,
      meanConfidence: 0.99,
      costUsd: 0.001,
    });
    expect(agents.parsing!.variants.finetuned).toMatchObject({
      requests: 2,
      errorRate: 0.5,
      meanConfidence: 0.81,
    });
  });

  it("counts no call cut short by Cita (a hedge that lost): it says nothing of either variant", () => {
    const registry = registryWith(50);
    for (let index = 0; index < 60; index++) {
      registry.recordCall("parsing", call("qwen-plus"));
      registry.recordCall("parsing", call(FINETUNED.model, "cancelled"));
    }
    const { agents } = registry.compare();
    expect(agents.parsing!.variants.finetuned.requests).toBe(0);
    expect(agents.parsing!.variants.baseline.requests).toBe(60);
    expect(agents.parsing!.rolloutPercent).toBe(50);
  });

  it("rolls back a fine-tuned variant whose error rate is significantly worse, and says why", () => {
    const reasons: string[] = [];
    let now = 0;
    const registry = new ModelRegistry(
      { parsing: { finetuned: FINETUNED, rolloutPercent: 20 } },
      {
        defaults: DEFAULTS,
        rollbackMinSamples: 50,
        clock: () => now,
        onRollback: (_, reason) => reasons.push(reason),
      },
    );
    for (let index = 0; index < 200; index++)
      registry.recordCall("parsing", call("qwen-plus", index % 50 === 0 ? "server" : "ok"));
    for (let index = 0; index < 49; index++) {
      now += 10;
      registry.recordCall("parsing", call(FINETUNED.model, index % 4 === 0 ? "server" : "ok"));
    }
    // 49 calls: under the minimum sample, no verdict yet.
    expect(registry.get("parsing").rolloutPercent).toBe(20);
    registry.recordCall("parsing", call(FINETUNED.model, "server"));
    const models = registry.get("parsing");
    expect(models.rolloutPercent).toBe(0);
    expect(models.rolledBack?.reason).toMatch(/^error rate 28\.0% vs baseline 2\.0% over 50 and 200 calls/);
    expect(reasons).toHaveLength(1);
    expect(registry.assign("parsing", "user-1").variant).toBe("baseline");
    // A new rollout by an operator clears the verdict.
    registry.update("parsing", { rolloutPercent: 5 });
    expect(registry.get("parsing").rolledBack).toBeNull();
  });

  it("rolls back on a significantly lower confidence", () => {
    const registry = registryWith(20);
    for (let index = 0; index < 60; index++) {
      registry.recordConfidence("parsing", "qwen", "qwen-plus", index % 2 === 0 ? 0.99 : 0.95);
      registry.recordConfidence("parsing", "qwen", FINETUNED.model, index % 2 === 0 ? 0.81 : 0.69);
    }
    expect(registry.get("parsing").rolledBack?.reason).toMatch(/^mean confidence 0\.75 vs baseline 0\.97/);
  });

  it("keeps a fine-tuned variant that is no worse, or only slightly and not significantly worse", () => {
    const registry = registryWith(20);
    for (let index = 0; index < 300; index++) {
      registry.recordCall("parsing", call("qwen-plus", index % 20 === 0 ? "server" : "ok"));
      registry.recordCall("parsing", call(FINETUNED.model, index % 15 === 0 ? "server" : "ok"));
      registry.recordConfidence("parsing", "qwen", "qwen-plus", 0.95);
      registry.recordConfidence("parsing", "qwen", FINETUNED.model, index % 3 === 0 ? 0.81 : 0.99);
    }
    expect(registry.get("parsing")).toMatchObject({ rolloutPercent: 20, rolledBack: null });
  });

  it("does not roll back with autoRollback off, and forgets samples older than the window", () => {
    let now = 0;
    const registry = registryWith(20, { autoRollback: false }, () => now);
    for (let index = 0; index < 100; index++) {
      registry.recordCall("parsing", call("qwen-plus"));
      registry.recordCall("parsing", call(FINETUNED.model, "server"));
    }
    expect(registry.get("parsing").rolloutPercent).toBe(20);
    now = 60_001;
    expect(registry.compare().agents.parsing!.variants.finetuned.requests).toBe(0);
  });
});
