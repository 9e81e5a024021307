// Target selection through the router: weighted choice, the preferred provider, healthy before degraded,
// the Parsing model (selection.ts, over scripted providers and an injected clock: test/support/scripted-router.ts).
import { describe, expect, it } from "vitest";
import {
  FakeProvider,
  fail,
  later,
  makeRouter,
  ok,
  run,
  seeded,
  structuredCall,
  target,
  useFakeClock,
} from "../../test/support/scripted-router.js";
import { LlmRouter } from "./router.js";
import { weightsFor } from "./selection.js";
import { DEFAULT_ROUTER_SETTINGS } from "./settings.js";

useFakeClock();

describe("routing", () => {
  it("chooses by weight among healthy providers (70/20/10 over 10 000 requests)", async () => {
    const providers = [
      new FakeProvider("qwen", [ok()]),
      new FakeProvider("openai", [ok()]),
      new FakeProvider("anthropic", [ok()]),
    ];
    const { router } = makeRouter(providers, {
      weights: { qwen: 70, openai: 20, anthropic: 10 },
      settings: { hedgeBudget: 0 },
      // A short window, so ten thousand samples do not pile up (the time moves on after each request).
      health: { windowMs: 100 },
      random: seeded(20_300_101),
    });
    for (let index = 0; index < 10_000; index++) {
      const outcome = await router.complete(structuredCall());
      expect(outcome.calls).toBe(1);
      later(200);
    }
    const shares = providers.map((provider) => provider.calls.length / 10_000);
    expect(shares[0]).toBeCloseTo(0.7, 1);
    expect(Math.abs(shares[0]! - 0.7)).toBeLessThan(0.02);
    expect(Math.abs(shares[1]! - 0.2)).toBeLessThan(0.02);
    expect(Math.abs(shares[2]! - 0.1)).toBeLessThan(0.02);
  });

  it("gives providers not named an equal share of what the named ones leave; 0 makes a last resort", () => {
    expect(weightsFor(["qwen", "openai", "anthropic"], {})).toEqual([1, 1, 1]);
    expect(weightsFor(["qwen", "openai", "anthropic"], { qwen: 60 })).toEqual([60, 20, 20]);
    expect(weightsFor(["qwen", "openai"], { qwen: 100 })).toEqual([100, 0]);
    expect(weightsFor(["qwen", "openai"], { qwen: 70, openai: 20 })).toEqual([70, 20]);
    expect(weightsFor(["qwen", "openai"], { qwen: 150 })).toEqual([150, 0]);
  });

  it("never picks a provider of weight 0 while one with weight is there", async () => {
    const providers = [new FakeProvider("qwen", [ok()]), new FakeProvider("openai", [ok()])];
    const { router } = makeRouter(providers, { weights: { qwen: 100, openai: 0 } });
    for (let index = 0; index < 200; index++) await run(router);
    expect(providers[1]!.calls).toHaveLength(0);
  });

  it("sends everything to the preferred provider while it is healthy, then by weight among the healthy", async () => {
    const providers = [
      new FakeProvider("qwen", [ok()]),
      new FakeProvider("openai", [ok()]),
      new FakeProvider("anthropic", [ok()]),
    ];
    const { router } = makeRouter(providers, {
      weights: { qwen: 70, openai: 20, anthropic: 10 },
      preferred: "openai",
    });
    for (let index = 0; index < 50; index++) await run(router);
    expect(providers.map((provider) => provider.calls.length)).toEqual([0, 50, 0]);
    for (let index = 0; index < 5; index++) router.recordConfidence("openai", "openai-model", 0.2);
    expect(target(router, "openai").state).toBe("degraded");
    for (let index = 0; index < 100; index++) await run(router);
    expect(providers[1]!.calls).toHaveLength(50);
    expect(providers[0]!.calls.length).toBeGreaterThan(providers[2]!.calls.length);
    expect(providers[0]!.calls.length + providers[2]!.calls.length).toBe(100);
  });

  it("prefers healthy providers over degraded ones whatever the weights, and uses degraded ones when all are", async () => {
    const providers = [new FakeProvider("qwen", [ok()]), new FakeProvider("openai", [ok()])];
    const { router } = makeRouter(providers, { weights: { qwen: 100, openai: 0 } });
    for (let index = 0; index < 5; index++) router.recordConfidence("qwen", "qwen-model", 0.3);
    for (let index = 0; index < 20; index++) await run(router);
    expect(providers.map((provider) => provider.calls.length)).toEqual([0, 20]);
    expect(router.state()).toBe("healthy");
    for (let index = 0; index < 5; index++) router.recordConfidence("openai", "openai-model", 0.3);
    expect(router.state()).toBe("degraded");
    for (let index = 0; index < 20; index++) await run(router);
    expect(providers.map((provider) => provider.calls.length)).toEqual([20, 20]);
  });

  it("uses the model chosen for the Parsing agent", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const router = new LlmRouter({
      providers: [qwen],
      settings: DEFAULT_ROUTER_SETTINGS,
      modelFor: () => "qwen-turbo",
      clock: { now: () => Date.now() },
      random: seeded(1),
    });
    const call = structuredCall();
    const outcome = await run(router, call);
    expect(qwen.calls[0]!.request.model).toBe("qwen-turbo");
    expect(outcome.result).toMatchObject({
      provider: "qwen",
      model: "qwen-turbo",
      cache: "bypass",
      calls: 1,
    });
    expect(call.built).toEqual([{ provider: "qwen", model: "qwen-turbo", conservation: false }]);
  });
});

describe("pinned models", () => {
  it("tries a pinned model first, keeping it out of the weighted choice and apart in the snapshot", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], { preferred: "openai" });
    const pinned = await run(router, structuredCall({ pin: { provider: "qwen", model: "qwen-ft" } }));
    expect(pinned.result).toMatchObject({ provider: "qwen", model: "qwen-ft", calls: 1 });
    expect(qwen.calls.map((call) => call.request.model)).toEqual(["qwen-ft"]);
    for (let index = 0; index < 5; index++) expect((await run(router)).result?.provider).toBe("openai");
    router.recordConfidence("qwen", "qwen-ft", 0.2);
    const providers = router.snapshot().providers;
    expect(providers.map((entry) => [entry.provider, entry.model, entry.weight])).toEqual([
      ["qwen", "qwen-model", 1],
      ["openai", "openai-model", 1],
      ["qwen", "qwen-ft", 0],
    ]);
    expect(providers[2]!.stats).toMatchObject({ samples: 1, confidenceSamples: 1 });
    expect(providers[0]!.stats.samples).toBe(0);
  });

  it("routes as usual when the pinned model fails, or names a provider that is not configured", async () => {
    const qwen = new FakeProvider("qwen", [fail("server"), ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], { preferred: "openai" });
    const failedOver = await run(router, structuredCall({ pin: { provider: "qwen", model: "qwen-ft" } }));
    expect(failedOver.result).toMatchObject({ provider: "openai", calls: 2 });
    const unknown = await run(router, structuredCall({ pin: { provider: "mistral", model: "mistral-ft" } }));
    expect(unknown.result).toMatchObject({ provider: "openai", calls: 1 });
    expect(router.snapshot().providers).toHaveLength(3);
  });

  it("uses the routed target when the pin names a routed model, its health shared", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], { preferred: "openai" });
    const outcome = await run(router, structuredCall({ pin: { provider: "qwen", model: "qwen-model" } }));
    expect(outcome.result).toMatchObject({ provider: "qwen", model: "qwen-model" });
    expect(router.snapshot().providers).toHaveLength(2);
    expect(target(router, "qwen").stats.samples).toBe(1);
  });
});
