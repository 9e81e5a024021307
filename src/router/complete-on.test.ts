// The router's call on one given provider (completeOn, the recovery check's probe): the router's deadline,
// breaker, retries and accounting, but never another provider, never a hedge and never the answer cache.
// Over scripted providers and an injected clock (test/support/scripted-router.ts).
import { describe, expect, it } from "vitest";
import {
  FakeProvider,
  fail,
  hang,
  makeRouter,
  ok,
  openBreaker,
  settle,
  structuredCall,
  target,
  useFakeClock,
} from "../../test/support/scripted-router.js";
import type { CompletionRequest, CompletionResult } from "../providers/types.js";

useFakeClock();

describe("completeOn", () => {
  it("asks the given provider even when another is preferred, around the cache", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], { preferred: "qwen" });
    const call = () => structuredCall({ cacheKey: "key-1" });
    await settle(router.complete(call()));

    const probed = await settle(router.completeOn({ provider: "openai" }, call()));
    const again = await settle(router.completeOn({ provider: "openai" }, call()));

    expect(probed.result).toMatchObject({ value: { answer: "openai:yes" }, cache: "bypass", calls: 1 });
    expect(again.result?.cache).toBe("bypass");
    expect(openai.calls).toHaveLength(2);
    expect(qwen.calls).toHaveLength(1);
    expect(router.snapshot().cache).toMatchObject({ entries: 1, hits: 0, misses: 1 });
  });

  it("uses the provider's routed model, or the model it is given", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([qwen]);
    const routed = structuredCall();
    const variant = structuredCall();

    await settle(router.completeOn({ provider: "qwen" }, routed));
    await settle(router.completeOn({ provider: "qwen", model: "qwen-finetuned" }, variant));

    expect(routed.built.map((built) => built.model)).toEqual(["qwen-model"]);
    expect(variant.built.map((built) => built.model)).toEqual(["qwen-finetuned"]);
  });

  it("never fails over: the provider's own retries, then a RouterError", async () => {
    const qwen = new FakeProvider("qwen", [fail("server")]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], { settings: { maxAttempts: 3 } });

    const settled = await settle(router.completeOn({ provider: "qwen" }, structuredCall()));

    expect(settled.error).toMatchObject({ reason: "exhausted", lastKind: "server", calls: 3 });
    expect(qwen.calls).toHaveLength(3);
    expect(openai.calls).toHaveLength(0);
  });

  it("never hedges a slow call, and ends at the router's deadline", async () => {
    const qwen = new FakeProvider("qwen", [hang()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], {
      settings: { hedgeDelayMs: 100, hedgeBudget: 1, deadlineMs: 2_000, attemptTimeoutMs: 2_000 },
      preferred: "openai",
    });
    // Requests served grow the hedge budget: one hedge would be allowed.
    await settle(router.complete(structuredCall()));
    await settle(router.complete(structuredCall()));
    const before = openai.calls.length;

    const settled = await settle(router.completeOn({ provider: "qwen" }, structuredCall()));

    expect(settled.error?.reason).toBe("deadline");
    expect(settled.elapsed).toBe(2_000);
    expect(openai.calls).toHaveLength(before);
    expect(router.snapshot().hedges.hedges).toBe(0);
  });

  it("sends nothing while the provider's breaker is open", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], { preferred: "qwen" });
    await openBreaker(router, qwen);
    const before = qwen.calls.length;

    const settled = await settle(router.completeOn({ provider: "qwen" }, structuredCall()));

    expect(settled.error?.reason).toBe("unavailable");
    expect(qwen.calls).toHaveLength(before);
  });

  it("refuses a provider the router does not route", async () => {
    const { router } = makeRouter([new FakeProvider("qwen", [ok()])]);

    const settled = await settle(router.completeOn({ provider: "anthropic" }, structuredCall()));

    expect(settled.error).toMatchObject({ reason: "unavailable", calls: 0 });
  });

  it("keeps what the provider's rate-limit headers said last, for the snapshot", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const reported: CompletionResult["rateLimit"][] = [
      { remainingRequests: 12, limitRequests: 60, remainingTokens: null },
      null,
    ];
    const complete = qwen.complete.bind(qwen);
    qwen.complete = async (request: CompletionRequest) => ({
      ...(await complete(request)),
      rateLimit: reported.shift() ?? null,
    });
    const { router } = makeRouter([qwen]);
    expect(target(router, "qwen").rateLimit.remainingRequests).toBeNull();

    await settle(router.completeOn({ provider: "qwen" }, structuredCall()));
    const at = new Date().toISOString();
    // An answer without headers leaves the last figures as they were.
    await settle(router.complete(structuredCall()));

    expect(target(router, "qwen").rateLimit).toMatchObject({
      remainingRequests: 12,
      limitRequests: 60,
      remainingTokens: null,
      reportedAt: at,
    });
  });
});
