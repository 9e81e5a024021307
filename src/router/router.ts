// The LLM router: picks a provider per call by weight and health, and runs the call within one deadline:
// each attempt with its own timeout, through the provider's circuit breaker and rate limits, retried with
// exponential backoff and full jitter, failed over to another provider, hedged when the first is slow,
// answered from the cache when it can. It keeps per provider and model a health window, and tells the
// coordinator whether LLMs are healthy, degraded (run the minimal sequence) or down (read by rules).
//
// State lives in one instance per process (per isolate on Workers, created lazily by the app).
import type { z } from "zod";
import { completeStructured, type InvalidOutput, type StructuredResult } from "../llm/structured.js";
import type { ModelPrice } from "../providers/types.js";
import {
  type CompletionRequest,
  isProviderError,
  type LlmProvider,
  type ProviderError,
  type ProviderErrorKind,
  type ProviderName,
} from "../providers/types.js";
import { Breaker, type BreakerState, BrokenCircuitError } from "./breaker.js";
import { type BudgetSnapshot, DailyBudget } from "./budget.js";
import { AnswerCache } from "./cache.js";
import { type CallOutcome, type HealthState, type HealthStats, HealthWindow } from "./health.js";
import { ProviderLimiter, RateLimitPause, type Reservation } from "./rate-limit.js";
import type { RouterSettings } from "./settings.js";

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export type RouterState = "healthy" | "degraded" | "down";

export interface RouterOptions {
  providers: readonly LlmProvider[];
  settings: RouterSettings;
  /** Routing weights by provider name; see `weightsFor`. */
  weights?: Record<string, number>;
  preferred?: ProviderName | null;
  conservation?: boolean;
  /** The model a provider uses for the Parsing agent (a per-agent override, or its default). */
  modelFor?: (provider: LlmProvider) => string;
  clock?: Clock;
  /** In [0, 1): weighted choice and backoff jitter. */
  random?: () => number;
  /** Told about every routing event worth a log line (breaker opened, failover, hedge...). */
  onEvent?: (event: RouterEvent) => void;
  /** Told about every call that reached a provider: the metrics' source. */
  onCall?: (call: CallRecord) => void;
  /** Told about every answer confidence credited to a provider. */
  onConfidence?: (provider: ProviderName, model: string, confidence: number) => void;
  /** USD per million tokens by model, for the cost of each call and the daily budget. */
  prices?: Readonly<Record<string, ModelPrice>>;
}

/** One call that reached a provider (a re-ask inside it included), for metrics and cost. */
export interface CallRecord {
  provider: ProviderName;
  model: string;
  outcome: CallOutcome;
  /** The HTTP status class, or what happened instead of one. */
  status: "2xx" | "4xx" | "429" | "5xx" | "timeout" | "connection" | "aborted";
  durationMs: number;
  inputTokens: number;
  outputTokens: number;
  /** Answers received, and those that were not clean JSON (repaired or invalid). */
  answers: number;
  invalidAnswers: number;
  requestId: string;
  /** From the price table; 0 for a model without a price. */
  costUsd: number;
}

export interface RouterEvent {
  event: "attempt_failed" | "hedge" | "rate_limited" | "breaker_opened" | "breaker_closed";
  provider: ProviderName;
  model: string;
  kind?: string;
  requestId?: string;
}

export interface StructuredCall<T> {
  /** The request for a provider and model; `conservation` asks for the short prompt and fewer tokens. */
  build(target: {
    provider: LlmProvider;
    model: string;
    conservation: boolean;
  }): Omit<CompletionRequest, "signal" | "model">;
  schema: z.ZodType<T>;
  /** Without a key the answer is neither looked up nor stored; the router adds the prompt variant to it. */
  cacheKey?: string;
  requestId: string;
  /** The client going away. */
  signal?: AbortSignal;
  onInvalidOutput?: (event: InvalidOutput) => void;
  /**
   * Try this provider and model first (a model-registry variant, such as a fine-tuned model): when it
   * cannot take the call or fails, the request is routed as usual.
   */
  pin?: { provider: ProviderName; model: string };
}

