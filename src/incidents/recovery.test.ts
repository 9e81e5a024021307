// The recovery check against the project's simulator over HTTP, each provider through its official SDK:
// the rate-limit headers each one sends (none from a self-hosted server), a slow provider, one answering
// nonsense, a quota spent by a 429 storm and refilled, and every check passing.
import { describe, expect, it } from "vitest";
import { type SimulatorScope, useSimulatorScope } from "../../test/support/simulator.js";
import { readConfig } from "../config.js";
import { createProviders } from "../providers/index.js";
import type { ProviderName } from "../providers/types.js";
import { createRouter } from "../router/index.js";
import type { LlmRouter } from "../router/router.js";
import { RouterRecoveryChecker } from "./recovery.js";
import { RECOVERY_CASES } from "./recovery-cases.js";
import type { RecoveryLimits } from "./recovery-verdict.js";
import type { RecoveryReport } from "./types.js";

const simulator = useSimulatorScope({ seed: 19, resetAfterEach: true });

/** A window long enough that nothing refills while a test runs. */
const HOUR = 3_600_000;
const HOSTED = ["qwen", "openai", "anthropic", "mistral"] as const;

function routerOn(scope: SimulatorScope, environment: Record<string, string> = {}): LlmRouter {
  const config = readConfig({
    QWEN_API_KEY: "sk-test",
    QWEN_BASE_URL: scope.baseUrls.qwen,
    OPENAI_API_KEY: "sk-test",
    OPENAI_BASE_URL: scope.baseUrls.openai,
    ANTHROPIC_API_KEY: "sk-ant-test",
    ANTHROPIC_BASE_URL: scope.baseUrls.anthropic,
    MISTRAL_API_KEY: "test",
    MISTRAL_BASE_URL: scope.baseUrls.mistral,
    OPENAI_COMPATIBLE_BASE_URL: scope.baseUrls["openai-compatible"],
    OPENAI_COMPATIBLE_MODEL: "llama3.1:8b",
    ...environment,
  });
  const router = createRouter(config, createProviders(config.llm.providers));
  if (router === null) throw new Error("no router");
  return router;
}

