// What each call leaves behind, through the router: breakers opened and probed, 429 pauses, local rate
// limits and their reservations, health samples (accounting.ts and call.ts, over scripted providers and an
// injected clock: test/support/scripted-router.ts).
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
  runAll,
  type Step,
  settle,
  structuredCall,
  T0,
  target,
  useFakeClock,
} from "../../test/support/scripted-router.js";
import { errorFromResponse } from "../providers/provider-errors.js";
import { RouterError } from "./router.js";

/** A scripted provider sends no rate-limit headers: what it has left is never known. */
const NOT_REPORTED = {
  remainingRequests: null,
  limitRequests: null,
  remainingTokens: null,
  reportedAt: null,
};

useFakeClock();

describe("circuit breakers", () => {
  it.each<[string, Step]>([
    ["5xx", fail("server")],
    ["overloaded", fail("overloaded")],
    ["connection errors", fail("connection")],
    ["timeouts", hang()],
  ])("open on %s, and the provider gets no calls while open", async (_, step) => {
    const qwen = new FakeProvider("qwen", [step]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router, events } = makeRouter([qwen, openai], { preferred: "qwen" });
    for (let index = 0; index < 5; index++) {
      const outcome = await run(router);
      expect(outcome.result?.provider).toBe("openai");
    }
    expect(qwen.calls).toHaveLength(5);
    const snapshot = target(router, "qwen");
    expect(snapshot).toMatchObject({ breaker: "open", breakerOpenings: 1, state: "down" });
    expect(snapshot.reasons).toContain("circuit breaker open");
    expect(events.filter((event) => event.event === "breaker_opened")).toEqual([
      { event: "breaker_opened", provider: "qwen", model: "qwen-model" },
    ]);
    for (let index = 0; index < 10; index++) await run(router);
    expect(qwen.calls).toHaveLength(5);
  });

  it.each<[string, Step]>([
    ["429s", fail("rate_limited", { retryAfterMs: 1000 })],
    ["context length", fail("context_length")],
    ["content policy", fail("content_policy")],
    ["bad requests (schema)", fail("bad_request")],
    ["invalid output", invalid()],
  ])("do not open on %s", async (_, step) => {
    // The only provider, so it keeps being called however its health reads.
    const qwen = new FakeProvider("qwen", [step]);
    const { router, events } = makeRouter([qwen]);
    for (let index = 0; index < 12; index++) {
      const outcome = await run(router);
      expect(outcome.error).toBeInstanceOf(RouterError);
      later(2000);
    }
    expect(qwen.calls.length).toBeGreaterThanOrEqual(12);
    expect(target(router, "qwen")).toMatchObject({ breaker: "closed", breakerOpenings: 0 });
    expect(target(router, "qwen").state).not.toBe("down");
    expect(events.some((event) => event.event === "breaker_opened")).toBe(false);
  });

  it("lets exactly one probe through after the cooldown, even with requests arriving together, and closes on success", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router, events } = makeRouter([qwen, openai], { preferred: "qwen" });
    await openBreaker(router, qwen);
    qwen.script = [ok(1000)];
    later(29_999);
    await run(router);
    expect(qwen.calls).toHaveLength(5);
    later(1);
    const before = openai.calls.length;
    const outcomes = await runAll([
      router.complete(structuredCall()),
      router.complete(structuredCall()),
      router.complete(structuredCall()),
    ]);
    expect(qwen.calls).toHaveLength(6);
    expect(openai.calls.length - before).toBe(2);
    expect(outcomes.map((outcome) => outcome.result?.provider)).toEqual(["qwen", "openai", "openai"]);
    expect(target(router, "qwen")).toMatchObject({ breaker: "closed", state: "healthy" });
    expect(events.filter((event) => event.event === "breaker_closed")).toEqual([
      { event: "breaker_closed", provider: "qwen", model: "qwen-model" },
    ]);
    // A clean window after the good probe: the five 5xx no longer count.
    expect(target(router, "qwen").stats.samples).toBe(0);
    await run(router);
    expect(qwen.calls).toHaveLength(7);
  });

  it("reopens after a failed probe, for another full cooldown, the request failing over", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router, events } = makeRouter([qwen, openai], { preferred: "qwen" });
    await openBreaker(router, qwen);
    qwen.script = [fail("server")];
    later(30_000);
    const probed = await run(router);
    expect(probed.result?.provider).toBe("openai");
    expect(qwen.calls).toHaveLength(6);
    expect(target(router, "qwen")).toMatchObject({ breaker: "open", breakerOpenings: 2 });
    expect(events.filter((event) => event.event === "breaker_opened")).toHaveLength(2);
    later(29_999);
    await run(router);
    expect(qwen.calls).toHaveLength(6);
    later(1);
    qwen.script = [ok()];
    const recovered = await run(router);
    expect(recovered.result?.provider).toBe("qwen");
    expect(target(router, "qwen").breaker).toBe("closed");
  });

  it("refuses a call that waited for its rate limit while another request took the probe, without counting it", async () => {
    const qwen = new FakeProvider("qwen", [fail("server")]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], {
      preferred: "qwen",
      health: { minSamples: 2 },
      settings: {
        deadlineMs: 120_000,
        attemptTimeoutMs: 120_000,
        breakerCooldownMs: 500,
        rateLimits: { qwen: { requestsPerMinute: 2, tokensPerMinute: null } },
      },
    });
    // Two 5xx open the breaker and empty the bucket (one request every 30 s).
    await run(router);
    await run(router);
    expect(target(router, "qwen").breaker).toBe("open");
    later(500);
    // Both requests take qwen for its probe and wait for its bucket, 29.5 s and 59.5 s; the first to go out
    // is the probe, still running when the second is ready.
    qwen.script = [ok(60_000)];
    const [probe, refused] = await runAll([
      router.complete(structuredCall()),
      router.complete(structuredCall()),
    ]);
    expect(qwen.callTimes).toEqual([0, 0, 30_000]);
    expect(probe!.result).toMatchObject({ provider: "qwen", calls: 1 });
    expect(target(router, "qwen").breaker).toBe("closed");
    // Refused by the breaker, never sent: not a provider call, and its request goes back to the bucket
    // (full again by the end: 1 given back at 60 s, 1 refilled by 90 s).
    expect(refused!.result).toMatchObject({ provider: "openai", calls: 1 });
    expect(refused!.elapsed).toBe(59_500);
    expect(target(router, "qwen").rateLimit).toEqual({
      limited: true,
      headroom: 1,
      waiting: 0,
      ...NOT_REPORTED,
    });
  });

  it("does not close on a probe cut short by a winning hedge", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok(100)]);
    const { router, events } = makeRouter([qwen, openai], {
      preferred: "qwen",
      settings: { hedgeDelayMs: 500, hedgeBudget: 1 },
    });
    await openBreaker(router, qwen);
    qwen.script = [ok(3000)];
    later(30_000);
    const outcome = await run(router);
    expect(outcome.result).toMatchObject({ provider: "openai", hedged: true });
    expect(qwen.calls.at(-1)!.outcome).toBe("aborted");
    expect(target(router, "qwen").breaker).toBe("open");
    expect(events.some((event) => event.event === "breaker_closed")).toBe(false);
  });

  it("resets through the admin control: breaker closed, pause and window cleared", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], { preferred: "qwen" });
    await openBreaker(router, qwen);
    expect(router.resetBreaker("mistral")).toBe(0);
    expect(router.resetBreaker("qwen", "other-model")).toBe(0);
    expect(router.resetBreaker("qwen")).toBe(1);
    expect(target(router, "qwen")).toMatchObject({ breaker: "closed", breakerOpenings: 0, state: "healthy" });
    expect(target(router, "qwen").stats.samples).toBe(0);
    const outcome = await run(router);
    expect(outcome.result?.provider).toBe("qwen");
  });
});

