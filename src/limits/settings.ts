// The request-rate budgets of issue 16, item 3: per client key and (much smaller) per anonymous client
// address, for each limited action; and the failed-authentication budget, kept per address only. Read from
// the environment by src/config/rate-limits.ts; a rate of 0 turns that limit off.
import type { LimitedAction } from "../http/principal.js";

/** Requests per minute for each limited action; 0: no limit. */
export type ActionRates = Record<LimitedAction, number>;

export interface RateLimits {
  /** Per client key, unless the key names its own rate for the action. */
  perKey: ActionRates;
  /** Per anonymous client address (ALLOW_ANONYMOUS, or the open loopback default where it applies). */
  perAddress: ActionRates;
  /** Failed authentications per client address in `failedAuthWindowMinutes`; 0: no limit. */
  failedAuthLimit: number;
  failedAuthWindowMinutes: number;
}

/**
 * Per key: 600 parses a minute (10 a second) covers a busy chat frontend's server, and each parse costs
 * 0.1–2 ms of CPU (more with an LLM); 60 bookings a minute is a clinic's day in a minute. Per address far
 * less, as an anonymous address is one person or one abuser: 60 parses (one a second, more than anyone
 * types) and 10 bookings (a person books one or two).
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  perKey: { parse: 600, duckling: 600, booking: 60 },
  perAddress: { parse: 60, duckling: 60, booking: 10 },
  // A person who mistypes a token does so a few times; 10 guesses in 15 minutes is ~1,000 a day.
  failedAuthLimit: 10,
  failedAuthWindowMinutes: 15,
};

/** A bucket's shape: it holds `capacity` tokens and refills that many every `periodMs`, continuously. */
export interface Budget {
  capacity: number;
  periodMs: number;
}

const MINUTE = 60_000;

/** A minute's requests as a burst, refilled over the minute. */
export function perMinuteBudget(rate: number): Budget {
  return { capacity: rate, periodMs: MINUTE };
}

export function failedAuthBudget(limits: RateLimits): Budget {
  return { capacity: limits.failedAuthLimit, periodMs: limits.failedAuthWindowMinutes * MINUTE };
}
