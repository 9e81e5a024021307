// The incident manager opening incidents (the router out of healthy for openAfterMs, just under and at; a
// rollback at once), and reading their types, providers and mitigations from the router and the window.
import { describe, expect, it } from "vitest";
import {
  call,
  harness,
  openIncident,
  request,
  requests,
  SETTINGS,
  T0,
} from "../../test/support/incident-manager.js";
import { ModelRegistry } from "../registry/model-registry.js";
import { EVENT_LEAD_MS } from "./incident-update.js";

const { openAfterMs } = SETTINGS;

describe("opening", () => {
  it("opens once the router stayed out of healthy openAfterMs, not before", async () => {
    const test = harness();
    test.router.current = "degraded";
    await test.at(0);
    await test.at(openAfterMs - 1);
    expect(test.manager.status().open).toBe(false);
    expect(await test.store.listIncidents(10)).toEqual([]);
    await test.at(openAfterMs);
    expect(test.manager.status()).toEqual({ open: true, severity: "P4", state: "investigating", types: [] });
    const stored = await test.stored();
    expect(stored).toMatchObject({
      trigger: "router",
      state: "investigating",
      severity: "P4",
      resolvedAt: null,
    });
    expect(stored.id).toMatch(/^inc_[0-9a-f]{16}$/);
    expect(stored.openedAt).toBe(new Date(T0 + openAfterMs).toISOString());
    expect(stored.nextUpdateAt).toBe(new Date(T0 + openAfterMs + SETTINGS.updateEveryMs).toISOString());
    expect(stored.timeline[0]).toMatchObject({ event: "opened", state: "investigating", severity: "P4" });
    expect(test.notified.map((change) => change.kind)).toEqual(["opened"]);
  });

  it("opens none for a blip: the hold starts again after a healthy tick", async () => {
    const test = harness();
    test.router.current = "degraded";
    await test.at(0);
    test.router.current = "healthy";
    await test.at(openAfterMs - 1);
    test.router.current = "down";
    await test.at(openAfterMs);
    await test.at(2 * openAfterMs - 1);
    expect(test.manager.status().open).toBe(false);
    await test.at(2 * openAfterMs);
    expect(test.manager.status().open).toBe(true);
  });

  it("opens with the severity the window reads: every LLM reading failing is P1", async () => {
    const test = harness();
    requests(test.manager, 10, { llmAnswered: false });
    await openIncident(test);
    expect(test.manager.status().severity).toBe("P1");
    expect((await test.stored()).basis).toMatchObject({
      llm: "P1",
      service: null,
      llmErrorRate: 1,
      serviceErrorRate: 0,
    });
  });

  it("opens at once on a rollback, with the fine-tuned model, the low-quality type and the mitigation", async () => {
    const registry = new ModelRegistry(
      { parsing: { finetuned: { provider: "qwen", model: "qwen-ft" }, rolloutPercent: 0 } },
      { defaults: { maxTokens: 400, temperature: 0 } },
    );
    const test = harness({ registry });
    test.manager.recordRollback("parsing", "error rate 30% vs baseline 2%");
    await test.at(0);
    const stored = await test.stored();
    expect(stored).toMatchObject({
      trigger: "rollback",
      types: ["low_quality"],
      providers: [{ provider: "qwen", model: "qwen-ft" }],
    });
    expect(stored.mitigations).toEqual([
      {
        kind: "rollout_rolled_back",
        at: new Date(T0).toISOString(),
        provider: "qwen",
        model: "qwen-ft",
        detail: "parsing: qwen (qwen-ft) rolled back to 0% (error rate 30% vs baseline 2%)",
      },
    ]);
    expect(stored.comparison).toEqual([
      expect.objectContaining({
        agent: "parsing",
        finetuned: { provider: "qwen", model: "qwen-ft" },
        rolloutPercent: 0,
      }),
    ]);
  });

  it("takes a rollback into the incident already open", async () => {
    const test = harness();
    await openIncident(test);
    test.manager.recordRollback("parsing", "mean confidence 0.5 vs baseline 0.9");
    await test.at(openAfterMs + 1);
    const stored = await test.stored();
    expect(stored.trigger).toBe("router");
    expect(stored.types).toContain("low_quality");
    expect(stored.mitigations.map((mitigation) => mitigation.kind)).toContain("rollout_rolled_back");
  });

  it("ignores a rollback of an agent the registry does not have", async () => {
    const test = harness();
    test.manager.recordRollback("geo" as never, "no such agent");
    await test.at(0);
    expect(test.manager.status().open).toBe(false);
  });
});