export interface RouteResult<T> extends StructuredResult<T> {
  cache: "hit" | "miss" | "bypass";
  /** Provider calls made for this request (re-asks and hedges included); 0 on a cache hit. */
  calls: number;
  /** What those calls cost, from the price table (failed and hedged calls included). */
  costUsd: number;
  hedged: boolean;
}

export type RouterFailure = "unavailable" | "exhausted" | "deadline" | "aborted";

/** The router gave up: the caller reads by rules (or answers 503 in mode llm). */
export class RouterError extends Error {
  constructor(
    readonly reason: RouterFailure,
    message: string,
    /** The last provider error's kind, if any. */
    readonly lastKind: string | null,
    readonly calls: number,
    /** Who gave that last error. */
    readonly lastTarget: { provider: ProviderName; model: string } | null = null,
  ) {
    super(message);
    this.name = "RouterError";
  }
}

export interface TargetSnapshot {
  provider: ProviderName;
  model: string;
  state: HealthState;
  breaker: BreakerState;
  breakerOpenings: number;
  pausedUntil: string | null;
  weight: number;
  reasons: string[];
  stats: HealthStats;
  rateLimit: { limited: boolean; headroom: number; waiting: number };
}

export interface RouterSnapshot {
  state: RouterState;
  conservation: boolean;
  conservationReason: "configured" | "admin" | "rate_limit" | "budget" | null;
  budget: BudgetSnapshot;
  forcedDegraded: boolean;
  preferred: ProviderName | null;
  hedges: { calls: number; hedges: number; budget: number };
  cache: { entries: number; hits: number; misses: number; enabled: boolean };
  providers: TargetSnapshot[];
}

/** One provider with the model it uses for parsing, and everything the router knows of it. */
interface Target {
  key: string;
  provider: LlmProvider;
  model: string;
  health: HealthWindow;
  breaker: Breaker;
  pause: RateLimitPause;
  limiter: ProviderLimiter;
}

/** Not worth another attempt anywhere near: the provider refused this request as such. */
const DETERMINISTIC = new Set(["context_length", "content_policy", "bad_request", "auth"]);
/** Conservation switches itself on when a rate-limited provider has less than this share left. */
const CONSERVATION_HEADROOM = 0.1;
/** Below this much time left, no new attempt starts. */
const MIN_ATTEMPT_MS = 50;

export class LlmRouter {
  readonly settings: RouterSettings;
  readonly #targets: Target[];
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #cache: AnswerCache<StructuredResult<unknown>>;
  readonly #onEvent: (event: RouterEvent) => void;
  readonly #onCall: (call: CallRecord) => void;
  readonly #onConfidence: (provider: ProviderName, model: string, confidence: number) => void;
  readonly #prices: Readonly<Record<string, ModelPrice>>;
  readonly #budget: DailyBudget;
  /** What each request's calls cost so far. */
  readonly #spent = new WeakMap<object, number>();
  /** Targets for pinned models (registry variants), kept out of the weighted choice. */
  readonly #pinned = new Map<string, Target>();
  #weights: Record<string, number>;
  #preferred: ProviderName | null;
  #conservation: "configured" | "admin" | null;
  #forcedDegraded = false;
  #calls = 0;
  #hedges = 0;

