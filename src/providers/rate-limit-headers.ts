// What a provider's answer says of its rate-limit window: the requests and tokens left and the request
// limit, from the headers each API sends (OpenAI and DashScope's OpenAI-compatible mode `x-ratelimit-*`,
// Anthropic `anthropic-ratelimit-*`, Mistral `x-ratelimit-*-minute`). Read defensively: a header that is
// missing, not a whole number, negative or absurdly large is unknown, never a guess. The router keeps the
// last value per target (src/router/snapshot.ts); the recovery check holds a provider back on it
// (src/incidents/recovery.ts). Self-hosted servers send none: everything stays unknown.

export interface ProviderRateLimit {
  /** Requests left in the current window; null: not said. */
  remainingRequests: number | null;
  /** The window's request limit; null: not said. */
  limitRequests: number | null;
  /** Tokens left in the current window; null: not said. */
  remainingTokens: number | null;
}

/** Each figure's header, by provider family, the first one present winning. */
const NAMES: Readonly<Record<keyof ProviderRateLimit, readonly string[]>> = {
  remainingRequests: [
    "x-ratelimit-remaining-requests",
    "anthropic-ratelimit-requests-remaining",
    "x-ratelimit-remaining-req-minute",
  ],
  limitRequests: [
    "x-ratelimit-limit-requests",
    "anthropic-ratelimit-requests-limit",
    "x-ratelimit-limit-req-minute",
  ],
  remainingTokens: [
    "x-ratelimit-remaining-tokens",
    "anthropic-ratelimit-tokens-remaining",
    "x-ratelimit-remaining-tokens-minute",
  ],
};

/** A count as the headers write it: digits only (no sign, no fraction), within safe integers. */
const COUNT = /^\d{1,15}$/;

/** The figures the headers give, or null when they give none (a provider that sends no rate-limit headers). */
export function readRateLimit(headers: Headers | null | undefined): ProviderRateLimit | null {
  if (headers === null || headers === undefined) return null;
  const read = (names: readonly string[]): number | null => {
    for (const name of names) {
      const value = headers.get(name)?.trim();
      if (value !== undefined && value !== "") return COUNT.test(value) ? Number(value) : null;
    }
    return null;
  };
  const rateLimit: ProviderRateLimit = {
    remainingRequests: read(NAMES.remainingRequests),
    limitRequests: read(NAMES.limitRequests),
    remainingTokens: read(NAMES.remainingTokens),
  };
  return Object.values(rateLimit).every((value) => value === null) ? null : rateLimit;
}
