// Local rate limits per provider: token buckets for requests and tokens per minute, a bounded queue of
// requests waiting for them, and pauses after a 429. A request reserves an estimate of its tokens before
// it is sent and settles the real usage after; a wait that would break the request's deadline is refused,
// so the router fails over instead of queueing. Time comes from the caller. With shared state, each call's
// real usage is told to the fleet once it is known, and the usage the other instances told is charged to
// these buckets (src/router/targets.ts), so the fleet as a whole keeps within the provider's limit.
import type { RateLimit } from "./settings.js";

const MINUTE = 60_000;

/** A bucket that refills continuously; a reservation may take it below zero, to be paid by waiting. */
export class TokenBucket {
  #level: number;
  #updated: number;

  constructor(
    readonly capacity: number,
    private readonly perMinute: number,
    now: number,
  ) {
    this.#level = capacity;
    this.#updated = now;
  }

  level(now: number): number {
    const elapsed = Math.max(0, now - this.#updated);
    this.#level = Math.min(this.capacity, this.#level + (elapsed * this.perMinute) / MINUTE);
    this.#updated = now;
    return this.#level;
  }

  /** Milliseconds until `amount` would be available. */
  waitFor(amount: number, now: number): number {
    const missing = amount - this.level(now);
    return missing <= 0 ? 0 : Math.ceil((missing * MINUTE) / this.perMinute);
  }

  take(amount: number, now: number): void {
    this.#level = this.level(now) - amount;
  }

  /**
   * Takes what other instances used: like `take`, but a charge never takes the bucket more than one
   * capacity into debt (a minute's wait already refuses every call), nor raises it.
   */
  charge(amount: number, now: number): void {
    const level = this.level(now);
    this.#level = Math.min(level, Math.max(-this.capacity, level - amount));
  }

  /** Returns tokens (a reservation that went unused, or an estimate above the real usage). */
  give(amount: number, now: number): void {
    this.#level = Math.min(this.capacity, this.level(now) + amount);
  }
}

export interface Reservation {
  /** Wait this long before sending. */
  waitMs: number;
  /** The wait is over and the request goes out: it leaves the queue. */
  sent(): void;
  /** The real usage, once known; the difference from the estimate goes back or is taken. */
  settle(tokens: number, now: number): void;
  /** The request was not sent after all: the reservation goes back. */
  cancel(now: number): void;
}

/** A provider's two buckets, as the fleet knows them. */
export type BucketKind = "requests" | "tokens";

/** Told each call's real usage, per bucket this limiter has (shared state). */
export type UsageListener = (bucket: BucketKind, amount: number) => void;

export class ProviderLimiter {
  readonly #requests: TokenBucket | null;
  readonly #tokens: TokenBucket | null;
  #waiting = 0;

  constructor(
    limit: RateLimit | undefined,
    private readonly queueLimit: number,
    now: number,
    private readonly onUsage: UsageListener = () => {},
  ) {
    this.#requests = limit ? new TokenBucket(limit.requestsPerMinute, limit.requestsPerMinute, now) : null;
    this.#tokens =
      limit?.tokensPerMinute != null
        ? new TokenBucket(limit.tokensPerMinute, limit.tokensPerMinute, now)
        : null;
  }

  get limited(): boolean {
    return this.#requests !== null;
  }

