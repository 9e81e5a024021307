// What the router shows of itself (GET /health, the admin API, the metrics' gauges): its state, modes,
// budget, hedges and cache, and per provider and model its state with the reasons, breaker, pause,
// weight, health figures, rate-limit headroom and what the provider's rate-limit headers said last.
import type { ProviderName } from "../providers/types.js";
import type { SharedStateStatus } from "../shared/state.js";
import type { BreakerState } from "./breaker.js";
import type { BudgetSnapshot } from "./budget.js";
import type { ConservationReason } from "./controls.js";
import type { HealthState, HealthStats } from "./health.js";
import type { Target } from "./targets.js";

export type RouterState = "healthy" | "degraded" | "down";

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
  /**
   * Cita's own limits (limited, headroom, waiting) and what the provider's headers said last: requests
   * and tokens left in its window, its request limit, and when (null: never said; reported-limits.ts).
   */
  rateLimit: {
    limited: boolean;
    headroom: number;
    waiting: number;
    remainingRequests: number | null;
    limitRequests: number | null;
    remainingTokens: number | null;
    reportedAt: string | null;
  };
}

export interface RouterSnapshot {
  state: RouterState;
  conservation: boolean;
  conservationReason: ConservationReason | null;
  budget: BudgetSnapshot;
  forcedDegraded: boolean;
  preferred: ProviderName | null;
  hedges: { calls: number; hedges: number; budget: number };
  cache: { entries: number; hits: number; misses: number; enabled: boolean };
  /** The shared-state store, when one is configured. */
  shared?: SharedStateStatus;
  providers: TargetSnapshot[];
}

/** A target as the snapshot shows it: down while its breaker refuses calls, degraded while paused by 429s. */
export function snapshotTarget(target: Target, weight: number, now: number): TargetSnapshot {
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
    weight,
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
      ...target.reported.last,
      reportedAt: target.reported.at === null ? null : new Date(target.reported.at).toISOString(),
    },
  };
}
