// Hedging through the router: when a hedge goes out, which answer wins, and its budget (hedging.ts, over
// scripted providers and an injected clock: test/support/scripted-router.ts).
import { describe, expect, it } from "vitest";
import {
  FakeProvider,
  invalid,
  makeRouter,
  ok,
  run,
  T0,
  target,
  useFakeClock,
} from "../../test/support/scripted-router.js";

useFakeClock();

describe("hedging", () => {
  it("sends one hedge to another provider after the configured delay; the first valid answer wins, the other is aborted", async () => {
    const qwen = new FakeProvider("qwen", [ok(3000)]);
    const openai = new FakeProvider("openai", [ok(200)]);
    const { router, events } = makeRouter([qwen, openai], {
      preferred: "qwen",
      settings: { hedgeDelayMs: 1000, hedgeBudget: 1 },
    });
    const outcome = await run(router);
    expect(outcome.result).toMatchObject({ provider: "openai", hedged: true, calls: 2 });
    expect(outcome.elapsed).toBe(1200);
    expect(openai.callTimes).toEqual([1000]);
    expect(qwen.calls[0]!.request.signal.aborted).toBe(true);
    expect((qwen.calls[0]!.request.signal.reason as Error).name).toBe("AbortError");
    expect(qwen.calls[0]!.outcome).toBe("aborted");
    expect(events).toContainEqual({
      event: "hedge",
      provider: "openai",
      model: "openai-model",
      requestId: "request-1",
    });
    // The loser was cancelled: no verdict on qwen's health, and its breaker untouched.
    expect(target(router, "qwen").stats.samples).toBe(0);
    expect(router.snapshot().hedges).toEqual({ calls: 1, hedges: 1, budget: 1 });
  });

  it("lets the first call win when it answers before the hedge, aborting the hedge", async () => {
    const qwen = new FakeProvider("qwen", [ok(1500)]);
    const openai = new FakeProvider("openai", [ok(2000)]);
    const { router } = makeRouter([qwen, openai], {
      preferred: "qwen",
      settings: { hedgeDelayMs: 1000, hedgeBudget: 1 },
    });
    const outcome = await run(router);
    expect(outcome.result).toMatchObject({ provider: "qwen", hedged: true, calls: 2 });
    expect(outcome.elapsed).toBe(1500);
    expect(openai.calls[0]!.request.signal.aborted).toBe(true);
    expect(openai.calls[0]!.outcome).toBe("aborted");
  });

  it("waits for a valid answer: an invalid hedge does not win", async () => {
    const qwen = new FakeProvider("qwen", [ok(2000)]);
    const openai = new FakeProvider("openai", [invalid(100)]);
    const { router } = makeRouter([qwen, openai], {
      preferred: "qwen",
      settings: { hedgeDelayMs: 1000, hedgeBudget: 1 },
    });
    const outcome = await run(router);
    expect(outcome.result).toMatchObject({ provider: "qwen", hedged: true, value: { answer: "qwen:yes" } });
    expect(outcome.result?.calls).toBe(3);
    expect(outcome.elapsed).toBe(2000);
  });

  it("does not hedge a call that answers in time", async () => {
    const qwen = new FakeProvider("qwen", [ok(900)]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], {
      preferred: "qwen",
      settings: { hedgeDelayMs: 1000, hedgeBudget: 1 },
    });
    const outcome = await run(router);
    expect(outcome.result).toMatchObject({ provider: "qwen", hedged: false, calls: 1 });
    expect(openai.calls).toHaveLength(0);
  });

  it("hedges after the provider's recent p95 when no delay is configured, and not before it has one", async () => {
    const qwen = new FakeProvider("qwen", [ok(400), ok(400), ok(400), ok(400), ok(400), ok(5000)]);
    const openai = new FakeProvider("openai", [ok(100)]);
    const { router } = makeRouter([qwen, openai], { preferred: "qwen", settings: { hedgeBudget: 1 } });
    qwen.script = [ok(3000)];
    // No p95 yet: no hedge, however slow.
    const unhedged = await run(router);
    expect(unhedged.result).toMatchObject({ provider: "qwen", hedged: false });
    qwen.script = [ok(400)];
    for (let index = 0; index < 4; index++) await run(router);
    expect(target(router, "qwen").stats.p95Ms).toBe(3000);
    for (let index = 0; index < 20; index++) await run(router);
    expect(target(router, "qwen").stats.p95Ms).toBe(400);
    expect(openai.calls).toHaveLength(0);
    qwen.script = [ok(5000)];
    const hedged = await run(router);
    expect(hedged.result).toMatchObject({ provider: "openai", hedged: true });
    expect(openai.callTimes.map((at) => at + T0 - (Date.now() - hedged.elapsed))).toEqual([400]);
  });

  it("keeps hedges within the budget (10% of calls)", async () => {
    const qwen = new FakeProvider("qwen", [ok(2000)]);
    const openai = new FakeProvider("openai", [ok(100)]);
    const { router } = makeRouter([qwen, openai], { preferred: "qwen", settings: { hedgeDelayMs: 1000 } });
    const hedged: boolean[] = [];
    for (let index = 0; index < 30; index++) hedged.push((await run(router)).result!.hedged);
    expect(hedged.filter(Boolean)).toHaveLength(3);
    expect(hedged.indexOf(true)).toBe(9);
    expect(openai.calls).toHaveLength(3);
    expect(router.snapshot().hedges).toEqual({ calls: 30, hedges: 3, budget: 0.1 });
  });

  it("never hedges in conservation mode", async () => {
    const qwen = new FakeProvider("qwen", [ok(3000)]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], {
      preferred: "qwen",
      conservation: true,
      settings: { hedgeDelayMs: 1000, hedgeBudget: 1 },
    });
    const outcome = await run(router);
    expect(outcome.result).toMatchObject({ provider: "qwen", hedged: false, calls: 1 });
    expect(openai.calls).toHaveLength(0);
  });

  it("hedges only to a healthy provider", async () => {
    const qwen = new FakeProvider("qwen", [ok(3000)]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], {
      preferred: "qwen",
      settings: { hedgeDelayMs: 1000, hedgeBudget: 1 },
    });
    for (let index = 0; index < 5; index++) router.recordConfidence("openai", "openai-model", 0.1);
    const outcome = await run(router);
    expect(outcome.result).toMatchObject({ provider: "qwen", hedged: false });
    expect(openai.calls).toHaveLength(0);
  });

  it("does not hedge past maxAttempts", async () => {
    const qwen = new FakeProvider("qwen", [ok(3000)]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], {
      preferred: "qwen",
      settings: { hedgeDelayMs: 1000, hedgeBudget: 1, maxAttempts: 1 },
    });
    const outcome = await run(router);
    expect(outcome.result).toMatchObject({ provider: "qwen", hedged: false, calls: 1 });
  });
});
