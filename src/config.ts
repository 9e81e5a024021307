// Configuration, read once at a runtime entry (process.env on Node, bindings on Workers) into one typed
// object that is passed down. Nothing deeper in the code reads the environment.
import { DEFAULT_PRICES, type ModelPrice } from "./metrics/prices.js";
import { PROVIDER_NAMES, type ProviderName } from "./providers/types.js";
import { type RegistryConfig, RegistryConfigSchema } from "./registry/model-registry.js";
import { DEFAULT_ROUTER_SETTINGS, type RateLimit, type RouterSettings } from "./router/settings.js";
import { canonicalZone } from "./temporal/zone.js";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Config {
  defaultTimezone: string;
  logLevel: LogLevel;
  /** Bearer token for admin routes; null means admin routes answer 403. */
  adminToken: string | null;
  /** Node's SQLite file (Workers use the D1 binding instead). */
  databasePath: string;
  llm: {
    deadlineMs: number;
    attemptTimeoutMs: number;
    /** Start in conservation mode (the admin API and the router may switch it later). */
    conservationMode: boolean;
    /** The runbook's manual failover switch: this provider first while it is usable. */
    preferredProvider: ProviderName | null;
    /** Routing weights by provider; providers not named get an equal share of what is left. */
    weights: Record<string, number>;
    /** Timeouts, retries, breakers, health thresholds, rate limits and cache (src/router/settings.ts). */
    router: RouterSettings;
    /** USD per million input and output tokens, by model (src/metrics/prices.ts, LLM_PRICES). */
    prices: Record<string, ModelPrice>;
    /** Baseline and fine-tuned models per agent, with rollouts (src/registry, MODEL_REGISTRY). */
    registry: RegistryConfig;
    /** The window the variants are compared over, and the calls each needs before a rollback. */
    variantWindowMs: number;
    rollbackMinSamples: number;
    /** The providers enabled by their keys (the OpenAI-compatible one by its base URL), in a fixed order. */
    providers: ProviderSettings[];
  };
}

export interface ProviderSettings {
  name: ProviderName;
  apiKey: string;
  baseUrl: string;
  model: string;
  /** Per-agent models, from <PROVIDER>_MODEL_<AGENT> (e.g. QWEN_MODEL_PARSING). */
  agentModels: Record<string, string>;
}

/** Where each provider lives and a current small model, unless configured otherwise (config.md). */
const PROVIDER_DEFAULTS: Record<
  ProviderName,
  { prefix: string; baseUrl: string | null; model: string | null }
> = {
  qwen: {
    prefix: "QWEN",
    baseUrl: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
    model: "qwen-plus",
  },
  openai: { prefix: "OPENAI", baseUrl: "https://api.openai.com/v1", model: "gpt-4.1-mini" },
  anthropic: { prefix: "ANTHROPIC", baseUrl: "https://api.anthropic.com", model: "claude-haiku-4-5" },
  mistral: { prefix: "MISTRAL", baseUrl: "https://api.mistral.ai", model: "mistral-small-latest" },
  "openai-compatible": { prefix: "OPENAI_COMPATIBLE", baseUrl: null, model: null },
};

export type Environment = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];