  /** The buckets it has: none without a limit. */
  buckets(): BucketKind[] {
    const kinds: BucketKind[] = [];
    if (this.#requests !== null) kinds.push("requests");
    if (this.#tokens !== null) kinds.push("tokens");
    return kinds;
  }

  /** Charges what other instances of the fleet used of a bucket (see TokenBucket.charge). */
  adopt(bucket: BucketKind, amount: number, now: number): void {
    if (amount > 0) (bucket === "requests" ? this.#requests : this.#tokens)?.charge(amount, now);
  }

  /** Requests waiting for a bucket now. */
  get waiting(): number {
    return this.#waiting;
  }

  /**
   * Reserves one request and `tokens` now. Null when the wait would pass `maxWaitMs` or the queue is full:
   * nothing is taken then.
   */
  reserve(tokens: number, now: number, maxWaitMs: number): Reservation | null {
    const waitMs = Math.max(this.#requests?.waitFor(1, now) ?? 0, this.#tokens?.waitFor(tokens, now) ?? 0);
    if (waitMs > maxWaitMs) return null;
    if (waitMs > 0 && this.#waiting >= this.queueLimit) return null;
    this.#requests?.take(1, now);
    this.#tokens?.take(tokens, now);
    let queued = waitMs > 0;
    if (queued) this.#waiting++;
    const leave = () => {
      if (queued) this.#waiting--;
      queued = false;
    };
    return {
      waitMs,
      sent: leave,
      settle: (used, at) => {
        leave();
        const difference = tokens - used;
        if (difference > 0) this.#tokens?.give(difference, at);
        else if (difference < 0) this.#tokens?.take(-difference, at);
        // Told once the real usage is known: an estimate (its output's whole allowance) would charge the
        // fleet far more than most calls use, and a counter that never falls reads simply.
        if (this.#requests !== null) this.onUsage("requests", 1);
        if (this.#tokens !== null && used > 0) this.onUsage("tokens", Math.ceil(used));
      },
      cancel: (at) => {
        leave();
        this.#requests?.give(1, at);
        this.#tokens?.give(tokens, at);
      },
    };
  }

  /** The smallest share left in either bucket (1 without limits): conservation mode starts near 0. */
  headroom(now: number): number {
    const shares = [this.#requests, this.#tokens]
      .filter((bucket): bucket is TokenBucket => bucket !== null)
      .map((bucket) => Math.max(0, bucket.level(now)) / bucket.capacity);
    return shares.length === 0 ? 1 : Math.min(...shares);
  }
}

/**
 * The longest pause one 429 starts, whatever its Retry-After says (and the longest adopted from the fleet):
 * an hour. Providers ask for seconds to minutes for a rate limit; a spent daily quota may name midnight,
 * but probing once an hour costs one 429, while a mistaken or hostile header (days) would otherwise keep
 * the whole fleet off a provider until an operator noticed.
 */
export const MAX_PAUSE_MS = 3_600_000;

/** A provider paused by its 429s: until Retry-After (at most an hour), or a doubling pause while 429s keep coming. */
export class RateLimitPause {
  #until = 0;
  #streak = 0;
  /** The last 429 here, and the last operator's reset (here or told by the fleet). */
  #limitedAt = Number.NEGATIVE_INFINITY;
  #clearedAt = 0;

  constructor(
    private readonly basePauseMs: number,
    /** Told the end of every pause a 429 starts or extends: the fleet pauses too (src/shared/). */
    private readonly onPause: (until: number) => void = () => {},
    /** Told an operator's reset: the fleet's pause ends too. */
    private readonly onClear: (at: number) => void = () => {},
  ) {}

  /** Records a 429; returns the instant the pause ends. */
  limited(now: number, retryAfterMs: number | null): number {
    this.#streak++;
    this.#limitedAt = now;
    const pause = Math.min(
      retryAfterMs ?? Math.min(this.basePauseMs * 2 ** (this.#streak - 1), 60_000),
      MAX_PAUSE_MS,
    );
    this.#until = Math.max(this.#until, now + pause);
    this.onPause(this.#until);
    return this.#until;
  }

  /**
   * What the fleet's view says: a pause another instance started (this one keeps it too, its own streak
   * unchanged), and the last operator's reset, which ends a pause started here before it. A view older than
   * the last reset made here (the reset is not in the store yet) says nothing of pauses.
   */
  adopt(until: number | null, clearedAt: number | null, now: number): void {
    if (clearedAt !== null && clearedAt > this.#clearedAt) {
      this.#clearedAt = clearedAt;
      if (this.#limitedAt < clearedAt) {
        this.#until = 0;
        this.#streak = 0;
      }
    }
    if (until === null || (clearedAt ?? 0) < this.#clearedAt) return;
    this.#until = Math.max(this.#until, Math.min(until, now + MAX_PAUSE_MS));
  }

  /** An answer that was not a 429 ends the streak. */
  answered(): void {
    this.#streak = 0;
  }

  until(now: number): number | null {
    return this.#until > now ? this.#until : null;
  }

  /** An operator's reset at `now`: the pause ends here and, told, in the fleet. */
  clear(now: number): void {
    this.#until = 0;
    this.#streak = 0;
    this.#clearedAt = now;
    this.onClear(now);
  }
}