describe("types and providers", () => {
  it.each([
    ["p95 6.2 s > 5.0 s", "high_latency"],
    ["timeouts 8.0% > 5.0%", "high_latency"],
    ["429s 3.0% > 1.0%", "rate_limiting"],
    ["rate limited until 2030-01-01T09:01:00.000Z", "rate_limiting"],
    ["invalid JSON 30% > 10%", "low_quality"],
    ["mean confidence 0.62 < 0.7", "low_quality"],
    ["circuit breaker open", "service_down"],
    ["5xx and connection errors 100% > 50%", "service_down"],
  ])("the router's reason %j reads %s", async (reason, type) => {
    const test = harness();
    test.router.current = "degraded";
    test.router.set("qwen", { state: "degraded", reasons: [reason] });
    await test.at(0);
    await test.at(openAfterMs);
    const stored = await test.stored();
    expect(stored.types).toEqual([type]);
    expect(stored.providers).toEqual([{ provider: "qwen", model: "qwen-plus" }]);
    expect(stored.timeline).toContainEqual(
      expect.objectContaining({ event: "type", type, detail: `${type}: qwen (qwen-plus) ${reason}` }),
    );
  });

  it("keeps each type once, several at a time, and adds the providers that leave healthy later", async () => {
    const test = harness();
    test.router.current = "degraded";
    test.router.set("qwen", { state: "degraded", reasons: ["p95 6.2 s > 5.0 s", "timeouts 8.0% > 5.0%"] });
    await test.at(0);
    await test.at(openAfterMs);
    test.router.current = "down";
    test.router.set("anthropic", { state: "down", reasons: ["circuit breaker open", "p95 11 s > 10 s"] });
    await test.at(openAfterMs + 1);
    await test.at(openAfterMs + 2);
    const stored = await test.stored();
    expect(stored.types).toEqual(["high_latency", "service_down"]);
    expect(stored.providers.map((target) => target.provider)).toEqual(["qwen", "anthropic"]);
    expect(stored.timeline.filter((entry) => entry.event === "type")).toHaveLength(2);
  });

  it("reads types from the window's calls: slow, timing out, rate limited, invalid, failing", async () => {
    const cases = [
      [call({ durationMs: 5001 }), "high_latency"],
      [call({ outcome: "timeout", status: "timeout" }), "high_latency"],
      [call({ outcome: "rate_limited", status: "429", answers: 0 }), "rate_limiting"],
      [call({ outcome: "invalid_output", invalidAnswers: 1 }), "low_quality"],
      [call({ outcome: "connection", status: "connection", answers: 0 }), "service_down"],
    ] as const;
    for (const [failing, type] of cases) {
      const test = harness();
      test.manager.recordCall(failing);
      await openIncident(test);
      expect((await test.stored()).types).toContain(type);
      expect((await test.stored()).types).not.toContain(
        type === "service_down" ? "rate_limiting" : ("service_down_" as never),
      );
    }
  });

  it("reads no type from a window at the thresholds", async () => {
    const test = harness();
    // 100 calls: a p95 of 5 s exactly, one 429 (1%), 10 invalid answers of 100 (10%, a re-ask makes two).
    test.manager.recordCall(call({ outcome: "rate_limited", status: "429", answers: 0 }));
    for (let index = 0; index < 99; index++) {
      test.manager.recordCall(
        call({ durationMs: 5000, answers: index === 0 ? 2 : 1, invalidAnswers: index < 10 ? 1 : 0 }),
      );
    }
    test.router.current = "degraded";
    await test.at(0);
    await test.at(openAfterMs);
    expect((await test.stored()).types).toEqual([]);
  });
});

