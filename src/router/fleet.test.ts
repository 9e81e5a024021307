// The router in a fleet, over a shared state whose view the test writes by hand (scripted providers and a
// fake clock: test/support/scripted-router.ts): an opening, a pause or an answer seen elsewhere is acted on
// here without a call; what opens here is told; and a view emptied by a shared store that lost its data
// leaves the breaker as it was, so a provider stays open no longer than the cooldown it was opened for; a
// provider's rate limit is spent by the fleet's calls, and each call's usage is told.
import { describe, expect, it } from "vitest";
import {
  FakeProvider,
  fail,
  later,
  makeRouter,
  ok,
  run,
  structuredCall,
  useFakeClock,
} from "../../test/support/scripted-router.js";
import { embeddedState, type SharedState, type TargetView } from "../shared/state.js";
import { DEFAULT_ROUTER_SETTINGS } from "./settings.js";

useFakeClock();

const COOLDOWN = DEFAULT_ROUTER_SETTINGS.breakerCooldownMs;

/** A fleet's shared state as one instance sees it: the view written by the test, the changes recorded. */
function fleet() {
  const views = new Map<string, TargetView>();
  const told: { target: string; state: string }[] = [];
  const answers = new Map<string, unknown>();
  /** Tokens the other instances took, by bucket, handed over once; and what this one told. */
  const othersTook = new Map<string, number>();
  const tookTokens: { bucket: string; periodMs: number; amount: number | undefined }[] = [];
  const asked: string[] = [];
  const cleared: string[] = [];
  const shared: SharedState = {
    ...embeddedState,
    shared: true,
    target: (target) => views.get(target) ?? { breaker: null, pausedUntil: null },
    breakerChanged: (target, change) => told.push({ target, state: change.state }),
    pauseCleared: (target) => cleared.push(target),
    cachedAnswer: async (key) => {
      asked.push(key);
      return answers.has(key) ? { answer: answers.get(key), ttlMs: 60_000 } : undefined;
    },
    tookToken: (bucket, periodMs, amount) => tookTokens.push({ bucket, periodMs, amount }),
    takeOthersTokens: (bucket) => {
      const taken = othersTook.get(bucket) ?? 0;
      othersTook.delete(bucket);
      return taken;
    },
  };
  return { shared, views, told, answers, asked, cleared, othersTook, tookTokens };
}

/** An answer another instance cached. */
const FLEET_ANSWER = {
  value: { answer: "from the fleet" },
  provider: "qwen",
  model: "qwen-model",
  attempts: 1,
  usage: { inputTokens: 1, outputTokens: 1 },
};

