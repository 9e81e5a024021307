// Configuration, read once at a runtime entry (process.env on Node, bindings on Workers) into one typed
// object that is passed down. Nothing deeper in the code reads the environment. The readers live in
// src/config/: single values (environment.ts), the router's settings, the providers, and the models.

import { origins, secretToken, trustedProxies } from "./config/edge.js";
import {
  boolean,
  ConfigError,
  count,
  type Environment,
  positiveInteger,
  text,
} from "./config/environment.js";
import { readIncidentSettings } from "./config/incident-settings.js";
import { prices, registry } from "./config/llm-models.js";
import { providerName, readProviders, weights } from "./config/providers.js";
import { readRateLimits } from "./config/rate-limits.js";
import { readRouterSettings } from "./config/router-settings.js";
import type { AddressRange } from "./http/ip-address.js";
import { BOOKING_TOKEN_PREFIX } from "./http/secrets.js";
import type { IncidentSettings } from "./incidents/settings.js";
import type { RateLimits } from "./limits/settings.js";
import type { ModelPrice, ProviderName, ProviderSettings } from "./providers/types.js";
import type { RegistryConfig } from "./registry/agent-models.js";
import type { RouterSettings } from "./router/settings.js";
import { canonicalZone } from "./temporal/zone.js";

export { ConfigError, type Environment } from "./config/environment.js";
export type { ProviderSettings } from "./providers/types.js";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Config {
  defaultTimezone: string;
  logLevel: LogLevel;
  /** Bearer token for admin routes (at least 32 characters); null means admin routes answer 403. */
  adminToken: string | null;
  /** Bearer token a scraper sends for GET /metrics; null leaves it to the listener (src/http/routes/metrics.ts). */
  metricsToken: string | null;
  /** Browser origins allowed to call the parse, availability and booking routes (src/http/cors.ts); none by default. */
  corsOrigins: string[];
  /** Proxies whose X-Forwarded-For names the client on Node (src/http/client-id.ts); none by default. */
  trustedProxies: AddressRange[];
  /** Node's SQLite file (Workers use the D1 binding instead); unused when databaseUrl is set. */
  databasePath: string;
  /** DATABASE_URL: a postgres:// URL selects the PostgreSQL calendar store on Node; null keeps SQLite. */
  databaseUrl: string | null;
  /** Confirmed bookings not yet ended that one contact may hold in a calendar; 0: no cap. */
  maxActiveBookingsPerContact: number;
  /** The same per client key that created them (src/http/routes/bookings.ts); 0: no cap. */
  maxActiveBookingsPerKey: number;
  /**
   * ALLOW_ANONYMOUS: callers without a key may parse, use Duckling, read calendars and book even where keys
   * are required, and, while no key exists, do all but admin (src/http/access.ts); Node may then listen off
   * loopback without keys.
   */
  allowAnonymous: boolean;
  /** Request budgets per client key and per anonymous address, and the failed-authentication budget (src/limits). */
  rateLimits: RateLimits;
  llm: {
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
  /** When incidents open, escalate and resolve, and where they are announced (src/incidents). */
  incidents: IncidentSettings;
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
  const router = readRouterSettings(environment);
  const enabled = readProviders(environment);
  return {
    defaultTimezone,
    logLevel: logLevel as LogLevel,
    adminToken: adminToken(environment),
    metricsToken: secretToken(environment, "METRICS_TOKEN"),
    corsOrigins: origins(environment, "CORS_ORIGINS"),
    trustedProxies: trustedProxies(environment, "TRUSTED_PROXIES"),
    databasePath: text(environment, "DATABASE_PATH") ?? "data/cita.db",
    databaseUrl: databaseUrl(environment),
    maxActiveBookingsPerContact: count(environment, "MAX_ACTIVE_BOOKINGS_PER_CONTACT", 10, 0),
    maxActiveBookingsPerKey: count(environment, "MAX_ACTIVE_BOOKINGS_PER_KEY", 1_000, 0),
    allowAnonymous: boolean(environment, "ALLOW_ANONYMOUS", false),
    rateLimits: readRateLimits(environment),
    llm: {
      conservationMode: boolean(environment, "CONSERVATION_MODE", false),
      preferredProvider: providerName(environment, "LLM_PROVIDER"),
      weights: weights(environment, "LLM_WEIGHTS"),
      router,
      prices: prices(environment, "LLM_PRICES"),
      registry: registry(environment, "MODEL_REGISTRY", enabled),
      variantWindowMs: positiveInteger(environment, "MODEL_VARIANT_WINDOW_MS", 3_600_000),
      rollbackMinSamples: count(environment, "MODEL_ROLLBACK_MIN_SAMPLES", 50, 1),
      providers: enabled,
    },
    incidents: readIncidentSettings(environment),
  };
}

/** DATABASE_URL, checked for its scheme only: the message never repeats it (it may hold a password). */
function databaseUrl(environment: Environment): string | null {
  const url = text(environment, "DATABASE_URL");
  if (url === null) return null;
  if (!/^postgres(ql)?:\/\/\S+$/.test(url)) {
    throw new ConfigError("DATABASE_URL", "must be a postgres:// or postgresql:// URL");
  }
  return url;
}

/**
 * ADMIN_TOKEN, which must not look like a booking's token: a bearer with that prefix is only ever checked
 * against a booking (src/http/access.ts), so such an admin token could never be used.
 */
function adminToken(environment: Environment): string | null {
  const token = secretToken(environment, "ADMIN_TOKEN");
  if (token?.startsWith(BOOKING_TOKEN_PREFIX)) {
    throw new ConfigError(
      "ADMIN_TOKEN",
      `must not start with ${BOOKING_TOKEN_PREFIX}, which marks a booking's token`,
    );
  }
  return token;
}
