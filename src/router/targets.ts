// A target is one provider with one model, and what the router keeps of it: its health window, its
// circuit breaker, its 429 pause and its local rate limits. The pool holds the routed targets (one per
// provider, with the model it uses for parsing) and, kept out of the weighted choice, the targets made
// on demand for pinned models (model-registry variants such as a fine-tuned model). With shared state
// (src/shared/) each breaker, pause, health window and rate-limit bucket tells the fleet of its changes,
// calls and usage, and adopts the fleet's from the view.
import type { LlmProvider, ProviderName } from "../providers/types.js";
import type { SharedState } from "../shared/state.js";
import { Breaker } from "./breaker.js";
import type { RouterContext } from "./context.js";
import { HealthWindow } from "./health.js";
import { type BucketKind, ProviderLimiter, RateLimitPause } from "./rate-limit.js";
import { ReportedLimits } from "./reported-limits.js";

/** A provider's rate limits are per minute: the fleet counts their usage per minute too. */
const LIMIT_PERIOD_MS = 60_000;

/** The shared bucket of a target's requests or tokens (apart from the per-client buckets' names). */
const sharedBucket = (kind: BucketKind, key: string) => `provider-${kind} ${key}`;

export interface Target {
  /** "provider/model". */
  key: string;
  provider: LlmProvider;
  model: string;
  health: HealthWindow;
  breaker: Breaker;
  pause: RateLimitPause;
  limiter: ProviderLimiter;
  /** What the provider's own rate-limit headers said last (this instance's calls only). */
  reported: ReportedLimits;
}

export class TargetPool {
  readonly routed: readonly Target[];
  readonly #pinned = new Map<string, Target>();

  constructor(
    private readonly context: RouterContext,
    private readonly shared: SharedState,
    providers: readonly LlmProvider[],
    modelFor: (provider: LlmProvider) => string,
    now: number,
  ) {
    this.routed = providers.map((provider) => this.#create(provider, modelFor(provider), now));
  }

  /** Routed targets, then pinned ones. */
  all(): Target[] {
    return [...this.routed, ...this.#pinned.values()];
  }

  find(provider: ProviderName, model: string): Target | undefined {
    return this.all().find((target) => target.provider.name === provider && target.model === model);
  }

  /** Takes in what the fleet said of each target (the local view: no I/O); nothing when nothing is shared. */
  adoptFleet(): void {
    if (!this.shared.shared) return;
    const now = this.context.clock.now();
    for (const target of this.all()) {
      for (const kind of target.limiter.buckets()) {
        const used = this.shared.takeOthersTokens(sharedBucket(kind, target.key), LIMIT_PERIOD_MS);
        target.limiter.adopt(kind, used, now);
      }
      const view = this.shared.target(target.key);
      if (view.breaker !== null) target.breaker.adopt(view.breaker);
      target.pause.adopt(view.pausedUntil, view.pauseClearedAt ?? null, this.context.clock.now());
      for (const sample of this.shared.takeCalls(target.key)) target.health.adopt(sample);
    }
  }

  /** The routed target of a provider. */
  routedOf(provider: ProviderName): Target | undefined {
    return this.routed.find((target) => target.provider.name === provider);
  }

  /** The target of a pinned provider and model: a routed one, or one kept aside for pinned calls. */
  pinned(pin: { provider: ProviderName; model: string }): Target | null {
    const key = `${pin.provider}/${pin.model}`;
    const routed = this.routed.find((target) => target.key === key);
    if (routed !== undefined) return routed;
    let target = this.#pinned.get(key);
    if (target === undefined) {
      const provider = this.routedOf(pin.provider)?.provider;
      if (provider === undefined) return null;
      target = this.#create(provider, pin.model, this.context.clock.now());
      this.#pinned.set(key, target);
    }
    return target;
  }

  #create(provider: LlmProvider, model: string, now: number): Target {
    const { settings, clock } = this.context;
    const key = `${provider.name}/${model}`;
    this.shared.track(key);
    return {
      key,
      provider,
      model,
      health: new HealthWindow(settings.health, (sample) => this.shared.called(key, sample)),
      breaker: new Breaker({
        cooldownMs: settings.breakerCooldownMs,
        threshold: settings.health.serverErrorRate,
        minimumCalls: settings.health.minSamples,
        clock: () => clock.now(),
        onChange: (change) => this.shared.breakerChanged(key, change),
      }),
      pause: new RateLimitPause(
        settings.rateLimitPauseMs,
        (until) => this.shared.paused(key, until),
        (at) => this.shared.pauseCleared(key, at),
      ),
      limiter: new ProviderLimiter(
        settings.rateLimits[provider.name],
        settings.queueLimit,
        now,
        (kind, used) => this.shared.tookToken(sharedBucket(kind, key), LIMIT_PERIOD_MS, used),
      ),
      reported: new ReportedLimits(),
    };
  }
}
