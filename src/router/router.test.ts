// The router end to end over scripted in-memory providers, with vitest's fake timers driving every wait,
// timeout and delay, and the router's clock and random injected (the clock reads the faked Date.now(); the
// router hands it to the breakers).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { readConfig } from "../config.js";
import { errorFromFailure, errorFromResponse } from "../providers/provider-errors.js";
import {
  type CompletionRequest,
  type CompletionResult,
  type LlmProvider,
  ProviderError,
  type ProviderErrorKind,
  type ProviderName,
} from "../providers/types.js";
import { createRouter } from "./index.js";
import {
  LlmRouter,
  type RouteResult,
  RouterError,
  type RouterEvent,
  type StructuredCall,
  weightsFor,
} from "./router.js";
import { DEFAULT_ROUTER_SETTINGS, type HealthThresholds, type RouterSettings } from "./settings.js";

const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

// ---------------------------------------------------------------------------------------------------------
// Scripted providers

type Step =
  /** A valid answer (or `text` as given), after `delayMs`. */
  | { answer: string; text?: string; delayMs?: number; usage?: CompletionResult["usage"] }
  /** A ProviderError, after `delayMs`; a function builds it when thrown (Retry-After dates read "now"). */
  | { error: ProviderErrorKind | (() => ProviderError); retryAfterMs?: number | null; delayMs?: number }
  /** No answer until the caller aborts. */
  | { hang: true };

const ok = (delayMs = 0): Step => ({ answer: "yes", delayMs });
const invalid = (delayMs = 0): Step => ({ answer: "", text: "not json at all", delayMs });
const fail = (
  kind: ProviderErrorKind,
  options: { retryAfterMs?: number | null; delayMs?: number } = {},
): Step => ({
  error: kind,
  ...options,
});
const hang = (): Step => ({ hang: true });

interface FakeCall {
  at: number;
  request: CompletionRequest;
  endedAt: number | null;
  /** What the call ended in: "answer", an error kind. */
  outcome: string | null;
}

/** An in-memory provider playing `script` call by call (the last step repeats), as real providers do:
 * one attempt, honouring the AbortSignal (a TimeoutError reason reads "timeout", anything else "aborted"). */
class FakeProvider implements LlmProvider {
  readonly calls: FakeCall[] = [];
  readonly model: string;

  constructor(
    readonly name: ProviderName,
    public script: Step[] | ((index: number) => Step),
    model?: string,
  ) {
    this.model = model ?? `${name}-model`;
  }

  async complete(request: CompletionRequest): Promise<CompletionResult> {
    const index = this.calls.length;
    const call: FakeCall = { at: Date.now(), request, endedAt: null, outcome: null };
    this.calls.push(call);
    const step =
      typeof this.script === "function" ? this.script(index) : (this.script[index] ?? this.script.at(-1)!);
    try {
      if ("hang" in step) {
        await this.#sleep(Number.POSITIVE_INFINITY, request.signal);
        throw new Error("unreachable");
      }
      if (step.delayMs) await this.#sleep(step.delayMs, request.signal);
      if ("error" in step) {
        throw typeof step.error === "function"
          ? step.error()
          : new ProviderError(this.name, step.error, `${this.name}: ${step.error}`, {
              retryAfterMs: step.retryAfterMs ?? null,
            });
      }
      call.outcome = "answer";
      return {
        text: step.text ?? JSON.stringify({ answer: `${this.name}:${step.answer}` }),
        provider: this.name,
        model: request.model,
        usage: step.usage ?? { inputTokens: 10, outputTokens: 20 },
        finishReason: "stop",
      };
    } catch (error) {
      call.outcome = error instanceof ProviderError ? error.kind : "error";
      throw error;
    } finally {
      call.endedAt = Date.now();
    }
  }

