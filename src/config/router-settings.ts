// The router's settings from the environment (LLM_*), over the defaults in src/router/settings.ts, with
// the checks between them (an attempt's timeout within the deadline, and so on).
import { DEFAULT_ROUTER_SETTINGS, type RateLimit, type RouterSettings } from "../router/settings.js";
import {
  ConfigError,
  count,
  dollars,
  type Environment,
  list,
  positiveInteger,
  share,
  text,
} from "./environment.js";
import { isProviderName } from "./providers.js";

export function readRouterSettings(environment: Environment): RouterSettings {
  const defaults = DEFAULT_ROUTER_SETTINGS;
  const health = defaults.health;
  const milliseconds = (name: string, fallback: number) => positiveInteger(environment, name, fallback);
  const settings: RouterSettings = {
    deadlineMs: milliseconds("LLM_DEADLINE_MS", defaults.deadlineMs),
    attemptTimeoutMs: milliseconds("LLM_ATTEMPT_TIMEOUT_MS", defaults.attemptTimeoutMs),
    maxAttempts: count(environment, "LLM_MAX_ATTEMPTS", defaults.maxAttempts, 1),
    backoffBaseMs: milliseconds("LLM_BACKOFF_BASE_MS", defaults.backoffBaseMs),
    backoffMaxMs: milliseconds("LLM_BACKOFF_MAX_MS", defaults.backoffMaxMs),
    hedgeDelayMs:
      text(environment, "LLM_HEDGE_DELAY_MS") === null ? null : milliseconds("LLM_HEDGE_DELAY_MS", 0),
    hedgeBudget: share(environment, "LLM_HEDGE_BUDGET", defaults.hedgeBudget),
    breakerCooldownMs: milliseconds("LLM_BREAKER_COOLDOWN_MS", defaults.breakerCooldownMs),
    rateLimitPauseMs: milliseconds("LLM_RATE_LIMIT_PAUSE_MS", defaults.rateLimitPauseMs),
    rateLimits: rateLimits(environment, "LLM_RATE_LIMITS"),
    queueLimit: count(environment, "LLM_QUEUE_LIMIT", defaults.queueLimit, 0),
    cacheTtlMs: count(environment, "LLM_CACHE_TTL_S", defaults.cacheTtlMs / 1000, 0) * 1000,
    conservationCacheTtlMs:
      count(environment, "LLM_CACHE_CONSERVATION_TTL_S", defaults.conservationCacheTtlMs / 1000, 0) * 1000,
    cacheMaxEntries: count(environment, "LLM_CACHE_MAX_ENTRIES", defaults.cacheMaxEntries, 0),
    dailyBudgetUsd: dollars(environment, "LLM_DAILY_BUDGET_USD"),
    budgetConservationShare: share(
      environment,
      "LLM_BUDGET_CONSERVATION_SHARE",
      defaults.budgetConservationShare,
    ),
    health: {
      windowMs: milliseconds("LLM_HEALTH_WINDOW_MS", health.windowMs),
      minSamples: count(environment, "LLM_HEALTH_MIN_SAMPLES", health.minSamples, 1),
      p95DegradedMs: milliseconds("LLM_P95_DEGRADED_MS", health.p95DegradedMs),
      p95DownMs: milliseconds("LLM_P95_DOWN_MS", health.p95DownMs),
      timeoutRate: share(environment, "LLM_TIMEOUT_RATE_MAX", health.timeoutRate),
      rateLimitRate: share(environment, "LLM_RATE_LIMIT_RATE_MAX", health.rateLimitRate),
      serverErrorRate: share(environment, "LLM_SERVER_ERROR_RATE_MAX", health.serverErrorRate),
      minConfidence: share(environment, "LLM_CONFIDENCE_MIN", health.minConfidence),
      invalidJsonRate: share(environment, "LLM_INVALID_JSON_RATE_MAX", health.invalidJsonRate),
      qualityMinClients: count(environment, "LLM_QUALITY_MIN_CLIENTS", health.qualityMinClients, 1),
    },
  };
  if (settings.attemptTimeoutMs > settings.deadlineMs) {
    throw new ConfigError("LLM_ATTEMPT_TIMEOUT_MS", "must not exceed LLM_DEADLINE_MS");
  }
  if (settings.backoffBaseMs > settings.backoffMaxMs) {
    throw new ConfigError("LLM_BACKOFF_BASE_MS", "must not exceed LLM_BACKOFF_MAX_MS");
  }
  if (settings.health.p95DegradedMs > settings.health.p95DownMs) {
    throw new ConfigError("LLM_P95_DEGRADED_MS", "must not exceed LLM_P95_DOWN_MS");
  }
  return settings;
}

/** "qwen=600/200000,openai=60": requests per minute, and optionally tokens per minute, per provider. */
function rateLimits(environment: Environment, name: string): Record<string, RateLimit> {
  const limits = list(
    environment,
    name,
    /^\s*([a-z][a-z-]{0,30})\s*=\s*(\d{1,7})(?:\s*\/\s*(\d{1,10}))?\s*$/,
    `expected provider=requests[/tokens] per minute, such as "qwen=600/200000"`,
    (match) => Number(match[2]) !== 0 && isProviderName(match[1]),
  );
  return Object.fromEntries(
    limits.map((match) => [
      match[1]!,
      {
        requestsPerMinute: Number(match[2]),
        tokensPerMinute: match[3] === undefined ? null : Number(match[3]),
      },
    ]),
  );
}
