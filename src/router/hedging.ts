// One attempt, hedged: when its call is slow (past the configured delay, or the provider's recent p95), one
// more call goes to another healthy provider; the first valid answer wins and the other call is aborted.
// Hedges stay within a budget (a share of the requests that reached the providers), never in conservation
// mode and never past the request's attempts. Failed calls tell the request's tracking what they learned.
import type { ProviderError } from "../providers/types.js";
import type { AttemptResult } from "./attempts.js";
import type { Caller, Launched, RequestScope } from "./call.js";
import type { RouterContext } from "./context.js";
import type { Target } from "./targets.js";
import type { RequestTracking } from "./tracking.js";

export interface HedgingOptions {
  context: RouterContext;
  caller: Caller;
  /** How many providers are routed: hedging needs another. */
  providers: number;
  /** A healthy target that has not refused the request and is not in `exclude`, if any. */
  alternative(exclude: ReadonlySet<string>): Target | null;
}

export class Hedging {
  #requests = 0;
  #hedges = 0;

  constructor(private readonly options: HedgingOptions) {}

  /** A request that reached the providers (not answered from the cache): it grows the budget. */
  countRequest(): void {
    this.#requests++;
  }

  snapshot(): { calls: number; hedges: number; budget: number } {
    return { calls: this.#requests, hedges: this.#hedges, budget: this.options.context.settings.hedgeBudget };
  }

  /** One attempt on `target`, and a hedge on another provider if the first is slow (unless `hedge` is false). */
  async attempt<T>(
    target: Target,
    scope: RequestScope<T>,
    tracking: RequestTracking,
    callsSoFar: number,
    hedge = true,
  ): Promise<AttemptResult<T>> {
    const { context, caller } = this.options;
    const first = caller.launch(target, scope);
    if (first === null) {
      tracking.refuse(target.key);
      return { result: null, error: null, calls: 0, hedged: false };
    }
    const delay = this.#delay(target);
    const canHedge =
      hedge &&
      !scope.conservation &&
      delay !== null &&
      callsSoFar + 1 < context.settings.maxAttempts &&
      this.#hedges + 1 <= context.settings.hedgeBudget * this.#requests;
    let outcomes = [first];
    if (canHedge) {
      const timer = cancellableTimer(delay);
      const early = await Promise.race([first.done.then(() => true), timer.elapsed.then(() => false)]);
      timer.cancel();
      const other =
        early || scope.signal.aborted
          ? null
          : this.options.alternative(new Set([...tracking.refused, target.key]));
      const second = other === null ? null : caller.launch(other, scope);
      if (second !== null && other !== null) {
        this.#hedges++;
        context.onEvent({
          event: "hedge",
          provider: other.provider.name,
          model: other.model,
          requestId: scope.call.requestId,
        });
        outcomes = [first, second];
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
        tracking.afterError(outcome.target.key, settled.error);
        context.onEvent({
          event: "attempt_failed",
          provider: outcome.target.provider.name,
          model: outcome.target.model,
          kind: settled.error.kind,
          requestId: scope.call.requestId,
        });
      } else {
        // Refused by its breaker after all (another request took the probe): try elsewhere first.
        tracking.fail(outcome.target.key);
      }
    }
    const calls = outcomes.reduce((sum, outcome) => sum + outcome.calls(), 0);
    const hedged = outcomes.length > 1;
    if (winner !== null && "value" in winner.settled!) {
      return { result: winner.settled.value, error: null, calls, hedged };
    }
    return { result: null, error: errors.at(-1) ?? null, calls, hedged };
  }

  /** Hedge after the configured delay, or after the provider's recent p95 once it has enough samples. */
  #delay(target: Target): number | null {
    const { settings, clock } = this.options.context;
    if (settings.hedgeBudget <= 0 || this.options.providers < 2) return null;
    if (settings.hedgeDelayMs !== null) return settings.hedgeDelayMs;
    const stats = target.health.stats(clock.now());
    return stats.samples >= settings.health.minSamples ? stats.p95Ms : null;
  }
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

/** A timer that can be cancelled, so a race it lost leaves nothing pending. */
function cancellableTimer(ms: number): { elapsed: Promise<void>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return { elapsed, cancel: () => clearTimeout(timer) };
}
