// What an operator sets through the admin API, over what the configuration set at start: routing weights,
// a preferred provider, conservation mode and a forced degraded state; the reset of a provider's breaker;
// and why conservation mode is in force, when it is (set, or switched on by the budget or rate limits).
import type { ProviderName } from "../providers/types.js";
import type { DailyBudget } from "./budget.js";
import type { Target } from "./targets.js";

export type ConservationReason = "configured" | "admin" | "rate_limit" | "budget";

/** Conservation switches itself on when every rate-limited provider has less than this share left. */
const CONSERVATION_HEADROOM = 0.1;

export class OperatorControls {
  weights: Record<string, number>;
  preferred: ProviderName | null;
  /** Set by the configuration or an operator; the budget and rate limits may add theirs. */
  conservation: "configured" | "admin" | null;
  forcedDegraded = false;

  constructor(start: {
    weights?: Record<string, number>;
    preferred?: ProviderName | null;
    conservation?: boolean;
  }) {
    this.weights = { ...(start.weights ?? {}) };
    this.preferred = start.preferred ?? null;
    this.conservation = start.conservation ? "configured" : null;
  }

  /** Why conservation mode is in force now, or null. */
  conservationReason(
    budget: DailyBudget,
    targets: readonly Target[],
    now: number,
  ): ConservationReason | null {
    if (this.conservation !== null) return this.conservation;
    if (budget.state(now) !== "ok") return "budget";
    // When every provider with a local limit has nearly spent it.
    const limited = targets.filter((target) => target.limiter.limited);
    if (
      limited.length > 0 &&
      limited.every((target) => target.limiter.headroom(now) < CONSERVATION_HEADROOM)
    ) {
      return "rate_limit";
    }
    return null;
  }
}

/**
 * Closes a provider's breaker (all its models, or one), clears its pause (for the fleet too) and its
 * health window.
 */
export function resetBreaker(
  targets: readonly Target[],
  provider: ProviderName,
  now: number,
  model?: string,
): number {
  let reset = 0;
  for (const target of targets) {
    if (target.provider.name !== provider || (model !== undefined && target.model !== model)) continue;
    target.breaker.reset();
    target.pause.clear(now);
    target.health.clear();
    reset++;
  }
  return reset;
}
