// Token buckets, the per-provider limiter (reserve, settle, cancel, the bounded queue, headroom, the usage it
// tells a fleet and the fleet's it is charged) and the pause after 429s. Time is passed in explicitly.
import { describe, expect, it } from "vitest";
import { MAX_PAUSE_MS, ProviderLimiter, RateLimitPause, TokenBucket } from "./rate-limit.js";

const T0 = 1_700_000_000_000;

describe("a token bucket", () => {
  it("starts full and refills continuously up to its capacity", () => {
    const bucket = new TokenBucket(60, 60, T0);
    expect(bucket.level(T0)).toBe(60);
    bucket.take(60, T0);
    expect(bucket.level(T0)).toBe(0);
    expect(bucket.level(T0 + 500)).toBeCloseTo(0.5);
    expect(bucket.level(T0 + 30_000)).toBeCloseTo(30);
    expect(bucket.level(T0 + 600_000)).toBe(60);
  });

  it("says how long until an amount is available, and may go below zero", () => {
    const bucket = new TokenBucket(10, 60, T0);
    expect(bucket.waitFor(10, T0)).toBe(0);
    bucket.take(12, T0);
    expect(bucket.level(T0)).toBe(-2);
    // 3 tokens missing at one a second.
    expect(bucket.waitFor(1, T0)).toBe(3000);
    expect(bucket.waitFor(1, T0 + 2999)).toBe(1);
    expect(bucket.waitFor(1, T0 + 3000)).toBe(0);
  });

  it("takes back no more than its capacity", () => {
    const bucket = new TokenBucket(10, 60, T0);
    bucket.take(4, T0);
    bucket.give(100, T0);
    expect(bucket.level(T0)).toBe(10);
  });

  it("is charged at most one capacity into debt, and never raised by a charge", () => {
    const bucket = new TokenBucket(10, 60, T0);
    bucket.charge(4, T0);
    expect(bucket.level(T0)).toBe(6);
    bucket.charge(100, T0);
    expect(bucket.level(T0)).toBe(-10);
    bucket.take(5, T0);
    bucket.charge(1, T0);
    expect(bucket.level(T0)).toBe(-15);
  });

  it("ignores a clock that went backwards", () => {
    const bucket = new TokenBucket(10, 60, T0);
    bucket.take(10, T0);
    expect(bucket.level(T0 - 5000)).toBe(0);
  });
});