function checker(router: LlmRouter, options: { cases?: number; limits?: Partial<RecoveryLimits> } = {}) {
  return new RouterRecoveryChecker({
    router,
    ...(options.cases === undefined ? {} : { cases: RECOVERY_CASES.slice(0, options.cases) }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
}

const part = (report: RecoveryReport, provider: ProviderName) =>
  report.providers.find((entry) => entry.provider === provider);

describe("RouterRecoveryChecker", () => {
  it("passes every configured provider that answers well, reading each one's quota from its headers", async () => {
    for (const provider of HOSTED)
      await simulator.setQuota(provider, { limit: 1000, windowMs: HOUR, remaining: 1000 });
    const router = routerOn(simulator);

    const report = await checker(router).check();

    expect(report.reasons).toEqual([]);
    expect(report.verdict).toBe("passed");
    expect(report.providers.map((entry) => entry.provider)).toEqual([...HOSTED, "openai-compatible"]);
    for (const entry of report.providers) {
      expect(entry).toMatchObject({ cases: 8, answered: 8, passed: true });
      expect(entry.latency).toMatchObject({ limitMs: 5000, passed: true });
      expect(entry.confidence.mean).toBeGreaterThan(0.8);
      expect(entry.agreement).toEqual({ rate: 1, minimum: 0.8, passed: true });
    }
    for (const provider of HOSTED) {
      // Eight cases, one call each: what the provider's last answer said is left.
      expect(part(report, provider)?.quota).toEqual({
        remaining: 992,
        minimum: 50,
        known: true,
        passed: true,
      });
      const target = router.snapshot().providers.find((entry) => entry.provider === provider);
      expect(target?.rateLimit).toMatchObject({ remainingRequests: 992, limitRequests: 1000 });
    }
    // A self-hosted server sends no rate-limit headers: unknown, and it cannot hold the check back.
    expect(part(report, "openai-compatible")?.quota).toEqual({
      remaining: null,
      minimum: 50,
      known: false,
      passed: true,
    });
  });

  it("checks only the providers it is given, each through its own calls", async () => {
    const router = routerOn(simulator);

    const report = await checker(router, { cases: 2 }).check(["anthropic"]);

    expect(report.providers.map((entry) => entry.provider)).toEqual(["anthropic"]);
    const attempts = await simulator.attempts();
    expect(attempts.map((attempt) => attempt.provider)).toEqual(["anthropic", "anthropic"]);
    expect(attempts.every((attempt) => attempt.requestId?.startsWith("recovery-"))).toBe(true);
  });

  it("fails a slow provider on latency, and only on latency", async () => {
    await simulator.setFaults("qwen", undefined, [{ kind: "slowFirstByte", ms: 1_500 }]);
    // Reduced timings: a 1 s limit against answers held 1.5 s.
    const report = await checker(routerOn(simulator), { cases: 2, limits: { latencyMs: 1_000 } }).check([
      "qwen",
    ]);

    const qwen = part(report, "qwen")!;
    expect(report.verdict).toBe("failed");
    expect(qwen.latency.passed).toBe(false);
    expect(qwen.latency.p95Ms).toBeGreaterThanOrEqual(1_500);
    expect([qwen.confidence.passed, qwen.agreement.passed, qwen.quota.passed]).toEqual([true, true, true]);
    expect(report.reasons).toEqual([
      expect.stringMatching(/^qwen\/qwen[^:]*: p95 latency \d+ ms, not under 1000 ms$/),
    ]);
  });

  it("fails a provider answering nonsense on agreement with the rules and on confidence", async () => {
    await simulator.setFaults("mistral", undefined, [{ kind: "lowQuality" }]);

    const report = await checker(routerOn(simulator)).check(["mistral"]);

    const mistral = part(report, "mistral")!;
    expect(report.verdict).toBe("failed");
    expect(mistral.answered).toBe(8);
    expect(mistral.agreement).toEqual({ rate: 0, minimum: 0.8, passed: false });
    expect(mistral.confidence.passed).toBe(false);
    expect(mistral.confidence.mean).toBeLessThanOrEqual(0.8);
  });

  it("ends at its deadline: a hung provider's cases are cut and count as not answered", async () => {
    await simulator.setFaults("anthropic", undefined, [{ kind: "hang" }]);
    const bounded = new RouterRecoveryChecker({ router: routerOn(simulator), deadlineMs: 300 });

    const report = await bounded.check(["anthropic"]);

    expect(part(report, "anthropic")).toMatchObject({ cases: 8, answered: 0, passed: false });
    expect(await simulator.attempts()).toHaveLength(1);
  });

  it("holds a provider back until its quota, spent by a 429 storm, is refilled", async () => {
    await simulator.setQuota("qwen", { limit: 100, windowMs: HOUR, remaining: 100 });
    const router = routerOn(simulator, { LLM_RATE_LIMIT_PAUSE_MS: "10", LLM_MAX_ATTEMPTS: "1" });
    const check = () => checker(router, { cases: 2 }).check(["qwen"]);

    await simulator.setFaults("qwen", undefined, [{ kind: "rateLimit" }]);
    const storm = await check();
    expect(part(storm, "qwen")).toMatchObject({
      answered: 0,
      quota: { remaining: 0, known: true, passed: false },
    });

    // The storm is over, but the window is still spent: every other check passes, the quota does not.
    await simulator.clearFaults();
    const spent = await check();
    expect(part(spent, "qwen")).toMatchObject({ answered: 2, quota: { remaining: 0, passed: false } });
    expect(spent.reasons).toEqual(["qwen/qwen-plus: 0 requests left, not over 50"]);

    await simulator.setQuota("qwen", { remaining: 100 });
    const refilled = await check();
    expect(refilled.verdict).toBe("passed");
    expect(part(refilled, "qwen")?.quota).toEqual({ remaining: 98, minimum: 50, known: true, passed: true });
  });
});
