// The LLM router: picks a provider per call by weight and health, and runs the call within one deadline:
// each attempt with its own timeout, through the provider's circuit breaker and rate limits, retried with
// exponential backoff and full jitter, failed over to another provider, hedged when the first is slow,
// answered from the cache when it can. It keeps per provider and model a health window, and tells the
// coordinator whether LLMs are healthy, degraded (run the minimal sequence) or down (read by rules).
//
// The facade over targets.ts, selection.ts, attempts.ts, hedging.ts, call.ts, accounting.ts, controls.ts
// and snapshot.ts. State lives in one instance per process (per isolate on Workers, created by the app);
// with shared state (src/shared/) breakers, 429 pauses, health, the daily spend and cached answers are the
// fleet's as well.
import { deadline } from "../llm/deadline.js";
import type { StructuredResult } from "../llm/structured.js";
import type { LlmProvider, ModelPrice, ProviderName } from "../providers/types.js";
import { embeddedState, type SharedState, shownStatus } from "../shared/state.js";
import { CallAccounting, type CallRecord } from "./accounting.js";
import { type AttemptSource, attemptWithinDeadline } from "./attempts.js";
import { DailyBudget } from "./budget.js";
import { AnswerCache, sharedAnswer } from "./cache.js";
import { Caller, type RequestScope, type StructuredCall } from "./call.js";
import { type Clock, type RouterContext, type RouterEvent, systemClock } from "./context.js";
import { type ConservationReason, OperatorControls, resetBreaker } from "./controls.js";
import type { AnswerOrigin } from "./health.js";
import { Hedging } from "./hedging.js";
import { RouterError } from "./router-error.js";
import { choose, nextAvailableIn, type Tried, usableState, weightsFor } from "./selection.js";
import type { RouterSettings } from "./settings.js";
import { type RouterSnapshot, type RouterState, snapshotTarget } from "./snapshot.js";
import { type Target, TargetPool } from "./targets.js";

export type { CallRecord } from "./accounting.js";
export type { StructuredCall } from "./call.js";
export type { Clock, RouterEvent } from "./context.js";
export { RouterError, type RouterFailure } from "./router-error.js";
export type { RouterSnapshot, RouterState, TargetSnapshot } from "./snapshot.js";

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
  /** What the instances of a deployment share (src/shared/); the embedded default shares nothing. */
  shared?: SharedState;
}

export interface RouteResult<T> extends StructuredResult<T> {
  cache: "hit" | "miss" | "bypass";
  /** Provider calls made for this request (re-asks and hedges included); 0 on a cache hit. */
  calls: number;
  /** What those calls cost, from the price table (failed and hedged calls included). */
  costUsd: number;
  hedged: boolean;
}

export class LlmRouter {
  readonly settings: RouterSettings;
  readonly #context: RouterContext;
  readonly #targets: TargetPool;
  readonly #controls: OperatorControls;
  readonly #budget: DailyBudget;
  readonly #cache: AnswerCache<StructuredResult<unknown>>;
  readonly #accounting: CallAccounting;
  readonly #hedging: Hedging;
  readonly #onConfidence: (provider: ProviderName, model: string, confidence: number) => void;
  readonly #shared: SharedState;