describe("a provider limiter", () => {
  it("without limits never waits, has full headroom and queues nothing", () => {
    const limiter = new ProviderLimiter(undefined, 5, T0);
    expect(limiter.limited).toBe(false);
    for (let index = 0; index < 1000; index++) {
      const reservation = limiter.reserve(1_000_000, T0, 0);
      expect(reservation?.waitMs).toBe(0);
      reservation?.sent();
    }
    expect(limiter.headroom(T0)).toBe(1);
    expect(limiter.waiting).toBe(0);
  });

  it("reserves requests until the bucket is empty, then asks to wait, refusing waits past the limit", () => {
    const limiter = new ProviderLimiter({ requestsPerMinute: 60, tokensPerMinute: null }, 100, T0);
    expect(limiter.limited).toBe(true);
    for (let index = 0; index < 60; index++) expect(limiter.reserve(10, T0, 0)?.waitMs).toBe(0);
    expect(limiter.headroom(T0)).toBe(0);
    // The next request waits a second: refused when only 999 ms are allowed, and nothing is taken then.
    expect(limiter.reserve(10, T0, 999)).toBeNull();
    expect(limiter.waiting).toBe(0);
    const next = limiter.reserve(10, T0, 1000);
    expect(next?.waitMs).toBe(1000);
    expect(limiter.waiting).toBe(1);
    // The one after that waits for the second token.
    expect(limiter.reserve(10, T0, 10_000)?.waitMs).toBe(2000);
    expect(limiter.waiting).toBe(2);
  });

  it("keeps a bounded queue: past it, a request that would wait is refused", () => {
    const limiter = new ProviderLimiter({ requestsPerMinute: 60, tokensPerMinute: null }, 2, T0);
    for (let index = 0; index < 60; index++) limiter.reserve(1, T0, 0);
    const first = limiter.reserve(1, T0, 60_000)!;
    const second = limiter.reserve(1, T0, 60_000)!;
    expect([first.waitMs, second.waitMs]).toEqual([1000, 2000]);
    expect(limiter.waiting).toBe(2);
    expect(limiter.reserve(1, T0, 60_000)).toBeNull();
    // One goes out: a place frees up (sent twice counts once).
    first.sent();
    first.sent();
    expect(limiter.waiting).toBe(1);
    expect(limiter.reserve(1, T0, 60_000)?.waitMs).toBe(3000);
    expect(limiter.waiting).toBe(2);
  });

  it("reserves the token estimate, then settles the real usage", () => {
    const limiter = new ProviderLimiter({ requestsPerMinute: 1000, tokensPerMinute: 10_000 }, 10, T0);
    const reservation = limiter.reserve(2000, T0, 0)!;
    expect(reservation.waitMs).toBe(0);
    expect(limiter.headroom(T0)).toBeCloseTo(0.8);
    // Used less than estimated: the difference comes back.
    reservation.settle(500, T0);
    expect(limiter.headroom(T0)).toBeCloseTo(0.95);
    // Used more than estimated: the difference is taken.
    const over = limiter.reserve(1000, T0, 0)!;
    over.settle(4000, T0);
    expect(limiter.headroom(T0)).toBeCloseTo(0.55);
  });

  it("makes a request wait for tokens as well as for requests", () => {
    const limiter = new ProviderLimiter({ requestsPerMinute: 1000, tokensPerMinute: 6000 }, 10, T0);
    limiter.reserve(6000, T0, 0)!.settle(6000, T0);
    // 600 tokens at 100 a second.
    expect(limiter.reserve(600, T0, 10_000)?.waitMs).toBe(6000);
  });

  it("gives a cancelled reservation back, request and tokens, and leaves the queue", () => {
    const limiter = new ProviderLimiter({ requestsPerMinute: 10, tokensPerMinute: 1000 }, 10, T0);
    for (let index = 0; index < 10; index++) limiter.reserve(10, T0, 0);
    const waiting = limiter.reserve(500, T0, 60_000)!;
    expect(waiting.waitMs).toBe(6000);
    expect(limiter.waiting).toBe(1);
    waiting.cancel(T0);
    expect(limiter.waiting).toBe(0);
    // Back to no requests left (not minus one) and 900 tokens.
    expect(limiter.headroom(T0)).toBe(0);
    expect(limiter.reserve(1, T0, 60_000)?.waitMs).toBe(6000);
    const tokens = new ProviderLimiter({ requestsPerMinute: 1000, tokensPerMinute: 1000 }, 10, T0);
    tokens.reserve(400, T0, 0)!.cancel(T0);
    expect(tokens.headroom(T0)).toBe(1);
  });

  it("tells the fleet each call's real usage once settled, and nothing of a cancelled one", () => {
    const told: [string, number][] = [];
    const limiter = new ProviderLimiter(
      { requestsPerMinute: 10, tokensPerMinute: 1000 },
      10,
      T0,
      (kind, amount) => told.push([kind, amount]),
    );
    expect(limiter.buckets()).toEqual(["requests", "tokens"]);
    const settled = limiter.reserve(400, T0, 0)!;
    limiter.reserve(400, T0, 0)!.cancel(T0);
    expect(told).toEqual([]);
    settled.settle(120.5, T0);
    // A call that failed used no tokens: its request still counts.
    limiter.reserve(400, T0, 0)!.settle(0, T0);
    expect(told).toEqual([
      ["requests", 1],
      ["tokens", 121],
      ["requests", 1],
    ]);
    const requestsOnly: string[] = [];
    const plain = new ProviderLimiter({ requestsPerMinute: 10, tokensPerMinute: null }, 10, T0, (kind) =>
      requestsOnly.push(kind),
    );
    expect(plain.buckets()).toEqual(["requests"]);
    plain.reserve(400, T0, 0)!.settle(300, T0);
    expect(requestsOnly).toEqual(["requests"]);
    expect(new ProviderLimiter(undefined, 10, T0).buckets()).toEqual([]);
  });

  it("is charged what the fleet used, so its own calls wait for it", () => {
    const limiter = new ProviderLimiter({ requestsPerMinute: 60, tokensPerMinute: 6000 }, 10, T0);
    limiter.adopt("requests", 59, T0);
    expect(limiter.reserve(10, T0, 0)?.waitMs).toBe(0);
    expect(limiter.reserve(10, T0, 999)).toBeNull();
    limiter.adopt("tokens", 6000, T0);
    // 10 tokens into debt; a second later a request is back and 90 tokens: 110 missing at 100 a second.
    expect(limiter.headroom(T0)).toBe(0);
    expect(limiter.reserve(200, T0 + 1000, 60_000)?.waitMs).toBe(1100);
    // Nothing used, or a negative amount, changes nothing.
    const fresh = new ProviderLimiter({ requestsPerMinute: 60, tokensPerMinute: null }, 10, T0);
    fresh.adopt("requests", 0, T0);
    fresh.adopt("requests", -5, T0);
    fresh.adopt("tokens", 100, T0);
    expect(fresh.headroom(T0)).toBe(1);
  });

  it("reports the smaller share left of either bucket as its headroom", () => {
    const limiter = new ProviderLimiter({ requestsPerMinute: 10, tokensPerMinute: 1000 }, 10, T0);
    limiter.reserve(100, T0, 0)!.settle(100, T0);
    expect(limiter.headroom(T0)).toBeCloseTo(0.9);
    limiter.reserve(10, T0, 0)!.settle(500, T0);
    expect(limiter.headroom(T0)).toBeCloseTo(0.4);
    // Refills with time: a minute later both buckets are full again.
    expect(limiter.headroom(T0 + 60_000)).toBe(1);
  });
});

