// Each provider's request quota as the simulator reports it in its rate-limit headers, the way the real APIs
// do: OpenAI and DashScope `x-ratelimit-*`, Anthropic `anthropic-ratelimit-*`, Mistral `x-ratelimit-*-minute`;
// self-hosted servers send none. Every attempt takes one request, a 429 storm spends the quota (a 429
// says the window is spent), and it refills evenly over its window, from the simulator's clock. The quota
// only reports: refusing is the `rateLimit` fault's job, so a benchmark that outruns it changes no answer.
import { z } from "zod";
import type { ProviderName } from "../../src/providers/types.js";

export const quotaSchema = z.object({
  /** Requests per window. */
  limit: z.number().int().min(1),
  /** The window: an empty quota is full again this long after it was spent. */
  windowMs: z.number().int().min(1),
});
export type QuotaSettings = z.infer<typeof quotaSchema>;

/** What a POST /_sim/quota changes: the settings, and the requests left now (a refill, or a spent quota). */
export const quotaChangeSchema = quotaSchema.partial().extend({
  remaining: z.number().int().min(0).optional(),
});
export type QuotaChange = z.infer<typeof quotaChangeSchema>;

/** The tokens a request is allowed, to report a token quota that follows the request quota. */
const TOKENS_PER_REQUEST = 400;

/** Roughly the public tiers' per-minute limits; the self-hosted server has none. */
const DEFAULT_QUOTAS: Readonly<Partial<Record<ProviderName, QuotaSettings>>> = {
  openai: { limit: 5000, windowMs: 60_000 },
  qwen: { limit: 1200, windowMs: 60_000 },
  anthropic: { limit: 4000, windowMs: 60_000 },
  mistral: { limit: 720, windowMs: 60_000 },
};

interface QuotaState extends QuotaSettings {
  remaining: number;
  at: number;
}

/** Figures as the headers carry them. */
export interface QuotaFigures {
  limit: number;
  remaining: number;
  /** Milliseconds until the quota is full again. */
  resetMs: number;
}

export class QuotaBook {
  readonly #states = new Map<string, QuotaState>();

  /** Changes a provider's quota (one that had none gets one: the settings must then be complete). */
  set(provider: string, change: QuotaChange, now: number): void {
    const current = this.#current(provider, now);
    const settings = quotaSchema.parse({ ...current, ...stripUndefined(change) });
    const remaining = Math.min(settings.limit, change.remaining ?? current?.remaining ?? settings.limit);
    this.#states.set(provider, { ...settings, remaining, at: now });
  }

  /** One more request: its figures after it, or null for a provider that reports none. */
  take(provider: string, now: number): QuotaFigures | null {
    return this.#update(provider, now, (state) => Math.max(0, state.remaining - 1));
  }

  /** A 429: the window is spent. */
  spend(provider: string, now: number): QuotaFigures | null {
    return this.#update(provider, now, () => 0);
  }

  figures(provider: string, now: number): QuotaFigures | null {
    return this.#update(provider, now, (state) => state.remaining);
  }

  clear(): void {
    this.#states.clear();
  }

  #update(provider: string, now: number, next: (state: QuotaState) => number): QuotaFigures | null {
    const state = this.#current(provider, now);
    if (state === null) return null;
    state.remaining = next(state);
    this.#states.set(provider, state);
    const missing = state.limit - state.remaining;
    return {
      limit: state.limit,
      remaining: Math.floor(state.remaining),
      resetMs: Math.ceil((missing / state.limit) * state.windowMs),
    };
  }

  /** The provider's quota refilled up to now, or null when it has none. */
  #current(provider: string, now: number): QuotaState | null {
    const state = this.#states.get(provider) ?? defaultState(DEFAULT_QUOTAS[provider as ProviderName], now);
    if (state === null) return null;
    const refilled = ((now - state.at) / state.windowMs) * state.limit;
    return { ...state, remaining: Math.min(state.limit, state.remaining + Math.max(0, refilled)), at: now };
  }
}

function defaultState(settings: QuotaSettings | undefined, now: number): QuotaState | null {
  return settings === undefined ? null : { ...settings, remaining: settings.limit, at: now };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/** The headers each provider family writes its figures in. */
export function quotaHeaders(provider: string, figures: QuotaFigures, now: number): Record<string, string> {
  const requests = { limit: String(figures.limit), remaining: String(figures.remaining) };
  const tokens = {
    limit: String(figures.limit * TOKENS_PER_REQUEST),
    remaining: String(figures.remaining * TOKENS_PER_REQUEST),
  };
  if (provider === "anthropic") {
    // RFC 3339 to the second, rounded up: never earlier than the quota is really full.
    const reset = new Date(Math.ceil((now + figures.resetMs) / 1000) * 1000)
      .toISOString()
      .replace(".000Z", "Z");
    return {
      "anthropic-ratelimit-requests-limit": requests.limit,
      "anthropic-ratelimit-requests-remaining": requests.remaining,
      "anthropic-ratelimit-requests-reset": reset,
      "anthropic-ratelimit-tokens-limit": tokens.limit,
      "anthropic-ratelimit-tokens-remaining": tokens.remaining,
      "anthropic-ratelimit-tokens-reset": reset,
    };
  }
  if (provider === "mistral") {
    return {
      "x-ratelimit-limit-req-minute": requests.limit,
      "x-ratelimit-remaining-req-minute": requests.remaining,
      "x-ratelimit-limit-tokens-minute": tokens.limit,
      "x-ratelimit-remaining-tokens-minute": tokens.remaining,
    };
  }
  return {
    "x-ratelimit-limit-requests": requests.limit,
    "x-ratelimit-remaining-requests": requests.remaining,
    "x-ratelimit-reset-requests": duration(figures.resetMs),
    "x-ratelimit-limit-tokens": tokens.limit,
    "x-ratelimit-remaining-tokens": tokens.remaining,
    "x-ratelimit-reset-tokens": duration(figures.resetMs),
  };
}

/** OpenAI's reset durations: "20ms", "1.5s", "6m0s". */
function duration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 100) / 10;
  return minutes === 0 ? `${seconds}s` : `${minutes}m${seconds}s`;
}