export function readConfig(environment: Environment): Config {
  const zone = text(environment, "DEFAULT_TIMEZONE") ?? "UTC";
  // Its canonical spelling, the only one luxon and Intl see (src/temporal/zone.ts).
  const defaultTimezone = canonicalZone(zone);
  if (defaultTimezone === null) {
    throw new ConfigError("DEFAULT_TIMEZONE", `"${zone}" is not an IANA time zone`);
  }
  const logLevel = (text(environment, "LOG_LEVEL") ?? "info").toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new ConfigError("LOG_LEVEL", `must be one of ${LOG_LEVELS.join(", ")}`);
  }
  const router = routerSettings(environment);
  const enabled = providers(environment);
  return {
    defaultTimezone,
    logLevel: logLevel as LogLevel,
    adminToken: text(environment, "ADMIN_TOKEN"),
    databasePath: text(environment, "DATABASE_PATH") ?? "data/cita.db",
    llm: {
      deadlineMs: router.deadlineMs,
      attemptTimeoutMs: router.attemptTimeoutMs,
      conservationMode: boolean(environment, "CONSERVATION_MODE", false),
      preferredProvider: providerName(environment, "LLM_PROVIDER"),
      weights: weights(environment, "LLM_WEIGHTS"),
      router,
      prices: { ...DEFAULT_PRICES, ...prices(environment, "LLM_PRICES") },
      registry: registry(environment, "MODEL_REGISTRY", enabled),
      variantWindowMs: positiveInteger(environment, "MODEL_VARIANT_WINDOW_MS", 3_600_000),
      rollbackMinSamples: count(environment, "MODEL_ROLLBACK_MIN_SAMPLES", 50, 1),
      providers: enabled,
    },
  };
}

/** MODEL_REGISTRY: JSON such as {"parsing": {"finetuned": {"provider": "qwen", "model": "…"}, "rolloutPercent": 10}}. */
function registry(
  environment: Environment,
  name: string,
  enabled: readonly ProviderSettings[],
): RegistryConfig {
  const value = text(environment, name);
  if (value === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new ConfigError(name, "must be JSON");
  }
  const result = RegistryConfigSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(name, `${issue.path.join(".") || "value"}: ${issue.message}`);
  }
  for (const [agent, entry] of Object.entries(result.data)) {
    const provider = entry?.finetuned?.provider;
    if (provider !== undefined && !enabled.some((settings) => settings.name === provider)) {
      throw new ConfigError(name, `${agent}.finetuned.provider: ${provider} is not configured`);
    }
  }
  return result.data;
}

function routerSettings(environment: Environment): RouterSettings {
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

function dollars(environment: Environment, name: string): number | null {
  const value = text(environment, name);
  if (value === null) return null;
  if (!/^\d{1,9}(\.\d{1,6})?$/.test(value))
    throw new ConfigError(name, `must be an amount in US dollars, got "${value}"`);
  return Number(value);
}

/** "qwen-plus=0.4/1.2,my-model=0/0": USD per million input/output tokens. */
function prices(environment: Environment, name: string): Record<string, ModelPrice> {
  const value = text(environment, name);
  const result: Record<string, ModelPrice> = {};
  if (value === null) return result;
  for (const part of value.split(",")) {
    const match =
      /^\s*([A-Za-z0-9._:/-]{1,100})\s*=\s*(\d{1,6}(?:\.\d{1,6})?)\s*\/\s*(\d{1,6}(?:\.\d{1,6})?)\s*$/.exec(
        part,
      );
    if (!match)
      throw new ConfigError(
        name,
        `expected model=input/output USD per million tokens, such as "qwen-plus=0.4/1.2"`,
      );
    result[match[1]!] = { input: Number(match[2]), output: Number(match[3]) };
  }
  return result;
}

function providerName(environment: Environment, name: string): ProviderName | null {
  const value = text(environment, name)?.toLowerCase() ?? null;
  if (value !== null && !PROVIDER_NAMES.includes(value as ProviderName)) {
    throw new ConfigError(name, `must be one of ${PROVIDER_NAMES.join(", ")}`);
  }
  return value as ProviderName | null;
}

function count(environment: Environment, name: string, fallback: number, minimum: number): number {
  const value = text(environment, name);
  if (value === null) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < minimum) {
    throw new ConfigError(name, `must be a whole number ≥ ${minimum}, got "${value}"`);
  }
  return Number(value);
}

/** A share between 0 and 1, written as a decimal ("0.05") or a percentage ("5%"). */
function share(environment: Environment, name: string, fallback: number): number {
  const value = text(environment, name);
  if (value === null) return fallback;
  const match = /^(\d{1,3}(?:\.\d{1,6})?)(%?)$/.exec(value);
  const number = match ? Number(match[1]) / (match[2] === "%" ? 100 : 1) : Number.NaN;
  if (!(number >= 0 && number <= 1)) {
    throw new ConfigError(name, `must be a share between 0 and 1 (or 0% to 100%), got "${value}"`);
  }
  return number;
}