  constructor(options: RouterOptions) {
    const { settings } = options;
    this.settings = settings;
    this.#context = {
      settings,
      clock: options.clock ?? systemClock,
      random: options.random ?? Math.random,
      onEvent: options.onEvent ?? (() => {}),
    };
    this.#onConfidence = options.onConfidence ?? (() => {});
    this.#controls = new OperatorControls(options);
    this.#cache = new AnswerCache(settings.cacheMaxEntries);
    const now = this.#context.clock.now();
    this.#shared = options.shared ?? embeddedState;
    this.#budget = new DailyBudget(
      { dailyUsd: settings.dailyBudgetUsd, conservationShare: settings.budgetConservationShare },
      now,
      this.#shared,
    );
    this.#targets = new TargetPool(
      this.#context,
      this.#shared,
      options.providers,
      (provider) => options.modelFor?.(provider) ?? provider.model,
      now,
    );
    this.#accounting = new CallAccounting({
      context: this.#context,
      budget: this.#budget,
      prices: options.prices ?? {},
      onCall: options.onCall ?? (() => {}),
    });
    this.#hedging = new Hedging({
      context: this.#context,
      caller: new Caller(this.#context, this.#accounting),
      providers: this.#targets.routed.length,
      alternative: (exclude) => this.#choose(this.#now(), { refused: exclude, failed: new Map() }, true),
    });
  }

  get providers(): readonly LlmProvider[] {
    return this.#targets.routed.map((target) => target.provider);
  }

  /** Conservation mode in force: configured, set by an operator, or switched on near a rate limit. */
  get conservation(): boolean {
    return this.#conservationReason() !== null;
  }

  /**
   * What the coordinator should run: healthy (some usable provider is healthy), degraded (usable ones are
   * all degraded, or an operator forced it: the minimal sequence) or down (none usable: rules).
   */
  state(now: number = this.#now()): RouterState {
    this.#targets.adoptFleet();
    // Past the daily budget no LLM is called: every request reads by rules.
    if (this.#budget.state(now) === "exhausted") return "down";
    const states = this.#targets.routed.map((target) => usableState(target, now));
    if (states.every((state) => state === null)) return "down";
    if (this.#controls.forcedDegraded) return "degraded";
    return states.includes("healthy") ? "healthy" : "degraded";
  }

  /** The confidence Cita computed for an answer, credited to the provider that gave it. */
  recordConfidence(provider: ProviderName, model: string, confidence: number, origin?: AnswerOrigin): void {
    const target = this.#targets.find(provider, model);
    target?.health.recordConfidence(confidence, this.#now(), origin);
    if (target !== undefined) this.#onConfidence(provider, model, confidence);
  }

  async complete<T>(call: StructuredCall<T>): Promise<RouteResult<T>> {
    const started = this.#now();
    const conservation = this.conservation;
    // The short and the full prompt answer differently: each has its own entries.
    const key =
      call.cacheKey === undefined ? undefined : `${call.cacheKey}\u0000${conservation ? "short" : "full"}`;
    if (key !== undefined && this.#cache.enabled) {
      const cached =
        (this.#cache.get(key, started) as StructuredResult<T> | undefined) ??
        (this.#shared.shared ? await this.#fleetAnswer(key, call.schema, started) : undefined);
      if (cached !== undefined) return { ...cached, cache: "hit", calls: 0, hedged: false, costUsd: 0 };
    }
    const cacheState = key !== undefined && this.#cache.enabled ? "miss" : "bypass";
    this.#hedging.countRequest();
    const { result, calls, hedged } = await this.#attempt(call, started, conservation, (scope) => ({
      pinned: call.pin === undefined ? null : this.#targets.pinned(call.pin),
      choose: (now, tracking) => this.#choose(now, tracking),
      nextAvailableIn: (now, refused) => nextAvailableIn(this.#targets.routed, now, refused),
      attempt: (target, tracking, callsSoFar) => this.#hedging.attempt(target, scope, tracking, callsSoFar),
      routedModel: (provider) => this.#targets.routedOf(provider)?.model ?? null,
    }));
    if (key !== undefined) {
      const ttl = conservation ? this.settings.conservationCacheTtlMs : this.settings.cacheTtlMs;
      this.#cache.set(key, result, ttl, this.#now());
      if (this.#cache.enabled && ttl > 0) this.#shared.cacheAnswer(key, result, ttl);
    }
    return { ...result, cache: cacheState, calls, hedged, costUsd: this.#accounting.spentOn(call) };
  }

  /**
   * One structured call on `provider` (with its routed model, or `model`: a registry variant), through
   * the same deadline, rate limits, breaker, retries and accounting as any request, but never failed
   * over, hedged or answered from (or stored in) the cache: the recovery check's probe of one provider
   * (src/incidents/recovery.ts). A RouterError `unavailable` when the router has no such provider.
   */
  async completeOn<T>(
    on: { provider: ProviderName; model?: string },
    call: StructuredCall<T>,
  ): Promise<RouteResult<T>> {
    const started = this.#now();
    const target =
      on.model === undefined
        ? (this.#targets.routedOf(on.provider) ?? null)
        : this.#targets.pinned({ provider: on.provider, model: on.model });
    if (target === null) {
      throw new RouterError("unavailable", `No routed provider ${on.provider}`, null, 0, null);
    }
    const { result, calls } = await this.#attempt(call, started, this.conservation, (scope) => ({
      pinned: null,
      choose: (now, tracking) =>
        !tracking.refused.has(target.key) && usableState(target, now) !== null ? target : null,
      nextAvailableIn: (now, refused) => nextAvailableIn([target], now, refused),
      attempt: (chosen, tracking, callsSoFar) =>
        this.#hedging.attempt(chosen, scope, tracking, callsSoFar, false),
      routedModel: () => target.model,
    }));
    return { ...result, cache: "bypass", calls, hedged: false, costUsd: this.#accounting.spentOn(call) };
  }

  /** The attempts of one request within its deadline: one signal for the deadline or the client going away. */
  async #attempt<T>(
    call: StructuredCall<T>,
    started: number,
    conservation: boolean,
    source: (scope: RequestScope<T>) => Omit<AttemptSource<T>, "affordable">,
  ) {
    const request = deadline(this.settings.deadlineMs, call.signal);
    const scope = {
      call,
      signal: request.signal,
      deadlineAt: started + this.settings.deadlineMs,
      conservation,
    };
    try {
      return await attemptWithinDeadline(this.#context, scope, {
        ...source(scope),
        affordable: (now) => this.#budget.state(now) !== "exhausted",
      });
    } finally {
      request.dispose();
    }
  }

  snapshot(): RouterSnapshot {
    const now = this.#now();
    const routed = this.#targets.routed;
    const weights = weightsFor(
      routed.map((target) => target.provider.name),
      this.#controls.weights,
    );
    const shared = shownStatus(this.#shared);
    return {
      state: this.state(now),
      conservation: this.conservation,
      conservationReason: this.#conservationReason(),
      budget: this.#budget.snapshot(now),
      forcedDegraded: this.#controls.forcedDegraded,
      preferred: this.#controls.preferred,
      hedges: this.#hedging.snapshot(),
      cache: { ...this.#cache.stats(), enabled: this.#cache.enabled },
      ...(shared !== undefined ? { shared } : {}),
      // Routed providers, then pinned models (registry variants: weight 0, outside the weighted choice).
      providers: this.#targets.all().map((target, index) => snapshotTarget(target, weights[index] ?? 0, now)),
    };
  }

  // Operator controls (the admin API).

  setWeights(weights: Record<string, number>): void {
    this.#controls.weights = { ...weights };
  }

  setPreferred(provider: ProviderName | null): void {
    this.#controls.preferred = provider;
  }

  setConservation(on: boolean): void {
    this.#controls.conservation = on ? "admin" : null;
  }

  setForcedDegraded(on: boolean): void {
    this.#controls.forcedDegraded = on;
  }

  /** Closes a provider's breaker (all its models, or one), clears its pause and its health window. */
  /** An answer another instance cached, kept here too for the time it has left: repeats stay local. */
  async #fleetAnswer<T>(key: string, schema: StructuredCall<T>["schema"], now: number) {
    const stored = await this.#shared.cachedAnswer(key);
    const answer = stored === undefined ? undefined : sharedAnswer(stored.answer, schema);
    if (answer !== undefined) this.#cache.set(key, answer, stored!.ttlMs, now);
    return answer;
  }

  resetBreaker(provider: ProviderName, model?: string): number {
    return resetBreaker(this.#targets.routed, provider, this.#now(), model);
  }

  clearCache(): void {
    this.#cache.clear();
  }

  #now(): number {
    return this.#context.clock.now();
  }

  #choose(now: number, tried: Tried, healthyOnly = false): Target | null {
    this.#targets.adoptFleet();
    const { weights, preferred } = this.#controls;
    const preferences = { weights, preferred, random: this.#context.random };
    return choose(this.#targets.routed, now, tried, preferences, healthyOnly);
  }

  #conservationReason(): ConservationReason | null {
    return this.#controls.conservationReason(this.#budget, this.#targets.routed, this.#now());
  }
}
