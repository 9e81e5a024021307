// The router's facade: the answer cache, its state, snapshot and operator controls, and how it is built
// from the configuration (router.ts and index.ts, over scripted providers and an injected clock:
// test/support/scripted-router.ts).
import { describe, expect, it } from "vitest";
import {
  FakeProvider,
  fail,
  invalid,
  later,
  makeRouter,
  ok,
  openBreaker,
  run,
  structuredCall,
  target,
  useFakeClock,
} from "../../test/support/scripted-router.js";
import { readConfig } from "../config.js";
import { createRouter } from "./index.js";

/** A scripted provider sends no rate-limit headers: what it has left is never known. */
const NOT_REPORTED = {
  remainingRequests: null,
  limitRequests: null,
  remainingTokens: null,
  reportedAt: null,
};

useFakeClock();

describe("the cache", () => {
  it("answers a repeated request from the cache until the TTL (300 s) passes", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([qwen]);
    const call = () => structuredCall({ cacheKey: "key-1" });
    const first = await run(router, call());
    expect(first.result).toMatchObject({ cache: "miss", calls: 1 });
    later(299_999);
    const second = await run(router, call());
    expect(second.result).toMatchObject({
      cache: "hit",
      calls: 0,
      hedged: false,
      value: { answer: "qwen:yes" },
    });
    expect(qwen.calls).toHaveLength(1);
    later(1);
    const third = await run(router, call());
    expect(third.result).toMatchObject({ cache: "miss", calls: 1 });
    expect(qwen.calls).toHaveLength(2);
    expect(router.snapshot().cache).toEqual({ entries: 1, hits: 1, misses: 2, enabled: true });
    const other = await run(router, structuredCall({ cacheKey: "key-2" }));
    expect(other.result?.cache).toBe("miss");
  });

  it("keeps answers 3600 s in conservation mode", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([qwen], { conservation: true });
    await run(router, structuredCall({ cacheKey: "key-1" }));
    later(3_599_999);
    expect((await run(router, structuredCall({ cacheKey: "key-1" }))).result?.cache).toBe("hit");
    later(1);
    expect((await run(router, structuredCall({ cacheKey: "key-1" }))).result?.cache).toBe("miss");
  });

  it("never stores an invalid output", async () => {
    const qwen = new FakeProvider("qwen", [invalid()]);
    const { router } = makeRouter([qwen]);
    const first = await run(router, structuredCall({ cacheKey: "key-1" }));
    expect(first.error).toMatchObject({ reason: "exhausted", lastKind: "invalid_output" });
    expect(router.snapshot().cache.entries).toBe(0);
    qwen.script = [ok()];
    const second = await run(router, structuredCall({ cacheKey: "key-1" }));
    expect(second.result).toMatchObject({ cache: "miss", calls: 1 });
  });

  it("stores the valid answer a failover found", async () => {
    const qwen = new FakeProvider("qwen", [invalid()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], { preferred: "qwen" });
    await run(router, structuredCall({ cacheKey: "key-1" }));
    const cached = await run(router, structuredCall({ cacheKey: "key-1" }));
    expect(cached.result).toMatchObject({
      cache: "hit",
      provider: "openai",
      value: { answer: "openai:yes" },
    });
  });

  it("is bypassed without a key, or when turned off", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([qwen]);
    expect((await run(router)).result?.cache).toBe("bypass");
    expect((await run(router)).result?.cache).toBe("bypass");
    const off = makeRouter([qwen], { settings: { cacheMaxEntries: 0 } }).router;
    await run(off, structuredCall({ cacheKey: "key-1" }));
    expect((await run(off, structuredCall({ cacheKey: "key-1" }))).result).toMatchObject({
      cache: "bypass",
      calls: 1,
    });
    expect(off.snapshot().cache).toEqual({ entries: 0, hits: 0, misses: 0, enabled: false });
  });

  it("stays within its bound, and clears", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([qwen], { settings: { cacheMaxEntries: 2 } });
    for (const key of ["a", "b", "c"]) await run(router, structuredCall({ cacheKey: key }));
    expect(router.snapshot().cache.entries).toBe(2);
    expect((await run(router, structuredCall({ cacheKey: "a" }))).result?.cache).toBe("miss");
    expect((await run(router, structuredCall({ cacheKey: "c" }))).result?.cache).toBe("hit");
    router.clearCache();
    expect(router.snapshot().cache.entries).toBe(0);
  });
});