/** "qwen=600/200000,openai=60": requests per minute, and optionally tokens per minute, per provider. */
function rateLimits(environment: Environment, name: string): Record<string, RateLimit> {
  const value = text(environment, name);
  const result: Record<string, RateLimit> = {};
  if (value === null) return result;
  for (const part of value.split(",")) {
    const match = /^\s*([a-z][a-z-]{0,30})\s*=\s*(\d{1,7})(?:\s*\/\s*(\d{1,10}))?\s*$/.exec(part);
    if (!match || Number(match[2]) === 0 || !PROVIDER_NAMES.includes(match[1] as ProviderName)) {
      throw new ConfigError(
        name,
        `expected provider=requests[/tokens] per minute, such as "qwen=600/200000"`,
      );
    }
    result[match[1]!] = {
      requestsPerMinute: Number(match[2]),
      tokensPerMinute: match[3] === undefined ? null : Number(match[3]),
    };
  }
  return result;
}

function providers(environment: Environment): ProviderSettings[] {
  const result: ProviderSettings[] = [];
  for (const name of PROVIDER_NAMES) {
    const { prefix, baseUrl, model } = PROVIDER_DEFAULTS[name];
    const key = text(environment, `${prefix}_API_KEY`);
    const url = text(environment, `${prefix}_BASE_URL`) ?? baseUrl;
    // Self-hosted servers need no key; the hosted providers are enabled by theirs.
    const enabled =
      name === "openai-compatible" ? text(environment, `${prefix}_BASE_URL`) !== null : key !== null;
    if (!enabled) continue;
    if (url === null || !/^https?:\/\/[^\s]+$/.test(url)) {
      throw new ConfigError(`${prefix}_BASE_URL`, "must be an http(s) URL");
    }
    const chosen = text(environment, `${prefix}_MODEL`) ?? model;
    if (chosen === null) throw new ConfigError(`${prefix}_MODEL`, "must name the model to use");
    const agentModels: Record<string, string> = {};
    for (const agent of ["PARSING"]) {
      const override = text(environment, `${prefix}_MODEL_${agent}`);
      if (override !== null) agentModels[agent.toLowerCase()] = override;
    }
    result.push({ name, apiKey: key ?? "not-needed", baseUrl: url, model: chosen, agentModels });
  }
  return result;
}

function text(environment: Environment, name: string): string | null {
  const value = environment[name]?.trim();
  return value ? value : null;
}

function positiveInteger(environment: Environment, name: string, fallback: number): number {
  const value = text(environment, name);
  if (value === null) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) === 0) {
    throw new ConfigError(name, `must be a positive whole number of milliseconds, got "${value}"`);
  }
  return Number(value);
}

function boolean(environment: Environment, name: string, fallback: boolean): boolean {
  const value = text(environment, name)?.toLowerCase();
  if (value === undefined || value === null) return fallback;
  if (["true", "1", "yes", "on"].includes(value)) return true;
  if (["false", "0", "no", "off"].includes(value)) return false;
  throw new ConfigError(name, `must be true or false, got "${value}"`);
}

function weights(environment: Environment, name: string): Record<string, number> {
  const value = text(environment, name);
  const result: Record<string, number> = {};
  if (value === null) return result;
  for (const part of value.split(",")) {
    const match = /^\s*([a-z][a-z-]{0,30})\s*=\s*(\d{1,4})\s*$/.exec(part);
    if (!match || !PROVIDER_NAMES.includes(match[1] as ProviderName)) {
      throw new ConfigError(name, `expected provider=weight pairs such as "qwen=70,openai=30"`);
    }
    result[match[1]!] = Number(match[2]);
  }
  return result;
}
