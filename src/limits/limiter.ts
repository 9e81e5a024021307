// Token buckets per client and action, kept in memory with a bound on how many: what Node uses, and what
// each Durable Object of the Workers path keeps inside (durable-object.ts). Keyed by client input (a key id,
// an address), so the map never grows past `maxBuckets`: a new bucket first evicts a full one among the
// least recently used (a full bucket is the same as none, so nothing is lost), else the least recently
// used of all, which forgives that client what it had spent.
import type { Budget } from "./settings.js";

/**
 * take: one token if there is one; peek: only look; charge: one token even below zero (a burst of failed
 * authentications that all passed the peek is paid for by a longer wait, of at most one more window).
 */
export type LimiterOperation = "take" | "peek" | "charge";

/** Where buckets are kept: in this process (MemoryLimiter) or in a Durable Object per subject. */
export interface RateLimiter {
  /** Milliseconds until the subject's bucket for `action` holds a token; 0 when it does ("take" took it). */
  apply(subject: string, action: string, budget: Budget, operation: LimiterOperation): Promise<number>;
}

/** 10,000 buckets took 3.7 MB of heap here; past that many clients in a few minutes, the oldest are forgiven. */
export const DEFAULT_MAX_BUCKETS = 10_000;
/** How many of the least recently used buckets an eviction looks through for a full one. */
const EVICTION_SCAN = 16;

/**
 * A token bucket counted in whole units, a token being `periodMs` units and each millisecond adding
 * `capacity` of them: with integer clocks the arithmetic is exact, so a client that waits the Retry-After it
 * was given (10 per 15 minutes: 90 s) finds its token there, never 1 ms short as a fractional rate would.
 */
class Bucket {
  #units: number;
  #updated: number;

  constructor(
    readonly budget: Budget,
    now: number,
  ) {
    this.#units = budget.capacity * budget.periodMs;
    this.#updated = now;
  }

  full(now: number): boolean {
    return this.#refill(now) >= this.budget.capacity * this.budget.periodMs;
  }

  /** Milliseconds until a whole token is there. */
  waitMs(now: number): number {
    const missing = this.budget.periodMs - this.#refill(now);
    return missing <= 0 ? 0 : Math.ceil(missing / this.budget.capacity);
  }

  /**
   * One token, going into debt when there is none ("charge"), but never deeper than one whole budget: a
   * burst of concurrent failed guesses then locks an address out for at most two windows (30 minutes by
   * default), not for as long as the burst was large, since others behind that address (a NAT, a cloud's
   * egress) are locked out with it.
   */
  take(now: number, count = 1): void {
    const { capacity, periodMs } = this.budget;
    this.#units = Math.max(-capacity * periodMs, this.#refill(now) - count * periodMs);
  }

  #refill(now: number): number {
    const elapsed = Math.max(0, now - this.#updated);
    const { capacity, periodMs } = this.budget;
    this.#units = Math.min(capacity * periodMs, this.#units + elapsed * capacity);
    this.#updated = Math.max(this.#updated, now);
    return this.#units;
  }
}

export class MemoryLimiter implements RateLimiter {
  readonly #entries = new Map<string, Bucket>();
  readonly #maxBuckets: number;
  readonly #clock: () => number;

  constructor(options: { maxBuckets?: number; clock?: () => number } = {}) {
    this.#maxBuckets = options.maxBuckets ?? DEFAULT_MAX_BUCKETS;
    this.#clock = options.clock ?? Date.now;
  }

  /** Buckets kept now. */
  get size(): number {
    return this.#entries.size;
  }

  async apply(subject: string, action: string, budget: Budget, operation: LimiterOperation): Promise<number> {
    return this.applyNow(subject, action, budget, operation);
  }

  /** As apply, at once; a charge may be of `count` tokens (the shared limiter's charge of others' takes). */
  applyNow(subject: string, action: string, budget: Budget, operation: LimiterOperation, count = 1): number {
    const now = this.#clock();
    const bucket = this.#bucket(`${action} ${subject}`, budget, now);
    if (operation === "charge") {
      bucket.take(now, count);
      return 0;
    }
    const waitMs = bucket.waitMs(now);
    if (waitMs === 0 && operation === "take") bucket.take(now);
    return waitMs;
  }

  #bucket(key: string, budget: Budget, now: number): Bucket {
    const kept = this.#entries.get(key);
    if (kept !== undefined) {
      // Most recently used last: delete and set again moves it to the end of the map's order.
      this.#entries.delete(key);
      if (kept.budget.capacity === budget.capacity && kept.budget.periodMs === budget.periodMs) {
        this.#entries.set(key, kept);
        return kept;
      }
    } else if (this.#entries.size >= this.#maxBuckets) {
      this.#evict(now);
    }
    // A new bucket, or a budget that changed (a key's rate was edited): it starts full at the new size.
    const bucket = new Bucket(budget, now);
    this.#entries.set(key, bucket);
    return bucket;
  }

  #evict(now: number): void {
    let scanned = 0;
    let oldest: string | undefined;
    for (const [key, bucket] of this.#entries) {
      oldest ??= key;
      if (bucket.full(now)) {
        this.#entries.delete(key);
        return;
      }
      if (++scanned >= EVICTION_SCAN) break;
    }
    if (oldest !== undefined) this.#entries.delete(oldest);
  }
}