  /** Waits `ms` on a (fake) timer, or rejects as a real provider does when `signal` aborts. */
  #sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const aborted = () => reject(errorFromFailure(this.name, signal.reason, signal));
      if (signal.aborted) return aborted();
      const timer = Number.isFinite(ms) ? setTimeout(resolve, ms) : undefined;
      signal.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          aborted();
        },
        { once: true },
      );
    });
  }

  get callTimes(): number[] {
    return this.calls.map((call) => call.at - T0);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The router and its calls

/** mulberry32: a small seeded PRNG in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Setup {
  settings?: Partial<Omit<RouterSettings, "health">>;
  health?: Partial<HealthThresholds>;
  weights?: Record<string, number>;
  preferred?: ProviderName | null;
  conservation?: boolean;
  random?: () => number;
}

function makeRouter(
  providers: FakeProvider[],
  setup: Setup = {},
): { router: LlmRouter; events: RouterEvent[] } {
  const events: RouterEvent[] = [];
  const router = new LlmRouter({
    providers,
    settings: {
      ...DEFAULT_ROUTER_SETTINGS,
      ...setup.settings,
      health: { ...DEFAULT_ROUTER_SETTINGS.health, ...setup.health },
    },
    weights: setup.weights ?? {},
    preferred: setup.preferred ?? null,
    conservation: setup.conservation ?? false,
    clock: { now: () => Date.now() },
    random: setup.random ?? seeded(42),
    onEvent: (event) => events.push(event),
  });
  return { router, events };
}

const Answer = z.object({ answer: z.string() });
type Answer = z.infer<typeof Answer>;

interface Built {
  provider: ProviderName;
  model: string;
  conservation: boolean;
}

function structuredCall(
  overrides: Partial<StructuredCall<Answer>> = {},
): StructuredCall<Answer> & { built: Built[] } {
  const built: Built[] = [];
  return {
    build: ({ provider, model, conservation }) => {
      built.push({ provider: provider.name, model, conservation });
      return {
        system: "Read the appointment.",
        user: "cita mañana a las 11",
        schema: { name: "answer", description: "the answer", jsonSchema: { type: "object" } },
        maxTokens: conservation ? 100 : 400,
        temperature: 0,
        requestId: "request-1",
      };
    },
    schema: Answer,
    requestId: "request-1",
    built,
    ...overrides,
  };
}

type Settled<T> =
  | { result: RouteResult<T>; error?: undefined; elapsed: number }
  | { result?: undefined; error: RouterError; elapsed: number };

/** Runs one request, moving the fake clock from timer to timer until it settles. */
async function run<T>(
  router: LlmRouter,
  call: StructuredCall<T> = structuredCall() as never,
): Promise<Settled<T>> {
  return settle(router.complete(call));
}

async function settle<T>(promise: Promise<RouteResult<T>>): Promise<Settled<T>> {
  const started = Date.now();
  let settled: Settled<T> | null = null;
  promise.then(
    (result) => {
      settled = { result, elapsed: Date.now() - started };
    },
    (error: unknown) => {
      if (!(error instanceof RouterError)) throw error;
      settled = { error, elapsed: Date.now() - started };
    },
  );
  for (let step = 0; step < 10_000 && settled === null; step++) {
    if (vi.getTimerCount() === 0) await vi.advanceTimersByTimeAsync(0);
    else await vi.advanceTimersToNextTimerAsync();
    if (settled === null && vi.getTimerCount() === 0) {
      await vi.advanceTimersByTimeAsync(0);
      if (settled === null) throw new Error("the request neither settled nor left a timer pending");
    }
  }
  if (settled === null) throw new Error("the request did not settle");
  return settled;
}

/** Several requests at once, settled together. */
async function runAll<T>(promises: Promise<RouteResult<T>>[]): Promise<Settled<T>[]> {
  const results: (Settled<T> | null)[] = promises.map(() => null);
  const started = Date.now();
  promises.forEach((promise, index) => {
    promise.then(
      (result) => {
        results[index] = { result, elapsed: Date.now() - started };
      },
      (error: unknown) => {
        results[index] = { error: error as RouterError, elapsed: Date.now() - started };
      },
    );
  });
  for (let step = 0; step < 10_000 && results.includes(null); step++) {
    if (vi.getTimerCount() === 0) await vi.advanceTimersByTimeAsync(0);
    else await vi.advanceTimersToNextTimerAsync();
    if (results.includes(null) && vi.getTimerCount() === 0) {
      await vi.advanceTimersByTimeAsync(0);
      if (results.includes(null)) throw new Error("requests neither settled nor left a timer pending");
    }
  }
  return results as Settled<T>[];
}

function later(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

function target(router: LlmRouter, provider: ProviderName) {
  const found = router.snapshot().providers.find((entry) => entry.provider === provider);
  if (found === undefined) throw new Error(`no ${provider}`);
  return found;
}

/** Opens `provider`'s breaker through the router: five 5xx answers, each request failing over. */
async function openBreaker(router: LlmRouter, provider: FakeProvider): Promise<void> {
  const script = provider.script;
  provider.script = [fail("server")];
  for (let index = 0; index < 5 && target(router, provider.name).breaker === "closed"; index++) {
    await run(router, structuredCall());
  }
  expect(target(router, provider.name).breaker).toBe("open");
  provider.script = script;
}

// ---------------------------------------------------------------------------------------------------------

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
    expect(target(router, "qwen").rateLimit).toEqual({ limited: true, headroom: 1, waiting: 0 });
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

describe("deterministic refusals", () => {
  it.each<ProviderErrorKind>(["context_length", "content_policy", "bad_request"])(
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
    expect(target(router, "qwen").rateLimit).toEqual({ limited: true, headroom: 0, waiting: 1 });
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
          rateLimit: { limited: true, headroom: expect.closeTo(0.99 + 250 / 60_000, 5), waiting: 0 },
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
          rateLimit: { limited: false, headroom: 1, waiting: 0 },
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
