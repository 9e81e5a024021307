// The router end to end over scripted in-memory providers, for the router's tests (src/router/*.test.ts):
// vitest's fake timers drive every wait, timeout and delay, and the router's clock and random are injected
// (the clock reads the faked Date.now(); the router hands it to the breakers). `useFakeClock()` installs
// the timers for a test file, at T0.

import { afterEach, beforeEach, expect, vi } from "vitest";
import { z } from "zod";
import { errorFromFailure } from "../../src/providers/provider-errors.js";
import {
  type CompletionRequest,
  type CompletionResult,
  type LlmProvider,
  ProviderError,
  type ProviderErrorKind,
  type ProviderName,
} from "../../src/providers/types.js";
import {
  LlmRouter,
  type RouteResult,
  RouterError,
  type RouterEvent,
  type StructuredCall,
} from "../../src/router/router.js";
import {
  DEFAULT_ROUTER_SETTINGS,
  type HealthThresholds,
  type RouterSettings,
} from "../../src/router/settings.js";
import type { SharedState } from "../../src/shared/state.js";
import { seededRandom } from "../../tools/simulator/random.js";

export const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);

export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

// ---------------------------------------------------------------------------------------------------------
// Scripted providers

export type Step =
  /** A valid answer (or `text` as given), after `delayMs`. */
  | { answer: string; text?: string; delayMs?: number; usage?: CompletionResult["usage"] }
  /** A ProviderError, after `delayMs`; a function builds it when thrown (Retry-After dates read "now"). */
  | { error: ProviderErrorKind | (() => ProviderError); retryAfterMs?: number | null; delayMs?: number }
  /** No answer until the caller aborts. */
  | { hang: true };

export const ok = (delayMs = 0): Step => ({ answer: "yes", delayMs });
export const invalid = (delayMs = 0): Step => ({ answer: "", text: "not json at all", delayMs });
export const fail = (
  kind: ProviderErrorKind,
  options: { retryAfterMs?: number | null; delayMs?: number } = {},
): Step => ({
  error: kind,
  ...options,
});
export const hang = (): Step => ({ hang: true });

export interface FakeCall {
  at: number;
  request: CompletionRequest;
  endedAt: number | null;
  /** What the call ended in: "answer", an error kind. */
  outcome: string | null;
}

/** An in-memory provider playing `script` call by call (the last step repeats), as real providers do:
 * one attempt, honouring the AbortSignal (a TimeoutError reason reads "timeout", anything else "aborted"). */
export class FakeProvider implements LlmProvider {
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

/** mulberry32, the simulator's: a small seeded PRNG in [0, 1). */
export const seeded = seededRandom;

export interface Setup {
  settings?: Partial<Omit<RouterSettings, "health">>;
  health?: Partial<HealthThresholds>;
  weights?: Record<string, number>;
  preferred?: ProviderName | null;
  conservation?: boolean;
  random?: () => number;
  shared?: SharedState;
}

export function makeRouter(
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
    ...(setup.shared !== undefined ? { shared: setup.shared } : {}),
  });
  return { router, events };
}

export const Answer = z.object({ answer: z.string() });
export type Answer = z.infer<typeof Answer>;

export interface Built {
  provider: ProviderName;
  model: string;
  conservation: boolean;
}

export function structuredCall(
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

export type Settled<T> =
  | { result: RouteResult<T>; error?: undefined; elapsed: number }
  | { result?: undefined; error: RouterError; elapsed: number };

/** Runs one request, moving the fake clock from timer to timer until it settles. */
export async function run<T>(
  router: LlmRouter,
  call: StructuredCall<T> = structuredCall() as never,
): Promise<Settled<T>> {
  return settle(router.complete(call));
}

export async function settle<T>(promise: Promise<RouteResult<T>>): Promise<Settled<T>> {
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
export async function runAll<T>(promises: Promise<RouteResult<T>>[]): Promise<Settled<T>[]> {
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

export function later(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

export function target(router: LlmRouter, provider: ProviderName) {
  const found = router.snapshot().providers.find((entry) => entry.provider === provider);
  if (found === undefined) throw new Error(`no ${provider}`);
  return found;
}

/** Opens `provider`'s breaker through the router: five 5xx answers, each request failing over. */
export async function openBreaker(router: LlmRouter, provider: FakeProvider): Promise<void> {
  const script = provider.script;
  provider.script = [fail("server")];
  for (let index = 0; index < 5 && target(router, provider.name).breaker === "closed"; index++) {
    await run(router, structuredCall());
  }
  expect(target(router, provider.name).breaker).toBe("open");
  provider.script = script;
}
