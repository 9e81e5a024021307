// The attempts of a request within its deadline, through the router: which errors are tried again, the
// attempt timeouts and the deadline, the waits and the backoff with full jitter (attempts.ts, over scripted
// providers and an injected clock: test/support/scripted-router.ts).
import { describe, expect, it, vi } from "vitest";
import {
  FakeProvider,
  fail,
  hang,
  invalid,
  later,
  makeRouter,
  ok,
  openBreaker,
  run,
  structuredCall,
  T0,
  target,
  useFakeClock,
} from "../../test/support/scripted-router.js";
import { errorFromFailure } from "../providers/provider-errors.js";
import { ProviderError, type ProviderErrorKind } from "../providers/types.js";

useFakeClock();

describe("deterministic refusals", () => {
  it.each<ProviderErrorKind>(["context_length", "content_policy", "bad_request", "auth"])(
    "%s is not retried on the same model and fails over",
    async (kind) => {
      const qwen = new FakeProvider("qwen", [fail(kind)]);
      const openai = new FakeProvider("openai", [ok()]);
      const { router, events } = makeRouter([qwen, openai], { preferred: "qwen" });
      const outcome = await run(router);
      expect(outcome.result).toMatchObject({ provider: "openai", calls: 2 });
      expect(qwen.calls).toHaveLength(1);
      expect(events).toContainEqual({
        event: "attempt_failed",
        provider: "qwen",
        model: "qwen-model",
        kind,
        requestId: "request-1",
      });
    },
  );

  it("on the only provider ends the request at once", async () => {
    const qwen = new FakeProvider("qwen", [fail("context_length")]);
    const { router } = makeRouter([qwen]);
    const outcome = await run(router);
    expect(outcome.error).toMatchObject({
      reason: "exhausted",
      lastKind: "context_length",
      calls: 1,
      lastTarget: { provider: "qwen", model: "qwen-model" },
    });
    expect(outcome.elapsed).toBe(0);
    expect(qwen.calls).toHaveLength(1);
  });

  it("invalid output after the re-ask is not retried on that model either", async () => {
    const qwen = new FakeProvider("qwen", [invalid()]);
    const openai = new FakeProvider("openai", [ok()]);
    const invalidOutputs: number[] = [];
    const { router } = makeRouter([qwen, openai], { preferred: "qwen" });
    const outcome = await run(
      router,
      structuredCall({ onInvalidOutput: (event) => invalidOutputs.push(event.attempt) }),
    );
    expect(qwen.calls).toHaveLength(2);
    expect(outcome.result).toMatchObject({ provider: "openai", calls: 3, value: { answer: "openai:yes" } });
    expect(invalidOutputs).toEqual([1, 2]);
    expect(target(router, "qwen").stats.invalidJsonRate).toBe(1);
  });
});

describe("the error's isRetryable", () => {
  it("decides, whatever the kind: a server error its builder marks final is not tried again", async () => {
    const final = () => new ProviderError("qwen", "server", "qwen: server error", { isRetryable: false });
    const qwen = new FakeProvider("qwen", [{ error: final }, ok()]);
    const { router } = makeRouter([qwen]);
    const outcome = await run(router);
    expect(outcome.error).toMatchObject({ reason: "exhausted", lastKind: "server", calls: 1 });
    expect(qwen.calls).toHaveLength(1);
  });

  it("tries an abort the caller did not ask for again on the same provider, after a backoff", async () => {
    const stray = () =>
      errorFromFailure("qwen", new DOMException("aborted", "AbortError"), new AbortController().signal);
    const qwen = new FakeProvider("qwen", [{ error: stray }, ok()]);
    const { router } = makeRouter([qwen], { random: () => 0.5 });
    const outcome = await run(router);
    expect(outcome.result).toMatchObject({ provider: "qwen", calls: 2 });
    expect(qwen.callTimes).toEqual([0, 50]);
  });
});