describe("mitigations", () => {
  const kinds = async (test: ReturnType<typeof harness>) =>
    (await test.stored()).mitigations.map((mitigation) => mitigation.kind);

  it("a breaker opened, at the time the router told it, and the failover to the provider that answers", async () => {
    const test = harness();
    test.router.current = "degraded";
    await test.at(0);
    test.move(1000);
    test.manager.recordRouterEvent({ event: "breaker_opened", provider: "qwen", model: "qwen-plus" });
    test.router.set("qwen", { state: "down", breaker: "open", reasons: ["circuit breaker open"] });
    await test.at(openAfterMs);
    expect((await test.stored()).mitigations[0]).toMatchObject({
      kind: "breaker_opened",
      at: new Date(T0 + 1000).toISOString(),
      provider: "qwen",
      model: "qwen-plus",
    });
    test.manager.recordCall(call({ provider: "anthropic", model: "claude-haiku" }));
    await test.at(openAfterMs + 1);
    const failover = (await test.stored()).mitigations.find((mitigation) => mitigation.kind === "failover");
    expect(failover).toMatchObject({ kind: "failover", provider: "anthropic", model: "claude-haiku" });
    expect(failover?.detail).toBe(
      "requests answered by anthropic (claude-haiku) instead of qwen (qwen-plus)",
    );
  });

  it("no failover while only the failing provider answers", async () => {
    const test = harness();
    await openIncident(test);
    test.manager.recordCall(call());
    await test.at(openAfterMs + 1);
    expect(await kinds(test)).not.toContain("failover");
  });

  it("a 429 pause, conservation mode switched on by itself, the minimal sequence, the rules reader", async () => {
    const test = harness();
    test.router.current = "degraded";
    test.router.set("qwen", { state: "degraded", pausedUntil: new Date(T0 + 60_000).toISOString() });
    test.router.conservation = "rate_limit";
    await test.at(0);
    await test.at(openAfterMs);
    expect(await kinds(test)).toEqual(["rate_limit_pause", "conservation_on", "degraded_sequence"]);
    test.router.current = "down";
    await test.at(openAfterMs + 1);
    expect(await kinds(test)).toEqual([
      "rate_limit_pause",
      "conservation_on",
      "degraded_sequence",
      "rules_fallback",
    ]);
  });

  it("a 429 told just before the router was seen out of healthy is the incident's, one older is not", async () => {
    const paused = harness();
    paused.move(-EVENT_LEAD_MS);
    paused.manager.recordRouterEvent({ event: "rate_limited", provider: "qwen", model: "qwen-plus" });
    paused.router.current = "degraded";
    await paused.at(0);
    // The pause it caused is over by the time the incident opens.
    await paused.at(openAfterMs);
    const { mitigations } = await paused.stored();
    expect(mitigations.find((mitigation) => mitigation.kind === "rate_limit_pause")).toMatchObject({
      at: new Date(T0 - EVENT_LEAD_MS).toISOString(),
      provider: "qwen",
    });
    const stale = harness();
    stale.move(-EVENT_LEAD_MS - 1);
    stale.manager.recordRouterEvent({ event: "rate_limited", provider: "qwen", model: "qwen-plus" });
    stale.router.current = "degraded";
    await stale.at(0);
    await stale.at(openAfterMs);
    expect(await kinds(stale)).not.toContain("rate_limit_pause");
  });

  it("reads by rules as a mitigation when requests wanting an LLM were read by rules", async () => {
    const test = harness();
    await openIncident(test);
    test.manager.recordRequest(request({ llmAnswered: false }));
    await test.at(openAfterMs + 1);
    expect(await kinds(test)).toContain("rules_fallback");
  });

  it("an operator's conservation or forced degraded mode is not the service's mitigation", async () => {
    const test = harness();
    test.router.current = "degraded";
    test.router.forcedDegraded = true;
    test.router.conservation = "admin";
    await test.at(0);
    await test.at(openAfterMs);
    expect(await kinds(test)).toEqual([]);
  });

  it("each kind once per incident, with its first time", async () => {
    const test = harness();
    await openIncident(test);
    const first = (await test.stored()).mitigations;
    test.manager.recordRouterEvent({ event: "breaker_opened", provider: "qwen", model: "qwen-plus" });
    test.manager.recordRouterEvent({ event: "breaker_opened", provider: "anthropic", model: "claude-haiku" });
    test.router.set("anthropic", { state: "down", breaker: "open" });
    await test.at(openAfterMs + 1);
    expect((await test.stored()).mitigations).toEqual(first);
    expect((await test.stored()).timeline.filter((entry) => entry.event === "mitigation")).toHaveLength(
      first.length,
    );
  });

  it("events and calls of targets the router does not have leave no trace", async () => {
    const test = harness();
    test.manager.recordRouterEvent({ event: "breaker_opened", provider: "openai", model: "gpt-x" });
    test.manager.recordCall(call({ provider: "openai", model: "gpt-x" }));
    await openIncident(test);
    test.manager.recordCall(call({ provider: "openai", model: "gpt-x" }));
    await test.at(openAfterMs + 1);
    const stored = await test.stored();
    expect(stored.providers.map((target) => target.provider)).toEqual(["qwen"]);
    expect(stored.mitigations.map((mitigation) => mitigation.kind)).toEqual([
      "breaker_opened",
      "degraded_sequence",
    ]);
  });
});
