// The router's settings, read from the environment with the rest of the configuration (src/config.ts).
// Defaults follow the two runbooks: P95 over 5 s degrades a provider and over 10 s takes it down; timeouts
// over 5%, 429s over 1%, invalid JSON over 10% and mean confidence under 0.7 degrade it; 5xx and
// connection errors over 50% trip its breaker.

export interface HealthThresholds {
  /** Rolling window of samples, per provider and model. */
  windowMs: number;
  /** Rates and percentiles are judged only over at least this many samples. */
  minSamples: number;
  p95DegradedMs: number;
  p95DownMs: number;
  timeoutRate: number;
  rateLimitRate: number;
  /** 5xx and connection errors: the share that trips the breaker and reads as down. */
  serverErrorRate: number;
  minConfidence: number;
  invalidJsonRate: number;
  /**
   * Quality (invalid JSON, low confidence) degrades a provider only when the failing answers came from at
   * least this many distinct clients: one client's texts cannot degrade it for everyone.
   */
  qualityMinClients: number;
}

export interface RateLimit {
  requestsPerMinute: number;
  /** Input plus output tokens per minute; null for no token limit. */
  tokensPerMinute: number | null;
}

export interface RouterSettings {
  /** One deadline per request, covering every attempt, wait and fallback. */
  deadlineMs: number;
  /** One attempt's own timeout (capped by what is left of the deadline). */
  attemptTimeoutMs: number;
  /** Attempts per request across providers, hedges included. */
  maxAttempts: number;
  /** Exponential backoff with full jitter between attempts on the same provider. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Hedge after this long without an answer; null: after the provider's recent p95. */
  hedgeDelayMs: number | null;
  /** Hedges as a share of calls. */
  hedgeBudget: number;
  /** A breaker that opened lets one probe through after this long. */
  breakerCooldownMs: number;
  /** How long a 429 without Retry-After pauses a provider (doubling while 429s continue). */
  rateLimitPauseMs: number;
  /** Local limits per provider; providers not listed have none. */
  rateLimits: Record<string, RateLimit>;
  /** Requests waiting for a provider's bucket at most; past it the request fails over. */
  queueLimit: number;
  cacheTtlMs: number;
  conservationCacheTtlMs: number;
  /** 0 turns the cache off. */
  cacheMaxEntries: number;
  /** USD per UTC day for LLM calls (from the price table); null for no budget. */
  dailyBudgetUsd: number | null;
  /** Share of the daily budget past which conservation mode starts; past the whole of it, rules only. */
  budgetConservationShare: number;
  health: HealthThresholds;
}

export const DEFAULT_ROUTER_SETTINGS: RouterSettings = {
  deadlineMs: 8000,
  attemptTimeoutMs: 4000,
  maxAttempts: 4,
  backoffBaseMs: 100,
  backoffMaxMs: 2000,
  hedgeDelayMs: null,
  hedgeBudget: 0.1,
  breakerCooldownMs: 30_000,
  rateLimitPauseMs: 1000,
  rateLimits: {},
  queueLimit: 100,
  cacheTtlMs: 300_000,
  conservationCacheTtlMs: 3_600_000,
  cacheMaxEntries: 1000,
  dailyBudgetUsd: null,
  budgetConservationShare: 0.8,
  health: {
    windowMs: 60_000,
    minSamples: 5,
    p95DegradedMs: 5000,
    p95DownMs: 10_000,
    timeoutRate: 0.05,
    rateLimitRate: 0.01,
    serverErrorRate: 0.5,
    minConfidence: 0.7,
    invalidJsonRate: 0.1,
    qualityMinClients: 3,
  },
};