  constructor(options: RouterOptions) {
    this.settings = options.settings;
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    this.#onEvent = options.onEvent ?? (() => {});
    this.#onCall = options.onCall ?? (() => {});
    this.#onConfidence = options.onConfidence ?? (() => {});
    this.#prices = options.prices ?? {};
    this.#weights = { ...(options.weights ?? {}) };
    this.#preferred = options.preferred ?? null;
    this.#conservation = options.conservation ? "configured" : null;
    this.#cache = new AnswerCache(options.settings.cacheMaxEntries);
    const now = this.#clock.now();
    this.#budget = new DailyBudget(
      {
        dailyUsd: options.settings.dailyBudgetUsd,
        conservationShare: options.settings.budgetConservationShare,
      },
      now,
    );
    this.#targets = options.providers.map((provider) =>
      this.#newTarget(provider, options.modelFor?.(provider) ?? provider.model, now),
    );
  }

  #newTarget(provider: LlmProvider, model: string, now: number): Target {
    const health = this.settings.health;
    return {
      key: `${provider.name}/${model}`,
      provider,
      model,
      health: new HealthWindow(health),
      breaker: new Breaker({
        cooldownMs: this.settings.breakerCooldownMs,
        threshold: health.serverErrorRate,
        minimumCalls: health.minSamples,
        clock: () => this.#clock.now(),
      }),
      pause: new RateLimitPause(this.settings.rateLimitPauseMs),
      limiter: new ProviderLimiter(this.settings.rateLimits[provider.name], this.settings.queueLimit, now),
    };
  }

  /** The target of a pinned provider and model: a routed one, or one kept aside for pinned calls. */
  #pinnedTarget(pin: { provider: ProviderName; model: string }): Target | null {
    const key = `${pin.provider}/${pin.model}`;
    const routed = this.#targets.find((target) => target.key === key);
    if (routed !== undefined) return routed;
    let target = this.#pinned.get(key);
    if (target === undefined) {
      const provider = this.#targets.find((entry) => entry.provider.name === pin.provider)?.provider;
      if (provider === undefined) return null;
      target = this.#newTarget(provider, pin.model, this.#clock.now());
      this.#pinned.set(key, target);
    }
    return target;
  }

  get providers(): readonly LlmProvider[] {
    return this.#targets.map((target) => target.provider);
  }

  /** Conservation mode in force: configured, set by an operator, or switched on near a rate limit. */
  get conservation(): boolean {
    return this.#conservationReason() !== null;
  }

  /**
   * What the coordinator should run: healthy (some usable provider is healthy), degraded (usable ones are
   * all degraded, or an operator forced it: the minimal sequence) or down (none usable: rules).
   */
  state(now: number = this.#clock.now()): RouterState {
    // Past the daily budget no LLM is called: every request reads by rules.
    if (this.#budget.state(now) === "exhausted") return "down";
    const states = this.#targets.map((target) => this.#usableState(target, now));
    if (states.every((state) => state === null)) return "down";
    if (this.#forcedDegraded) return "degraded";
    return states.includes("healthy") ? "healthy" : "degraded";
  }

  /** The confidence Cita computed for an answer, credited to the provider that gave it. */
  recordConfidence(provider: ProviderName, model: string, confidence: number): void {
    const target = [...this.#targets, ...this.#pinned.values()].find(
      (entry) => entry.provider.name === provider && entry.model === model,
    );
    target?.health.recordConfidence(confidence, this.#clock.now());
    if (target !== undefined) this.#onConfidence(provider, model, confidence);
  }

  async complete<T>(call: StructuredCall<T>): Promise<RouteResult<T>> {
    const started = this.#clock.now();
    const deadlineAt = started + this.settings.deadlineMs;
    const conservation = this.conservation;
    // The short and the full prompt answer differently: each has its own entries.
    const key =
      call.cacheKey === undefined ? undefined : `${call.cacheKey}\u0000${conservation ? "short" : "full"}`;
    if (key !== undefined && this.#cache.enabled) {
      const cached = this.#cache.get(key, started);
      if (cached !== undefined)
        return { ...(cached as StructuredResult<T>), cache: "hit", calls: 0, hedged: false, costUsd: 0 };
    }
    const cacheState = key !== undefined && this.#cache.enabled ? "miss" : "bypass";
    this.#calls++;
    // One signal for the whole request: the deadline, or the client going away.
    const request = new AbortController();
    const timer = setTimeout(
      () => request.abort(new DOMException("The deadline passed.", "TimeoutError")),
      this.settings.deadlineMs,
    );
    const follow = () => request.abort(call.signal?.reason);
    if (call.signal?.aborted) follow();
    else call.signal?.addEventListener("abort", follow, { once: true });
    const refused = new Set<string>();
    const failed = new Map<string, number>();
    let pinned = call.pin === undefined ? null : this.#pinnedTarget(call.pin);
    let calls = 0;
    let hedged = false;
    let last: ProviderError | null = null;
    try {
      while (calls < this.settings.maxAttempts) {
        if (request.signal.aborted) break;
        const now = this.#clock.now();
        const remaining = deadlineAt - now;
        if (remaining < MIN_ATTEMPT_MS) break;
        if (this.#budget.state(now) === "exhausted") break;
        // A pinned target gets the first attempt if it can take it; then the request is routed as usual.
        const first = pinned !== null && this.#usableState(pinned, now) !== null ? pinned : null;
        pinned = null;
        const target = first ?? this.#choose(now, refused, failed);
        if (target === null) {
          // Nobody can take it now: wait for the first provider to come back if that fits the deadline.
          const wait = this.#nextAvailableIn(now, refused);
          if (wait === null || wait > remaining - MIN_ATTEMPT_MS) break;
          if (!(await pause(wait, request.signal))) break;
          continue;
        }
        const retries = failed.get(target.key) ?? 0;
        if (retries > 0) {
          // The same provider again (no other can take it): back off, full jitter, within the deadline.
          const ceiling = Math.min(
            this.settings.backoffMaxMs,
            this.settings.backoffBaseMs * 2 ** (retries - 1),
          );
          const backoff = Math.floor(this.#random() * ceiling);
          if (backoff > remaining - MIN_ATTEMPT_MS) break;
          if (!(await pause(backoff, request.signal))) break;
        }
        const attempt = await this.#attemptWithHedge(target, call, request.signal, deadlineAt, conservation, {
          callsSoFar: calls,
          refused,
          failed,
        });
        calls += attempt.calls;
        hedged ||= attempt.hedged;
        if (attempt.result !== null) {
          if (key !== undefined) {
            const ttl = conservation ? this.settings.conservationCacheTtlMs : this.settings.cacheTtlMs;
            this.#cache.set(key, attempt.result, ttl, this.#clock.now());
          }
          return { ...attempt.result, cache: cacheState, calls, hedged, costUsd: this.#spent.get(call) ?? 0 };
        }
        last = attempt.error ?? last;
      }
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener("abort", follow);
    }
    const reason: RouterFailure = call.signal?.aborted
      ? "aborted"
      : request.signal.aborted || this.#clock.now() >= deadlineAt - MIN_ATTEMPT_MS
        ? "deadline"
        : calls === 0
          ? "unavailable"
          : "exhausted";
    throw new RouterError(
      reason,
      `No LLM answer (${reason}${last ? `, last: ${last.kind}` : ""}) after ${calls} call(s)`,
      last?.kind ?? null,
      calls,
      last === null ? null : this.#targetOf(last.provider),
    );
  }

  #targetOf(provider: ProviderName): { provider: ProviderName; model: string } | null {
    const target = this.#targets.find((entry) => entry.provider.name === provider);
    return target === undefined ? null : { provider, model: target.model };
  }

  /** One attempt on `target`, and a hedge on another provider if the first is slow. */
  async #attemptWithHedge<T>(
    target: Target,
    call: StructuredCall<T>,
    signal: AbortSignal,
    deadlineAt: number,
    conservation: boolean,
    tracking: { callsSoFar: number; refused: Set<string>; failed: Map<string, number> },
  ): Promise<{
    result: StructuredResult<T> | null;
    error: ProviderError | null;
    calls: number;
    hedged: boolean;
  }> {
    const first = this.#launch(target, call, signal, deadlineAt, conservation);
    if (first === null) {
      tracking.refused.add(target.key);
      return { result: null, error: null, calls: 0, hedged: false };
    }
    const delay = this.#hedgeDelay(target);
    const canHedge =
      !conservation &&
      delay !== null &&
      tracking.callsSoFar + 1 < this.settings.maxAttempts &&
      this.#hedges + 1 <= this.settings.hedgeBudget * this.#calls;
    let outcomes = [first];
    if (canHedge) {
      const timer = timeout(delay);
      const early = await Promise.race([first.done.then(() => true), timer.elapsed.then(() => false)]);
      timer.cancel();
      if (!early && !signal.aborted) {
        const exclude = new Set([...tracking.refused, target.key]);
        const other = this.#choose(this.#clock.now(), exclude, new Map(), true);
        const second = other ? this.#launch(other, call, signal, deadlineAt, conservation) : null;
        if (second !== null && other !== null) {
          this.#hedges++;
          this.#onEvent({
            event: "hedge",
            provider: other.provider.name,
            model: other.model,
            requestId: call.requestId,
          });
          outcomes = [first, second];
        }
      }
    }
    const winner = await firstValid(outcomes);
    // The other call, if any, is aborted: the first valid answer wins.
    if (winner !== null) for (const outcome of outcomes) if (outcome !== winner) outcome.abort();
    await Promise.all(outcomes.map((outcome) => outcome.done));
    const errors: ProviderError[] = [];
    for (const outcome of outcomes) {
      const settled = outcome.settled!;
      if (outcome === winner || outcome.cancelled || !("error" in settled)) continue;
      if (settled.error !== null) {
        errors.push(settled.error);
        this.#afterFailure(outcome.target, settled.error, tracking, call.requestId);
      } else {
        // Refused by its breaker after all (another request took the probe): try elsewhere first.
        tracking.failed.set(outcome.target.key, (tracking.failed.get(outcome.target.key) ?? 0) + 1);
      }
    }
    const calls = outcomes.reduce((sum, outcome) => sum + outcome.calls(), 0);
    const hedged = outcomes.length > 1;
    if (winner !== null && "value" in winner.settled!) {
      return { result: winner.settled.value, error: null, calls, hedged };
    }
    return { result: null, error: errors.at(-1) ?? null, calls, hedged };
  }

  /** Starts one call on `target`, or null when its rate limit would make it wait past the deadline. */
  #launch<T>(
    target: Target,
    call: StructuredCall<T>,
    parent: AbortSignal,
    deadlineAt: number,
    conservation: boolean,
  ): Launched<T> | null {
    const now = this.#clock.now();
    const built = call.build({ provider: target.provider, model: target.model, conservation });
    const estimate = Math.ceil((built.system.length + built.user.length) / 4) + built.maxTokens;
    const reservation = target.limiter.reserve(estimate, now, deadlineAt - now - MIN_ATTEMPT_MS);
    if (reservation === null) return null;
    const controller = new AbortController();
    const follow = () => controller.abort(parent.reason);
    if (parent.aborted) follow();
    else parent.addEventListener("abort", follow, { once: true });
    const launched: Launched<T> = {
      target,
      settled: null,
      cancelled: false,
      sent: false,
      answers: 0,
      invalid: 0,
      abort: () => {
        if (launched.settled !== null) return;
        launched.cancelled = true;
        controller.abort(new DOMException("Another provider answered first.", "AbortError"));
      },
      // A call refused by the breaker or abandoned while waiting for its bucket never reached the provider.
      calls: () => Math.max(launched.answers, launched.sent ? 1 : 0),
      done: Promise.resolve(),
    };
    launched.done = this.#run(target, call, built, controller, reservation, deadlineAt, launched).finally(
      () => parent.removeEventListener("abort", follow),
    );
    return launched;
  }

  async #run<T>(
    target: Target,
    call: StructuredCall<T>,
    built: Omit<CompletionRequest, "signal" | "model">,
    controller: AbortController,
    reservation: Reservation,
    deadlineAt: number,
    launched: Launched<T>,
  ): Promise<void> {
    const probe = target.breaker.probing(this.#clock.now());
    const openings = target.breaker.openings;
    if (reservation.waitMs > 0 && !(await pause(reservation.waitMs, controller.signal))) {
      reservation.cancel(this.#clock.now());
      launched.settled = { error: null };
      return;
    }
    reservation.sent();
    const started = this.#clock.now();
    const timeoutMs = Math.max(1, Math.min(this.settings.attemptTimeoutMs, deadlineAt - started));
    const timer = setTimeout(
      () => controller.abort(new DOMException("The attempt timed out.", "TimeoutError")),
      timeoutMs,
    );
    let outcome: CallOutcome = "ok";
    let latencyMs: number | null = null;
    let status: CallRecord["status"] = "2xx";
    let usage = { inputTokens: 0, outputTokens: 0 };
    try {
      const result = await target.breaker.execute(() => {
        launched.sent = true;
        return completeStructured(
          target.provider,
          { ...built, model: target.model, signal: controller.signal },
          call.schema,
          {
            // Answers that needed repair count as invalid JSON for health: the provider sent no clean JSON.
            onAnswer: (json) => {
              launched.answers++;
              if (json !== "valid") launched.invalid++;
            },
            ...(call.onInvalidOutput ? { onInvalidOutput: call.onInvalidOutput } : {}),
          },
        );
      });
      latencyMs = this.#clock.now() - started;
      usage = result.usage;
      reservation.settle(result.usage.inputTokens + result.usage.outputTokens, this.#clock.now());
      target.pause.answered();
      if (probe)
        this.#onEvent({ event: "breaker_closed", provider: target.provider.name, model: target.model });
      launched.settled = { value: result };
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        // Refused before it was sent: the whole reservation goes back, the request as well as its tokens.
        reservation.cancel(this.#clock.now());
        outcome = "cancelled";
        launched.settled = { error: null };
        return;
      }
      reservation.settle(0, this.#clock.now());
      const providerError = isProviderError(error) ? error : null;
      ({ outcome, status } = classify(providerError, launched.cancelled));
      if (outcome === "timeout") latencyMs = this.#clock.now() - started;
      if (outcome === "invalid_output") latencyMs = this.#clock.now() - started;
      if (providerError?.kind === "rate_limited") {
        const until = target.pause.limited(this.#clock.now(), providerError.retryAfterMs);
        this.#onEvent({
          event: "rate_limited",
          provider: target.provider.name,
          model: target.model,
          kind: `paused until ${new Date(until).toISOString()}`,
        });
      } else if (providerError !== null) target.pause.answered();
      if (target.breaker.openings > openings) {
        this.#onEvent({ event: "breaker_opened", provider: target.provider.name, model: target.model });
      }
      launched.settled = { error: providerError };
    } finally {
      clearTimeout(timer);
      target.health.record({
        at: this.#clock.now(),
        outcome,
        latencyMs,
        answers: launched.answers,
        invalidAnswers: launched.invalid,
      });
      // A probe that closed the breaker starts the provider with a clean window.
      if (probe && target.breaker.state === "closed") target.health.clear();
      if (launched.sent) {
        const price = this.#prices[target.model];
        const costUsd =
          price === undefined
            ? 0
            : (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1e6;
        this.#budget.add(costUsd, this.#clock.now());
        this.#spent.set(call, (this.#spent.get(call) ?? 0) + costUsd);
        this.#onCall({
          provider: target.provider.name,
          model: target.model,
          outcome,
          status,
          durationMs: this.#clock.now() - started,
          ...usage,
          answers: launched.answers,
          invalidAnswers: launched.invalid,
          requestId: call.requestId,
          costUsd,
        });
      }
    }
  }

  #afterFailure(
    target: Target,
    error: ProviderError,
    tracking: { refused: Set<string>; failed: Map<string, number> },
    requestId: string,
  ): void {
    if (DETERMINISTIC.has(error.kind) || error.kind === "invalid_output") tracking.refused.add(target.key);
    else tracking.failed.set(target.key, (tracking.failed.get(target.key) ?? 0) + 1);
    this.#onEvent({
      event: "attempt_failed",
      provider: target.provider.name,
      model: target.model,
      kind: error.kind,
      requestId,
    });
  }

  /**
   * The provider for the next attempt: among those that can take a call now and were not refused for this
   * request, those not yet failed in it first; healthy before degraded; the preferred one when healthy;
   * otherwise by weight.
   */
  #choose(
    now: number,
    refused: Set<string>,
    failed: Map<string, number>,
    healthyOnly = false,
  ): Target | null {
    const open = this.#targets
      .map((target) => ({ target, state: this.#usableState(target, now) }))
      .filter(
        (entry): entry is { target: Target; state: HealthState } =>
          entry.state !== null && !refused.has(entry.target.key),
      );
    const fresh = open.filter((entry) => !failed.has(entry.target.key));
    const pool = fresh.length > 0 ? fresh : open;
    const healthy = pool.filter((entry) => entry.state === "healthy");
    if (healthyOnly && healthy.length === 0) return null;
    const tier = healthy.length > 0 ? healthy : pool;
    if (tier.length === 0) return null;
    const preferred = tier.find((entry) => entry.target.provider.name === this.#preferred);
    if (preferred && preferred.state === "healthy") return preferred.target;
    return this.#weighted(tier.map((entry) => entry.target));
  }

  #weighted(targets: Target[]): Target {
    const weights = weightsFor(
      targets.map((target) => target.provider.name),
      this.#weights,
    );
    const positive = targets.filter((_, index) => weights[index]! > 0);
    if (positive.length === 0) return targets[0]!;
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let pick = this.#random() * total;
    for (const [index, target] of targets.entries()) {
      pick -= weights[index]!;
      if (pick < 0 && weights[index]! > 0) return target;
    }
    return positive.at(-1)!;
  }

  /** The target's state if it can take a call now, else null (breaker open, paused by 429s, down). */
  #usableState(target: Target, now: number): HealthState | null {
    if (!target.breaker.admits(now)) return null;
    if (target.pause.until(now) !== null) return null;
    // An open breaker whose cooldown is over takes its probe whatever its window says, in the healthy
    // tier: otherwise a provider with healthy backups would never be probed and never come back.
    if (target.breaker.probing(now)) return "healthy";
    const { state } = target.health.assess(now);
    return state === "down" ? null : state;
  }

  /** How long until a provider not refused for this request can take a call again, if any will. */
  #nextAvailableIn(now: number, refused: Set<string>): number | null {
    let soonest: number | null = null;
    for (const target of this.#targets) {
      if (refused.has(target.key)) continue;
      const cooling = target.breaker.reopensIn(now);
      if (cooling === null) continue;
      const wait = Math.max((target.pause.until(now) ?? now) - now, cooling);
      if (wait > 0 && (soonest === null || wait < soonest)) soonest = wait;
    }
    return soonest;
  }

  /** Hedge after the configured delay, or after the provider's recent p95 once it has enough samples. */
  #hedgeDelay(target: Target): number | null {
    if (this.settings.hedgeBudget <= 0 || this.#targets.length < 2) return null;
    if (this.settings.hedgeDelayMs !== null) return this.settings.hedgeDelayMs;
    const stats = target.health.stats(this.#clock.now());
    return stats.samples >= this.settings.health.minSamples ? stats.p95Ms : null;
  }

  #conservationReason(): RouterSnapshot["conservationReason"] {
    if (this.#conservation !== null) return this.#conservation;
    const now = this.#clock.now();
    if (this.#budget.state(now) !== "ok") return "budget";
    // When every provider with a local limit has nearly spent it.
    const limited = this.#targets.filter((target) => target.limiter.limited);
    if (
      limited.length > 0 &&
      limited.every((target) => target.limiter.headroom(now) < CONSERVATION_HEADROOM)
    ) {
      return "rate_limit";
    }
    return null;
  }

  snapshot(): RouterSnapshot {
    const now = this.#clock.now();
    const names = this.#targets.map((target) => target.provider.name);
    const weights = weightsFor(names, this.#weights);
    const cache = this.#cache.stats();
    return {
      state: this.state(now),
      conservation: this.conservation,
      conservationReason: this.#conservationReason(),
      budget: this.#budget.snapshot(now),
      forcedDegraded: this.#forcedDegraded,
      preferred: this.#preferred,
      hedges: { calls: this.#calls, hedges: this.#hedges, budget: this.settings.hedgeBudget },
      cache: { ...cache, enabled: this.#cache.enabled },
      // Routed providers, then pinned models (registry variants: weight 0, outside the weighted choice).
      providers: [...this.#targets, ...this.#pinned.values()].map((target, index) => {
        const assessment = target.health.assess(now);
        const pausedUntil = target.pause.until(now);
        const breaker = target.breaker.state;
        const down = breaker !== "closed" && !target.breaker.admits(now);
        return {
          provider: target.provider.name,
          model: target.model,
          state: down
            ? "down"
            : pausedUntil !== null && assessment.state === "healthy"
              ? "degraded"
              : assessment.state,
          breaker,
          breakerOpenings: target.breaker.openings,
          pausedUntil: pausedUntil === null ? null : new Date(pausedUntil).toISOString(),
          weight: weights[index] ?? 0,
          reasons: [
            ...(down ? ["circuit breaker open"] : []),
            ...(pausedUntil !== null ? [`rate limited until ${new Date(pausedUntil).toISOString()}`] : []),
            ...assessment.reasons,
          ],
          stats: target.health.stats(now),
          rateLimit: {
            limited: target.limiter.limited,
            headroom: target.limiter.headroom(now),
            waiting: target.limiter.waiting,
          },
        };
      }),
    };
  }

  // Operator controls (the admin API).

  setWeights(weights: Record<string, number>): void {
    this.#weights = { ...weights };
  }

  setPreferred(provider: ProviderName | null): void {
    this.#preferred = provider;
  }

  setConservation(on: boolean): void {
    this.#conservation = on ? "admin" : null;
  }

  setForcedDegraded(on: boolean): void {
    this.#forcedDegraded = on;
  }

  /** Closes a provider's breaker (all its models, or one), clears its pause and its health window. */
  resetBreaker(provider: ProviderName, model?: string): number {
    let reset = 0;
    for (const target of this.#targets) {
      if (target.provider.name !== provider || (model !== undefined && target.model !== model)) continue;
      target.breaker.reset();
      target.pause.clear();
      target.health.clear();
      reset++;
    }
    return reset;
  }

  clearCache(): void {
    this.#cache.clear();
  }
}

interface Launched<T> {
  target: Target;
  /** Filled when the call ends: a valid answer, or the error (null: never sent, or refused by the breaker). */
  settled: { value: StructuredResult<T> } | { error: ProviderError | null } | null;
  cancelled: boolean;
  /** The call went out to the provider (past its bucket's wait and its breaker). */
  sent: boolean;
  answers: number;
  invalid: number;
  abort(): void;
  calls(): number;
  done: Promise<void>;
}

/** The first call to end with a valid answer, or null when none did. */
async function firstValid<T>(outcomes: Launched<T>[]): Promise<Launched<T> | null> {
  return new Promise((resolve) => {
    let pending = outcomes.length;
    for (const outcome of outcomes) {
      void outcome.done.then(() => {
        if (outcome.settled !== null && "value" in outcome.settled) resolve(outcome);
        else if (--pending === 0) resolve(null);
      });
    }
  });
}

/** What each kind of provider error counts as: for health (outcome) and for llm_requests_total (status). */
const CLASSES: Record<ProviderErrorKind, { outcome: CallOutcome; status: CallRecord["status"] }> = {
  timeout: { outcome: "timeout", status: "timeout" },
  rate_limited: { outcome: "rate_limited", status: "429" },
  server: { outcome: "server", status: "5xx" },
  overloaded: { outcome: "server", status: "5xx" },
  connection: { outcome: "connection", status: "connection" },
  invalid_output: { outcome: "invalid_output", status: "2xx" },
  aborted: { outcome: "cancelled", status: "aborted" },
  auth: { outcome: "rejected", status: "4xx" },
  context_length: { outcome: "rejected", status: "4xx" },
  content_policy: { outcome: "rejected", status: "4xx" },
  bad_request: { outcome: "rejected", status: "4xx" },
};

/** A failed call's outcome and status class; a 408 timeout or an error-status body that was no answer is a 4xx. */
function classify(
  error: ProviderError | null,
  cancelled: boolean,
): { outcome: CallOutcome; status: CallRecord["status"] } {
  if (cancelled) return { outcome: "cancelled", status: "aborted" };
  if (error === null) return { outcome: "rejected", status: "4xx" };
  const { outcome, status } = CLASSES[error.kind];
  const httpError = error.status !== null && error.status >= 400;
  return { outcome, status: httpError && (status === "timeout" || status === "2xx") ? "4xx" : status };
}

/**
 * Weights for `names`: the configured ones; providers not named share equally what the named ones leave
 * of 100 (or get 1 each when nothing is named). A weight of 0 makes a provider the last resort.
 */
export function weightsFor(names: readonly string[], configured: Record<string, number>): number[] {
  const named = names.filter((name) => configured[name] !== undefined);
  if (named.length === 0) return names.map(() => 1);
  const left = Math.max(0, 100 - named.reduce((sum, name) => sum + configured[name]!, 0));
  const unnamed = names.length - named.length;
  return names.map((name) => configured[name] ?? (unnamed === 0 ? 0 : left / unnamed));
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. Never rejects. */
export function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", stop);
      resolve(true);
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener("abort", stop, { once: true });
  });
}

/** A timer that can be cancelled, so a race it lost leaves nothing pending. */
function timeout(ms: number): { elapsed: Promise<void>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return { elapsed, cancel: () => clearTimeout(timer) };
}
