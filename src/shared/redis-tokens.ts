// The per-client buckets' tokens on Redis: one counter per bucket and period-long window
// (`<prefix>tokens:<action> <subject>:<window>`), which each instance raises by the tokens it took since its
// last refresh and reads back; what the counter rose by beyond this instance's own share is what the others
// took, handed to the limiter once (src/limits/shared-limiter.ts). A bucket first seen, or a new window, is
// read from nothing, so the others' takes of the current window all count (a bucket refills one whole
// budget per period, so older takes no longer matter). Only buckets used here within their period are read,
// at most MAX_FOLLOWED of them: the tokens taken here and not yet sent are kept with their bucket, so they
// are bounded too (a bucket dropped while Redis is away loses its unsent count: the fleet undercounts that
// client by what it took here). Each refresh sends every increment at once (pipelined on the connection),
// then reads the other followed buckets in one MGET.
import type { createClient } from "@redis/client";

type CounterClient = Pick<ReturnType<typeof createClient>, "incrBy" | "pExpire" | "mGet">;

/** Buckets followed at most: past that many clients at once, the least recently used are dropped. */
const MAX_FOLLOWED = 10_000;

interface Followed {
  periodMs: number;
  /** The window (time / periodMs) of the counter last read, and its value then. */
  window: number;
  seen: number;
  usedAt: number;
  /** Tokens taken here and not yet added to the counter. */
  pending: number;
}

export class RedisTokenLedger {
  readonly #followed = new Map<string, Followed>();
  readonly #others = new Map<string, number>();

  constructor(
    private readonly prefix: string,
    private readonly clock: () => number,
  ) {}

  took(bucket: string, periodMs: number, amount = 1): void {
    this.#follow(bucket, periodMs).pending += amount;
  }

  /** What the others took since asked; the bucket is read at every refresh while it is in use here. */
  takeOthers(bucket: string, periodMs: number): number {
    this.#follow(bucket, periodMs);
    const others = this.#others.get(bucket) ?? 0;
    if (others > 0) this.#others.delete(bucket);
    return others;
  }

  /** Buckets with tokens not yet sent (for tests and the bound on them). */
  get unsent(): number {
    let count = 0;
    for (const followed of this.#followed.values()) if (followed.pending > 0) count++;
    return count;
  }

  #follow(bucket: string, periodMs: number): Followed {
    const kept = this.#followed.get(bucket);
    this.#followed.delete(bucket);
    const followed: Followed = kept ?? { periodMs, window: 0, seen: 0, usedAt: 0, pending: 0 };
    followed.periodMs = periodMs;
    followed.usedAt = this.clock();
    this.#followed.set(bucket, followed);
    if (this.#followed.size > MAX_FOLLOWED) {
      const oldest = this.#followed.keys().next().value as string;
      this.#followed.delete(oldest);
      this.#others.delete(oldest);
    }
    return followed;
  }

  async exchange(client: CounterClient): Promise<void> {
    const now = this.clock();
    for (const [bucket, followed] of this.#followed) {
      if (now - followed.usedAt > followed.periodMs && followed.pending === 0) {
        this.#followed.delete(bucket);
        this.#others.delete(bucket);
      }
    }
    const key = (bucket: string, followed: Followed) =>
      `${this.prefix}tokens:${bucket}:${Math.floor(now / followed.periodMs)}`;
    const sending = [...this.#followed].filter(([, followed]) => followed.pending > 0);
    const unread = [...this.#followed].filter(([, followed]) => followed.pending === 0);
    const sent = sending.map(async ([bucket, followed]) => {
      const count = followed.pending;
      followed.pending = 0;
      const increment = client.incrBy(key(bucket, followed), count);
      // A failed expiry is set again by the bucket's next increment.
      void client.pExpire(key(bucket, followed), 2 * followed.periodMs).catch(() => {});
      let total: number;
      try {
        total = await increment;
      } catch (error) {
        // Not added: sent again next time, unless the bucket was dropped meanwhile.
        followed.pending += count;
        throw error;
      }
      this.#saw(bucket, followed, now, total, count);
    });
    const read = (async () => {
      if (unread.length === 0) return;
      const values = await client.mGet(unread.map(([bucket, followed]) => key(bucket, followed)));
      for (const [index, [bucket, followed]] of unread.entries())
        this.#saw(bucket, followed, now, Number(values[index] ?? 0), 0);
    })();
    const outcomes = await Promise.allSettled([read, ...sent]);
    const failed = outcomes.find((outcome) => outcome.status === "rejected");
    if (failed !== undefined) throw failed.reason;
  }

  /** The counter of a bucket stood at `total`, `own` of it taken here since last read. */
  #saw(bucket: string, followed: Followed, now: number, total: number, own: number): void {
    if (this.#followed.get(bucket) !== followed) return;
    const window = Math.floor(now / followed.periodMs);
    // A new window (or a counter lost with Redis) is read from nothing.
    const seen = window === followed.window && total >= followed.seen ? followed.seen : 0;
    const rose = total - seen - own;
    if (rose > 0) this.#others.set(bucket, (this.#others.get(bucket) ?? 0) + rose);
    followed.window = window;
    followed.seen = total;
  }
}