describe("a pause after 429s", () => {
  it("honours Retry-After", () => {
    const pause = new RateLimitPause(1000);
    expect(pause.until(T0)).toBeNull();
    expect(pause.limited(T0, 7000)).toBe(T0 + 7000);
    expect(pause.until(T0 + 6999)).toBe(T0 + 7000);
    expect(pause.until(T0 + 7000)).toBeNull();
  });

  it("without Retry-After doubles while 429s continue, up to a minute", () => {
    const pause = new RateLimitPause(1000);
    const pauses: number[] = [];
    let now = T0;
    for (let index = 0; index < 9; index++) {
      const until = pause.limited(now, null);
      pauses.push(until - now);
      now = until;
    }
    expect(pauses).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it("starts again from the base pause after an answer", () => {
    const pause = new RateLimitPause(1000);
    pause.limited(T0, null);
    pause.limited(T0 + 1000, null);
    pause.answered();
    expect(pause.limited(T0 + 10_000, null)).toBe(T0 + 11_000);
  });

  it("never shortens a pause already running", () => {
    const pause = new RateLimitPause(1000);
    pause.limited(T0, 30_000);
    expect(pause.limited(T0 + 1000, 2000)).toBe(T0 + 30_000);
  });

  it("clears", () => {
    const pause = new RateLimitPause(1000);
    pause.limited(T0, 30_000);
    pause.limited(T0, null);
    pause.clear(T0);
    expect(pause.until(T0)).toBeNull();
    expect(pause.limited(T0, null)).toBe(T0 + 1000);
  });

  it("tells the end of each pause, and keeps a pause another instance started", () => {
    const ends: number[] = [];
    const pause = new RateLimitPause(1000, (until) => ends.push(until));
    pause.limited(0, 5000);
    pause.adopt(9000, null, 0);
    expect(pause.until(6000)).toBe(9000);
    pause.adopt(2000, null, 0);
    expect(pause.until(6000)).toBe(9000);
    expect(ends).toEqual([5000]);
  });

  it("pauses at most an hour, whatever Retry-After or the fleet says", () => {
    const pause = new RateLimitPause(1000);
    expect(MAX_PAUSE_MS).toBe(3_600_000);
    expect(pause.limited(T0, 7 * 86_400_000)).toBe(T0 + MAX_PAUSE_MS);
    expect(pause.limited(T0, MAX_PAUSE_MS - 1)).toBe(T0 + MAX_PAUSE_MS);
    const adopted = new RateLimitPause(1000);
    adopted.adopt(T0 + 86_400_000, null, T0);
    expect(adopted.until(T0)).toBe(T0 + MAX_PAUSE_MS);
    adopted.adopt(T0 + MAX_PAUSE_MS + 10, null, T0 + 10);
    expect(adopted.until(T0)).toBe(T0 + MAX_PAUSE_MS + 10);
  });

  it("tells an operator's reset, and takes no pause back from a view that predates it", () => {
    const cleared: number[] = [];
    const pause = new RateLimitPause(1000, undefined, (at) => cleared.push(at));
    pause.adopt(T0 + 60_000, null, T0);
    pause.clear(T0 + 1);
    expect(cleared).toEqual([T0 + 1]);
    // The view still holds the pause: the reset has not reached the store yet.
    pause.adopt(T0 + 60_000, null, T0 + 2);
    expect(pause.until(T0 + 2)).toBeNull();
    // The store has it, and a pause told after it: that one counts.
    pause.adopt(T0 + 30_000, T0 + 1, T0 + 3);
    expect(pause.until(T0 + 3)).toBe(T0 + 30_000);
  });

  it("ends a pause started here when the fleet tells of a later reset, not one started after it", () => {
    const pause = new RateLimitPause(1000);
    pause.limited(T0, 60_000);
    pause.adopt(null, T0 + 5, T0 + 10);
    expect(pause.until(T0 + 10)).toBeNull();
    pause.limited(T0 + 20, 60_000);
    pause.adopt(null, T0 + 5, T0 + 30);
    pause.adopt(null, T0 + 10, T0 + 30);
    expect(pause.until(T0 + 30)).toBe(T0 + 60_020);
  });
});