describe("attempts and the deadline", () => {
  it("bounds attempts by maxAttempts on one provider", async () => {
    const qwen = new FakeProvider("qwen", [fail("server")]);
    const { router } = makeRouter([qwen], { settings: { maxAttempts: 3 } });
    const outcome = await run(router);
    expect(outcome.error).toMatchObject({ reason: "exhausted", lastKind: "server", calls: 3 });
    expect(qwen.calls).toHaveLength(3);
  });

  it("bounds attempts across providers, trying each before any again", async () => {
    const providers = [
      new FakeProvider("qwen", [fail("server")]),
      new FakeProvider("openai", [fail("connection")]),
      new FakeProvider("anthropic", [fail("overloaded")]),
    ];
    const { router, events } = makeRouter(providers);
    const outcome = await run(router);
    expect(outcome.error).toMatchObject({ reason: "exhausted", calls: 4 });
    const counts = providers.map((provider) => provider.calls.length);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(4);
    expect(Math.min(...counts)).toBe(1);
    expect(events.filter((event) => event.event === "attempt_failed")).toHaveLength(4);
  });

  it("gives each attempt its own timeout and ends the whole request at the deadline", async () => {
    const qwen = new FakeProvider("qwen", [hang()]);
    const { router } = makeRouter([qwen], { random: () => 0.5 });
    const outcome = await run(router);
    expect(outcome.error).toMatchObject({ reason: "deadline", lastKind: "timeout", calls: 2 });
    expect(outcome.elapsed).toBe(8000);
    // 4 s for the first attempt, 50 ms of backoff, and what was left of the deadline for the second.
    expect(qwen.callTimes).toEqual([0, 4050]);
    expect(qwen.calls.map((call) => call.endedAt! - T0)).toEqual([4000, 8000]);
    expect(qwen.calls.map((call) => call.outcome)).toEqual(["timeout", "timeout"]);
    expect(qwen.calls.every((call) => call.request.signal.aborted)).toBe(true);
  });

  it("keeps to a configured deadline shorter than the attempt timeout", async () => {
    const qwen = new FakeProvider("qwen", [hang()]);
    const openai = new FakeProvider("openai", [hang()]);
    const { router } = makeRouter([qwen, openai], { settings: { deadlineMs: 1500, attemptTimeoutMs: 4000 } });
    const outcome = await run(router);
    expect(outcome.error).toMatchObject({ reason: "deadline", lastKind: "timeout", calls: 1 });
    expect(outcome.elapsed).toBe(1500);
  });

  it("counts slow failures, backoffs and waits in the deadline", async () => {
    const qwen = new FakeProvider("qwen", [fail("server", { delayMs: 3000 })]);
    const { router } = makeRouter([qwen], { random: () => 0.99, settings: { maxAttempts: 10 } });
    const outcome = await run(router);
    expect(outcome.error?.reason).toBe("deadline");
    expect(outcome.elapsed).toBeLessThanOrEqual(8000);
    // 3 s each, backoffs of 99 and 198 ms: the third attempt is cut by the deadline.
    expect(qwen.callTimes).toEqual([0, 3099, 6297]);
    expect(qwen.calls.at(-1)!.outcome).toBe("timeout");
  });

  it("fails as aborted when the client goes away, aborting the provider call", async () => {
    const qwen = new FakeProvider("qwen", [hang()]);
    const { router } = makeRouter([qwen]);
    const client = new AbortController();
    setTimeout(() => client.abort(), 500);
    const outcome = await run(router, structuredCall({ signal: client.signal }));
    expect(outcome.error).toMatchObject({ reason: "aborted" });
    expect(outcome.elapsed).toBe(500);
    expect(qwen.calls[0]!.outcome).toBe("aborted");
    // A cancellation says nothing of the provider's health.
    expect(target(router, "qwen").stats.samples).toBe(0);
  });

  it("fails as unavailable, at once and without a call, when no provider can take it before the deadline", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([qwen], { random: () => 0 });
    await openBreaker(router, qwen);
    const outcome = await run(router);
    expect(outcome.error).toMatchObject({
      reason: "unavailable",
      calls: 0,
      lastKind: null,
      lastTarget: null,
    });
    expect(outcome.elapsed).toBe(0);
    expect(router.state()).toBe("down");
  });

  it("waits for a cooling provider when its cooldown ends within the deadline", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([qwen], { random: () => 0, settings: { breakerCooldownMs: 3000 } });
    await openBreaker(router, qwen);
    const openedAt = Date.now();
    later(1000);
    const outcome = await run(router);
    expect(outcome.result).toMatchObject({ provider: "qwen", calls: 1 });
    expect(outcome.elapsed).toBe(2000);
    expect(qwen.calls.at(-1)!.at).toBe(openedAt + 3000);
  });
});

describe("backoff", () => {
  it.each<[number, number, number[]]>([
    [0, 2000, [0, 0, 0, 0]],
    [0.5, 2000, [0, 50, 150, 350]],
    [0.999, 2000, [0, 99, 298, 697]],
    [0.999, 150, [0, 99, 248, 397]],
  ])("waits random × min(max, base·2^n) with random %d and max %d", async (random, backoffMaxMs, times) => {
    const qwen = new FakeProvider("qwen", [fail("server")]);
    const { router } = makeRouter([qwen], { random: () => random, settings: { backoffMaxMs } });
    await run(router);
    expect(qwen.callTimes).toEqual(times);
  });

  it("draws the jitter from the injected random", async () => {
    const draws = [0.25, 0.75, 0.1, 0.9];
    let next = 0;
    const random = vi.fn(() => draws[next++ % draws.length]!);
    const qwen = new FakeProvider("qwen", [fail("server")]);
    const { router } = makeRouter([qwen], { random, settings: { maxAttempts: 3 } });
    await run(router);
    // Each attempt picks first, then the retries draw their jitter: picks at 0.25, 0.75 and 0.9, jitters
    // of 0.1 × 100 and 0.25 × 200.
    expect(qwen.callTimes).toEqual([0, 10, 10 + 50]);
    expect(random).toHaveBeenCalledTimes(5);
  });

  it("gives up rather than back off past the deadline", async () => {
    const qwen = new FakeProvider("qwen", [fail("server"), ok()]);
    const { router } = makeRouter([qwen], {
      random: () => 0.9,
      settings: { deadlineMs: 1000, backoffBaseMs: 2000 },
    });
    const outcome = await run(router);
    expect(outcome.error).toMatchObject({ reason: "exhausted", calls: 1 });
    expect(outcome.elapsed).toBe(0);
  });

  it("does not back off when failing over to another provider", async () => {
    const qwen = new FakeProvider("qwen", [fail("server")]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], { preferred: "qwen", random: () => 0.99 });
    const outcome = await run(router);
    expect(outcome.result?.provider).toBe("openai");
    expect(outcome.elapsed).toBe(0);
  });
});