describe("a router in a fleet", () => {
  it("keeps off a provider whose breaker opened elsewhere, without a call", async () => {
    const { shared, views } = fleet();
    const provider = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([provider], { shared });
    views.set("qwen/qwen-model", { breaker: { state: "open", at: Date.now() }, pausedUntil: null });
    expect(router.state()).toBe("down");
    expect((await run(router)).error).toBeDefined();
    expect(provider.calls).toHaveLength(0);
  });

  it("keeps a breaker adopted from the fleet open after the view is lost, and probes after its cooldown", async () => {
    const { shared, views } = fleet();
    const provider = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([provider], { shared });
    views.set("qwen/qwen-model", { breaker: { state: "open", at: Date.now() }, pausedUntil: null });
    expect(router.state()).toBe("down");
    // The shared store restarted empty: nothing in the view any more.
    views.clear();
    expect(router.state()).toBe("down");
    later(COOLDOWN);
    expect((await run(router)).result?.calls).toBe(1);
    expect(router.state()).toBe("healthy");
  });

  it("pauses a provider another instance was told to pause", async () => {
    const { shared, views } = fleet();
    const provider = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([provider], { shared });
    views.set("qwen/qwen-model", { breaker: null, pausedUntil: Date.now() + 10_000 });
    expect(router.snapshot().providers[0]?.pausedUntil).not.toBeNull();
    expect(router.state()).toBe("down");
  });

  it("tells the fleet a breaker it opened", async () => {
    const { shared, told } = fleet();
    const provider = new FakeProvider("qwen", [fail("server")]);
    const { router } = makeRouter([provider], { shared, health: { minSamples: 2 } });
    for (let index = 0; index < 3 && router.snapshot().providers[0]?.breaker !== "open"; index++)
      await run(router);
    expect(told).toContainEqual({ target: "qwen/qwen-model", state: "open" });
  });

  it("answers from the fleet's cache on a local miss, without a call", async () => {
    const { shared, answers } = fleet();
    const provider = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([provider], { shared });
    const call = structuredCall({ cacheKey: "text" });
    answers.set("text\u0000full", FLEET_ANSWER);
    const { result } = await run(router, call);
    expect(result).toMatchObject({ cache: "hit", calls: 0, value: { answer: "from the fleet" } });
    expect(provider.calls).toHaveLength(0);
  });

  it("spends a provider's rate limit on what the other instances used, and fails over past it", async () => {
    const { shared, othersTook } = fleet();
    const qwen = new FakeProvider("qwen", [ok(), ok()]);
    const anthropic = new FakeProvider("anthropic", [ok(), ok()]);
    const limits = { qwen: { requestsPerMinute: 2, tokensPerMinute: null } };
    const { router } = makeRouter([qwen, anthropic], {
      shared,
      preferred: "qwen",
      settings: { rateLimits: limits },
    });
    expect((await run(router)).result?.provider).toBe("qwen");
    // The other instances used the rest of the minute's requests: this one waits a minute, so fails over.
    othersTook.set("provider-requests qwen/qwen-model", 1);
    expect((await run(router)).result?.provider).toBe("anthropic");
    expect(qwen.calls).toHaveLength(1);
  });

  it("tells the fleet each call's requests and tokens, per minute", async () => {
    const { shared, tookTokens } = fleet();
    // Each scripted answer uses 10 input and 20 output tokens.
    const provider = new FakeProvider("qwen", [ok()]);
    const limits = { qwen: { requestsPerMinute: 60, tokensPerMinute: 10_000 } };
    const { router } = makeRouter([provider], { shared, settings: { rateLimits: limits } });
    await run(router);
    expect(tookTokens).toEqual([
      { bucket: "provider-requests qwen/qwen-model", periodMs: 60_000, amount: 1 },
      { bucket: "provider-tokens qwen/qwen-model", periodMs: 60_000, amount: 30 },
    ]);
  });

  it("keeps an answer from the fleet's cache in its own for the time the fleet's has left", async () => {
    const { shared, answers, asked } = fleet();
    const provider = new FakeProvider("qwen", [ok(), ok()]);
    const { router } = makeRouter([provider], { shared });
    const call = structuredCall({ cacheKey: "text" });
    answers.set("text\u0000full", FLEET_ANSWER);
    await run(router, call);
    answers.clear();
    expect((await run(router, call)).result).toMatchObject({
      cache: "hit",
      value: { answer: "from the fleet" },
    });
    expect(asked).toHaveLength(1);
    // Past the 60 s the fleet's entry had left, the local copy is gone too.
    later(60_000);
    expect((await run(router, call)).result?.cache).toBe("miss");
    expect(provider.calls).toHaveLength(1);
  });

  it("ends a fleet pause on an operator's reset, tells the fleet, and does not take it back from the view", async () => {
    const { shared, views, cleared } = fleet();
    const provider = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([provider], { shared });
    views.set("qwen/qwen-model", { breaker: null, pausedUntil: Date.now() + 30 * 60_000 });
    expect(router.state()).toBe("down");
    expect(router.resetBreaker("qwen")).toBe(1);
    expect(cleared).toEqual(["qwen/qwen-model"]);
    // The view has not been refreshed since: it still holds the pause.
    expect(router.state()).toBe("healthy");
    expect(router.snapshot().providers[0]?.pausedUntil).toBeNull();
  });

  it("ends its own pause when the fleet tells of a reset made elsewhere", async () => {
    const { shared, views } = fleet();
    const provider = new FakeProvider("qwen", [fail("rate_limited", { retryAfterMs: 600_000 })]);
    const { router } = makeRouter([provider], { shared });
    await run(router);
    expect(router.snapshot().providers[0]?.pausedUntil).not.toBeNull();
    later(1_000);
    views.set("qwen/qwen-model", { breaker: null, pausedUntil: null, pauseClearedAt: Date.now() });
    expect(router.state()).toBe("healthy");
  });
});
