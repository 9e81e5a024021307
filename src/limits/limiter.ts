// Token buckets per client and action, kept in memory with a bound on how many: what Node uses, and what
// each Durable Object of the Workers path keeps inside (durable-object.ts). Keyed by client input (a key id,
// an address), so the map never grows past `maxBuckets`: a new bucket first evicts a full one among the
// least recently used (a full bucket is the same as none, so nothing is lost), else the least recently
// used of all, which forgives that client what it had spent.
import { TokenBucket } from "../router/rate-limit.js";
import type { Budget } from "./settings.js";

/**
 * take: one token if there is one; peek: only look; charge: one token even below zero (a burst of failed
 * authentications that all passed the peek is paid for by a longer wait).
 */
export type LimiterOperation = "take" | "peek" | "charge";

/** Where buckets are kept: in this process (MemoryLimiter) or in a Durable Object per subject. */
export interface RateLimiter {
  /** Milliseconds until the subject's bucket for `action` holds a token; 0 when it does ("take" took it). */
  apply(subject: string, action: string, budget: Budget, operation: LimiterOperation): Promise<number>;
}

/** 10,000 buckets take about 2 MB; past that many clients in a few minutes, the oldest are forgiven. */
export const DEFAULT_MAX_BUCKETS = 10_000;
/** How many of the least recently used buckets an eviction looks through for a full one. */
const EVICTION_SCAN = 16;

interface Entry {
  bucket: TokenBucket;
  budget: Budget;
}

export class MemoryLimiter implements RateLimiter {
  readonly #entries = new Map<string, Entry>();
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

  applyNow(subject: string, action: string, budget: Budget, operation: LimiterOperation): number {
    const now = this.#clock();
    const bucket = this.#bucket(`${action} ${subject}`, budget, now);
    if (operation === "charge") {
      bucket.take(1, now);
      return 0;
    }
    const waitMs = bucket.waitFor(1, now);
    if (waitMs === 0 && operation === "take") bucket.take(1, now);
    return waitMs;
  }

  #bucket(key: string, budget: Budget, now: number): TokenBucket {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      // Most recently used last: delete and set again moves it to the end of the map's order.
      this.#entries.delete(key);
      const same = entry.budget.capacity === budget.capacity && entry.budget.perMinute === budget.perMinute;
      if (same) {
        this.#entries.set(key, entry);
        return entry.bucket;
      }
    } else if (this.#entries.size >= this.#maxBuckets) {
      this.#evict(now);
    }
    // A new bucket, or a budget that changed (a key's rate was edited): it starts full at the new size.
    const bucket = new TokenBucket(budget.capacity, budget.perMinute, now);
    this.#entries.set(key, { bucket, budget });
    return bucket;
  }

  #evict(now: number): void {
    let scanned = 0;
    let oldest: string | undefined;
    for (const [key, entry] of this.#entries) {
      oldest ??= key;
      if (entry.bucket.level(now) >= entry.bucket.capacity) {
        this.#entries.delete(key);
        return;
      }
      if (++scanned >= EVICTION_SCAN) break;
    }
    if (oldest !== undefined) this.#entries.delete(oldest);
  }
}