describe("429s", () => {
  const limited = (retryAfter: string) => () =>
    errorFromResponse("qwen", {
      status: 429,
      headers: new Headers({ "retry-after": retryAfter }),
      hints: [],
    });

  it.each<[string, () => string, number]>([
    ["seconds", () => "5", 5000],
    ["an HTTP date", () => new Date(Date.now() + 7000).toUTCString(), 7000],
  ])("pause the provider for Retry-After in %s, failing over meanwhile", async (_, retryAfter, pauseMs) => {
    const qwen = new FakeProvider("qwen", (index) => (index === 0 ? { error: limited(retryAfter()) } : ok()));
    const openai = new FakeProvider("openai", [ok()]);
    const { router, events } = makeRouter([qwen, openai], { preferred: "qwen" });
    const first = await run(router);
    expect(first.result).toMatchObject({ provider: "openai", calls: 2 });
    expect(qwen.calls).toHaveLength(1);
    expect(target(router, "qwen").pausedUntil).toBe(new Date(T0 + pauseMs).toISOString());
    expect(target(router, "qwen").reasons[0]).toBe(
      `rate limited until ${new Date(T0 + pauseMs).toISOString()}`,
    );
    expect(events).toContainEqual({
      event: "rate_limited",
      provider: "qwen",
      model: "qwen-model",
      kind: `paused until ${new Date(T0 + pauseMs).toISOString()}`,
    });
    for (const at of [1, 1000, pauseMs - 1]) {
      vi.setSystemTime(T0 + at);
      const outcome = await run(router);
      expect(outcome.result?.provider).toBe("openai");
    }
    expect(qwen.calls).toHaveLength(1);
    vi.setSystemTime(T0 + pauseMs);
    const resumed = await run(router);
    expect(resumed.result?.provider).toBe("qwen");
    expect(qwen.callTimes).toEqual([0, pauseMs]);
  });

  it("waits out a Retry-After that fits the deadline on the only provider, calling it once more", async () => {
    const qwen = new FakeProvider("qwen", (index) =>
      index === 0 ? fail("rate_limited", { retryAfterMs: 2000 }) : ok(),
    );
    const { router } = makeRouter([qwen], { random: () => 0.5 });
    const outcome = await run(router);
    expect(outcome.result).toMatchObject({ provider: "qwen", calls: 2 });
    // The pause, then the backoff's full jitter (0.5 of 100 ms).
    expect(qwen.callTimes).toEqual([0, 2050]);
  });

  it("gives up at once when Retry-After would pass the deadline, without calling again", async () => {
    const qwen = new FakeProvider("qwen", [fail("rate_limited", { retryAfterMs: 10_000 }), ok()]);
    const { router } = makeRouter([qwen]);
    const outcome = await run(router);
    expect(outcome.error).toBeInstanceOf(RouterError);
    expect(outcome.error).toMatchObject({ reason: "exhausted", lastKind: "rate_limited", calls: 1 });
    expect(outcome.elapsed).toBe(0);
    expect(qwen.calls).toHaveLength(1);
  });

  it("without Retry-After pause the provider for a doubling time while they continue", async () => {
    const qwen = new FakeProvider("qwen", [fail("rate_limited")]);
    const { router } = makeRouter([qwen], { random: () => 0 });
    const outcome = await run(router);
    expect(outcome.error).toMatchObject({ reason: "exhausted", lastKind: "rate_limited", calls: 4 });
    expect(qwen.callTimes).toEqual([0, 1000, 3000, 7000]);
    expect(target(router, "qwen").pausedUntil).toBe(new Date(T0 + 7000 + 8000).toISOString());
  });

  it("start from the base pause again after an answer", async () => {
    const qwen = new FakeProvider("qwen", [
      fail("rate_limited"),
      fail("rate_limited"),
      ok(),
      fail("rate_limited"),
    ]);
    const { router } = makeRouter([qwen], { random: () => 0 });
    await run(router);
    expect(qwen.callTimes).toEqual([0, 1000, 3000]);
    // The next request's first 429 pauses for the base second again, then 2 s, then 4 s.
    await run(router);
    expect(qwen.callTimes).toEqual([0, 1000, 3000, 3000, 4000, 6000, 10_000]);
  });
});

