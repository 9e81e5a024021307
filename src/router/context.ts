// What every part of the router shares: its settings, its clock, its source of randomness and where its
// events go. Time and randomness are injected so tests drive the router with fake timers and fixed draws.
import type { ProviderName } from "../providers/types.js";
import type { RouterSettings } from "./settings.js";

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A routing event worth a log line. */
export interface RouterEvent {
  event: "attempt_failed" | "hedge" | "rate_limited" | "breaker_opened" | "breaker_closed";
  provider: ProviderName;
  model: string;
  kind?: string;
  requestId?: string;
}

export interface RouterContext {
  readonly settings: RouterSettings;
  readonly clock: Clock;
  /** In [0, 1): weighted choice and backoff jitter. */
  readonly random: () => number;
  readonly onEvent: (event: RouterEvent) => void;
}
