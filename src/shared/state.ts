// Shared state: what the instances of one deployment tell each other so that they act as one service.
// Per target (provider/model): the breaker's last opening or closing, the end of a 429 pause and the
// outcomes of calls (for every instance's health window); the day's LLM spend; the tokens taken from each
// per-client rate-limit bucket (src/limits/shared-limiter.ts) and from each provider's buckets
// (src/router/rate-limit.ts); and the router's validated answers. The
// request path never waits on it: reads come from a local view (`target`, `spentToday`, `takeCalls`,
// `takeOthersTokens`) that the implementation refreshes in the background, and writes are published in the
// background too; the one exception is `cachedAnswer`, asked only when the local cache missed. The embedded
// default keeps nothing beyond what each part of the router already keeps in the process: one instance is
// the whole fleet (docs/scale.md).
import type { CallSample } from "../router/health.js";

/** A breaker opening or closing somewhere in the fleet, at `at` (epoch ms). */
export interface BreakerChange {
  state: "open" | "closed";
  at: number;
}

/** What the fleet last said of one target, as this instance's view holds it. */
export interface TargetView {
  breaker: BreakerChange | null;
  /** The end of the latest 429 pause (epoch ms), or null. */
  pausedUntil: number | null;
  /** The last operator's reset of the pause (epoch ms): pauses told before it no longer count. */
  pauseClearedAt?: number | null;
}

export interface SharedStateStatus {
  store: "embedded" | "redis" | "durable-object";
  /**
   * "unavailable": the store cannot be reached, and the instance answers from its local view meanwhile; or,
   * with store "embedded", a Worker whose configuration binds no store (each isolate decides alone).
   */
  state: "ok" | "unavailable";
  /** When the local view was last refreshed from the store (ISO 8601), or null. */
  syncedAt: string | null;
}

export interface SharedState {
  /** Whether anything is shared at all: false for the embedded default (the router skips the view). */
  readonly shared: boolean;
  /** The target (provider/model) is in use here: its view is refreshed from now on. */
  track(target: string): void;
  breakerChanged(target: string, change: BreakerChange): void;
  paused(target: string, until: number): void;
  /** An operator reset the target at `at`: its pause ends for the whole fleet. */
  pauseCleared(target: string, at: number): void;
  /** A call this instance made, for the other instances' health windows. */
  called(target: string, sample: CallSample): void;
  spent(usd: number, now: number): void;
  /**
   * This instance took (or charged) `amount` tokens (1 by default, a whole positive number) of a bucket
   * refilling over `periodMs`: a per-client bucket, or a provider's.
   */
  tookToken(bucket: string, periodMs: number, amount?: number): void;
  /** The local view of a target: no I/O. */
  target(target: string): TargetView;
  /** The calls other instances made on a target since the last time asked (each given once): no I/O. */
  takeCalls(target: string): CallSample[];
  /** A validated answer, for the fleet's caches: kept `ttlMs`. */
  cacheAnswer(key: string, answer: unknown, ttlMs: number): void;
  /**
   * The answer another instance cached under `key`, or undefined: the one read that may go to the store,
   * made only when this instance's own cache missed (it saves a provider call), bounded to a few ms; with
   * the time it has left, so this instance's cache keeps it as long as the fleet's does.
   */
  cachedAnswer(key: string): Promise<{ answer: unknown; ttlMs: number } | undefined>;
  /** Tokens other instances took from a bucket since the last time asked (followed from now on): no I/O. */
  takeOthersTokens(bucket: string, periodMs: number): number;
  /** The fleet's spend on the UTC day of `now` as last seen plus this instance's since; null: unknown. */
  spentToday(now: number): number | null;
  status(): SharedStateStatus;
  close(): Promise<void>;
}

/**
 * The status /health shows: when something is shared, or when a store was meant to be and is not (a Worker
 * without its binding); undefined for the embedded default, which has nothing to say.
 */
export function shownStatus(shared: SharedState | undefined): SharedStateStatus | undefined {
  if (shared === undefined) return undefined;
  const status = shared.status();
  return shared.shared || status.state !== "ok" ? status : undefined;
}

const NOTHING: TargetView = { breaker: null, pausedUntil: null };

/** The embedded default: one process is the fleet, so there is nothing to tell and nothing to learn. */
export const embeddedState: SharedState = {
  shared: false,
  track: () => {},
  breakerChanged: () => {},
  paused: () => {},
  pauseCleared: () => {},
  called: () => {},
  takeCalls: () => [],
  tookToken: () => {},
  cacheAnswer: () => {},
  cachedAnswer: async () => undefined,
  takeOthersTokens: () => 0,
  spent: () => {},
  target: () => NOTHING,
  spentToday: () => null,
  status: () => ({ store: "embedded", state: "ok", syncedAt: null }),
  close: async () => {},
};

/**
 * The embedded state standing in for a store the deployment was expected to bind and does not (a Worker
 * deployed from a wrangler.toml older than ROUTER_STATE): it behaves exactly as the embedded default, and
 * `/health` says the shared state is unavailable, so the missing binding is seen.
 */
export const unboundState: SharedState = {
  ...embeddedState,
  status: () => ({ store: "embedded", state: "unavailable", syncedAt: null }),
};