describe("health from the router's calls", () => {
  it("counts an answer that needed repair as invalid JSON, though the request succeeds", async () => {
    const fenced = '```json\n{"answer": "qwen:fenced"}\n```';
    const qwen = new FakeProvider("qwen", [{ answer: "", text: fenced }]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], { preferred: "qwen" });
    for (let index = 0; index < 5; index++) {
      const outcome = await run(router);
      expect(outcome.result).toMatchObject({ provider: "qwen", calls: 1, value: { answer: "qwen:fenced" } });
    }
    expect(target(router, "qwen")).toMatchObject({
      state: "degraded",
      reasons: ["invalid JSON 100% > 10%"],
      stats: { invalidJsonRate: 1 },
    });
    // Degraded, qwen is no longer preferred: the healthy provider takes the next request.
    expect((await run(router)).result?.provider).toBe("openai");
  });

  it("records latencies and timeouts per provider and model", async () => {
    const qwen = new FakeProvider("qwen", [ok(300), ok(700), hang()]);
    const { router } = makeRouter([qwen], { settings: { maxAttempts: 1 } });
    await run(router);
    await run(router);
    await run(router);
    expect(target(router, "qwen").stats).toMatchObject({
      samples: 3,
      p50Ms: 700,
      p95Ms: 4000,
      timeoutRate: 1 / 3,
    });
  });
});

