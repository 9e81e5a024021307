// The per-client buckets' tokens on Redis: one counter per bucket and period-long window
// (`<prefix>tokens:<action> <subject>:<window>`), which each instance raises by the tokens it took since its
// last refresh and reads back; what the counter rose by beyond this instance's own share is what the others
// took, handed to the limiter once (src/limits/shared-limiter.ts). A bucket first seen, or a new window, is
// read from nothing, so the others' takes of the current window all count (a bucket refills one whole
// budget per period, so older takes no longer matter). Only buckets used here within their period are read.
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
}

export class RedisTokenLedger {
  readonly #pending = new Map<string, number>();
  readonly #followed = new Map<string, Followed>();
  readonly #others = new Map<string, number>();

  constructor(
    private readonly prefix: string,
    private readonly clock: () => number,
  ) {}

  took(bucket: string, periodMs: number, amount = 1): void {
    this.#pending.set(bucket, (this.#pending.get(bucket) ?? 0) + amount);
    this.#follow(bucket, periodMs);
  }

  /** What the others took since asked; the bucket is read at every refresh while it is in use here. */
  takeOthers(bucket: string, periodMs: number): number {
    this.#follow(bucket, periodMs);
    const others = this.#others.get(bucket) ?? 0;
    if (others > 0) this.#others.delete(bucket);
    return others;
  }

  #follow(bucket: string, periodMs: number): void {
    const followed = this.#followed.get(bucket);
    this.#followed.delete(bucket);
    this.#followed.set(bucket, {
      periodMs,
      window: followed?.window ?? 0,
      seen: followed?.seen ?? 0,
      usedAt: this.clock(),
    });
    if (this.#followed.size > MAX_FOLLOWED) {
      const oldest = this.#followed.keys().next().value as string;
      this.#followed.delete(oldest);
      this.#others.delete(oldest);
    }
  }

  async exchange(client: CounterClient): Promise<void> {
    const now = this.clock();
    for (const [bucket, followed] of this.#followed) {
      if (now - followed.usedAt > followed.periodMs && !this.#pending.has(bucket)) {
        this.#followed.delete(bucket);
        this.#others.delete(bucket);
      }
    }
    const pending = [...this.#pending];
    this.#pending.clear();
    const key = (bucket: string) => {
      const periodMs = this.#followed.get(bucket)?.periodMs ?? 60_000;
      return `${this.prefix}tokens:${bucket}:${Math.floor(now / periodMs)}`;
    };
    const totals = new Map<string, number>();
    try {
      for (const [bucket, count] of pending) {
        totals.set(bucket, await client.incrBy(key(bucket), count));
        await client.pExpire(key(bucket), 2 * (this.#followed.get(bucket)?.periodMs ?? 60_000));
      }
    } catch (error) {
      for (const [bucket, count] of pending)
        if (!totals.has(bucket)) this.#pending.set(bucket, (this.#pending.get(bucket) ?? 0) + count);
      throw error;
    }
    const unread = [...this.#followed.keys()].filter((bucket) => !totals.has(bucket));
    if (unread.length > 0) {
      const values = await client.mGet(unread.map(key));
      for (const [index, bucket] of unread.entries()) totals.set(bucket, Number(values[index] ?? 0));
    }
    const own = new Map(pending);
    for (const [bucket, total] of totals) {
      const followed = this.#followed.get(bucket);
      if (followed === undefined) continue;
      const window = Math.floor(now / followed.periodMs);
      // A new window (or a counter lost with Redis) is read from nothing.
      const seen = window === followed.window && total >= followed.seen ? followed.seen : 0;
      const rose = total - seen - (own.get(bucket) ?? 0);
      if (rose > 0) this.#others.set(bucket, (this.#others.get(bucket) ?? 0) + rose);
      followed.window = window;
      followed.seen = total;
    }
  }
}