describe("state and controls", () => {
  it("is healthy, degraded when all usable providers are, and down when none is usable", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai]);
    expect(router.state()).toBe("healthy");
    for (let index = 0; index < 5; index++) router.recordConfidence("qwen", "qwen-model", 0.5);
    expect(router.state()).toBe("healthy");
    await openBreaker(router, openai);
    expect(router.state()).toBe("degraded");
    await openBreaker(router, qwen);
    expect(router.state()).toBe("down");
  });

  it("is degraded when forced, but never hides down", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([qwen]);
    router.setForcedDegraded(true);
    expect(router.state()).toBe("degraded");
    expect(router.snapshot().forcedDegraded).toBe(true);
    await openBreaker(router, qwen);
    expect(router.state()).toBe("down");
    router.setForcedDegraded(false);
    router.resetBreaker("qwen");
    expect(router.state()).toBe("healthy");
  });

  it("is down while every provider is paused by 429s", async () => {
    const qwen = new FakeProvider("qwen", [fail("rate_limited", { retryAfterMs: 30_000 })]);
    const { router } = makeRouter([qwen]);
    await run(router);
    expect(router.state()).toBe("down");
    expect(target(router, "qwen").state).toBe("degraded");
    later(30_000);
    expect(router.state()).toBe("healthy");
  });

  it("credits confidence to the provider and model that answered", () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai]);
    for (let index = 0; index < 5; index++) {
      router.recordConfidence("qwen", "qwen-model", 0.6);
      router.recordConfidence("qwen", "another-model", 0.1);
      router.recordConfidence("mistral", "mistral-model", 0.1);
    }
    expect(target(router, "qwen")).toMatchObject({
      state: "degraded",
      reasons: ["mean confidence 0.60 < 0.7"],
      stats: { confidenceSamples: 5 },
    });
    expect(target(router, "openai").state).toBe("healthy");
  });

  it("snapshots its state, per provider and model", async () => {
    const qwen = new FakeProvider("qwen", [ok(250)]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], {
      preferred: "qwen",
      weights: { qwen: 70 },
      settings: { rateLimits: { qwen: { requestsPerMinute: 100, tokensPerMinute: null } } },
    });
    await run(router);
    const snapshot = router.snapshot();
    expect(snapshot).toEqual({
      state: "healthy",
      conservation: false,
      conservationReason: null,
      budget: {
        dailyUsd: null,
        day: new Date(Date.now()).toISOString().slice(0, 10),
        spentUsd: 0,
        state: "ok",
      },
      forcedDegraded: false,
      preferred: "qwen",
      hedges: { calls: 1, hedges: 0, budget: 0.1 },
      cache: { entries: 0, hits: 0, misses: 0, enabled: true },
      providers: [
        {
          provider: "qwen",
          model: "qwen-model",
          state: "healthy",
          breaker: "closed",
          breakerOpenings: 0,
          pausedUntil: null,
          weight: 70,
          reasons: [],
          stats: {
            samples: 1,
            p50Ms: 250,
            p95Ms: 250,
            timeoutRate: 0,
            rateLimitRate: 0,
            serverErrorRate: 0,
            connectionErrorRate: 0,
            invalidJsonRate: 0,
            meanConfidence: null,
            confidenceSamples: 0,
          },
          rateLimit: {
            limited: true,
            headroom: expect.closeTo(0.99 + 250 / 60_000, 5),
            waiting: 0,
            ...NOT_REPORTED,
          },
        },
        {
          provider: "openai",
          model: "openai-model",
          state: "healthy",
          breaker: "closed",
          breakerOpenings: 0,
          pausedUntil: null,
          weight: 30,
          reasons: [],
          stats: expect.objectContaining({ samples: 0, p95Ms: null }),
          rateLimit: { limited: false, headroom: 1, waiting: 0, ...NOT_REPORTED },
        },
      ],
    });
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it("applies the operator's weights, preferred provider and conservation mode", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], { conservation: true });
    expect(router.snapshot()).toMatchObject({ conservation: true, conservationReason: "configured" });
    const call = structuredCall();
    await run(router, call);
    expect(call.built[0]!.conservation).toBe(true);
    router.setConservation(false);
    expect(router.snapshot()).toMatchObject({ conservation: false, conservationReason: null });
    router.setConservation(true);
    expect(router.snapshot().conservationReason).toBe("admin");
    router.setConservation(false);
    router.setWeights({ qwen: 0, openai: 100 });
    for (let index = 0; index < 10; index++) await run(router);
    expect(qwen.calls.length).toBeLessThanOrEqual(1);
    router.setPreferred("qwen");
    expect(router.snapshot().preferred).toBe("qwen");
    const before = qwen.calls.length;
    for (let index = 0; index < 10; index++) await run(router);
    expect(qwen.calls.length - before).toBe(10);
  });

  it("is built from the configuration, with each provider's Parsing model", () => {
    const config = readConfig({
      QWEN_API_KEY: "sk-test",
      QWEN_MODEL_PARSING: "qwen-turbo",
      LLM_PROVIDER: "qwen",
    });
    expect(createRouter(config, [])).toBeNull();
    const router = createRouter(config, [new FakeProvider("qwen", [ok()], "qwen-plus")], {
      clock: { now: () => Date.now() },
    });
    expect(router?.snapshot()).toMatchObject({
      preferred: "qwen",
      providers: [{ provider: "qwen", model: "qwen-turbo" }],
    });
  });
});