describe("local rate limits", () => {
  it("waits for the bucket when the wait fits the deadline", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], {
      preferred: "qwen",
      settings: { rateLimits: { qwen: { requestsPerMinute: 12, tokensPerMinute: null } } },
    });
    for (let index = 0; index < 12; index++) await run(router);
    expect(qwen.calls).toHaveLength(12);
    const outcome = await run(router);
    expect(outcome.result?.provider).toBe("qwen");
    // One request every five seconds.
    expect(outcome.elapsed).toBe(5000);
    expect(openai.calls).toHaveLength(0);
  });

  it("fails over when the wait would pass the deadline", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], {
      preferred: "qwen",
      settings: { rateLimits: { qwen: { requestsPerMinute: 6, tokensPerMinute: null } } },
    });
    for (let index = 0; index < 6; index++) await run(router);
    const outcome = await run(router);
    expect(outcome.result).toMatchObject({ provider: "openai", calls: 1 });
    expect(outcome.elapsed).toBe(0);
    expect(qwen.calls).toHaveLength(6);
  });

  it("fails as unavailable on the only provider when its wait would pass the deadline", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([qwen], {
      settings: { rateLimits: { qwen: { requestsPerMinute: 6, tokensPerMinute: null } } },
    });
    for (let index = 0; index < 6; index++) await run(router);
    const outcome = await run(router);
    expect(outcome.error).toMatchObject({ reason: "unavailable", calls: 0 });
    expect(outcome.elapsed).toBe(0);
  });

  it("keeps a bounded queue, failing over past it", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], {
      preferred: "qwen",
      settings: { queueLimit: 1, rateLimits: { qwen: { requestsPerMinute: 60, tokensPerMinute: null } } },
    });
    for (let index = 0; index < 60; index++) await run(router);
    const queued = router.complete(structuredCall());
    const overflow = router.complete(structuredCall());
    expect(target(router, "qwen").rateLimit).toEqual({
      limited: true,
      headroom: 0,
      waiting: 1,
      ...NOT_REPORTED,
    });
    const [first, second] = await runAll([queued, overflow]);
    expect(first!.result?.provider).toBe("qwen");
    expect(first!.elapsed).toBe(1000);
    expect(second!.result?.provider).toBe("openai");
    expect(target(router, "qwen").rateLimit.waiting).toBe(0);
  });

  it("reserves an estimate and settles the real usage", async () => {
    const qwen = new FakeProvider("qwen", [{ answer: "yes", usage: { inputTokens: 120, outputTokens: 30 } }]);
    const { router } = makeRouter([qwen], {
      settings: { rateLimits: { qwen: { requestsPerMinute: 1000, tokensPerMinute: 10_000 } } },
    });
    const call = structuredCall();
    const pending = router.complete(call);
    // Reserved while in flight: (21 + 20 characters) / 4 rounded up, plus 400 output tokens.
    expect(target(router, "qwen").rateLimit.headroom).toBeCloseTo((10_000 - 411) / 10_000);
    await settle(pending);
    // Settled at the 150 tokens used.
    expect(target(router, "qwen").rateLimit.headroom).toBeCloseTo((10_000 - 150) / 10_000);
  });

  it("switches conservation on near a rate limit, and off once the bucket refills", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const { router } = makeRouter([qwen], {
      settings: { rateLimits: { qwen: { requestsPerMinute: 10, tokensPerMinute: null } } },
    });
    for (let index = 0; index < 9; index++) await run(router);
    expect(router.snapshot()).toMatchObject({ conservation: false, conservationReason: null });
    await run(router);
    expect(router.snapshot()).toMatchObject({ conservation: true, conservationReason: "rate_limit" });
    const call = structuredCall();
    const outcome = await run(router, call);
    expect(outcome.elapsed).toBe(6000);
    expect(call.built).toEqual([{ provider: "qwen", model: "qwen-model", conservation: true }]);
    expect(qwen.calls.at(-1)!.request.maxTokens).toBe(100);
    later(60_000);
    expect(router.conservation).toBe(false);
  });

  it("does not switch conservation on while a rate-limited provider has room", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], {
      preferred: "qwen",
      settings: {
        rateLimits: {
          qwen: { requestsPerMinute: 10, tokensPerMinute: null },
          openai: { requestsPerMinute: 10, tokensPerMinute: null },
        },
      },
    });
    for (let index = 0; index < 10; index++) await run(router);
    expect(router.conservation).toBe(false);
  });
});
