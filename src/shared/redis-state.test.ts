// Shared state on a private redis-server (test/support/redis-server.ts): two instances' views meet in one
// Redis (breaker changes, newest first; pauses; the day's spend counted once); a Redis that cannot be
// reached at start is refused with a message naming REDIS_URL and never its password; a Redis gone during
// operation leaves the view as it was and says so in the status, and its return needs no restart.
import { createClient } from "@redis/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort, type RedisServer, redisAvailable, startRedis } from "../../test/support/redis-server.js";
import { openRedisState, type RedisState } from "./redis-state.js";

const T0 = Date.UTC(2030, 0, 1, 12);

describe.skipIf(!redisAvailable())("shared state on Redis", () => {
  let redis: RedisServer;
  const opened: RedisState[] = [];
  let prefix = 0;

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(opened.map((state) => state.close()));
    await redis?.stop();
  });

  /** Two instances of one deployment (a prefix of their own per test), refreshed by hand. */
  /** The fleet's clock: T0 unless a test moves it. */
  let now = T0;

  async function fleet(): Promise<[RedisState, RedisState]> {
    prefix++;
    now = T0;
    const open = () =>
      openRedisState({ url: redis.url, prefix: `t${prefix}:`, refreshMs: 60_000, clock: () => now });
    const pair = [await open(), await open()] as [RedisState, RedisState];
    opened.push(...pair);
    for (const state of pair) state.track("qwen/qwen-plus");
    return pair;
  }

  /** The first opens the breaker; the second's view shows it. */
  async function openedAndSeen(first: RedisState, second: RedisState): Promise<void> {
    first.breakerChanged("qwen/qwen-plus", { state: "open", at: T0 });
    await vi.waitFor(async () => {
      await second.refresh();
      expect(second.target("qwen/qwen-plus").breaker).not.toBeNull();
    });
  }

  it("shows one instance's breaker opening and pause to the other after a refresh", async () => {
    const [first, second] = await fleet();
    first.breakerChanged("qwen/qwen-plus", { state: "open", at: T0 });
    first.paused("qwen/qwen-plus", T0 + 30_000);
    expect(second.target("qwen/qwen-plus")).toEqual({ breaker: null, pausedUntil: null });
    await vi.waitFor(async () => {
      await second.refresh();
      expect(second.target("qwen/qwen-plus")).toEqual({
        breaker: { state: "open", at: T0 },
        pausedUntil: T0 + 30_000,
      });
    });
    expect(second.status()).toMatchObject({ store: "redis", state: "ok" });
  });

  it("gives each instance the calls the others made, once each, and not its own", async () => {
    const [first, second] = await fleet();
    const call = { at: T0, outcome: "server" as const, latencyMs: null, answers: 0, invalidAnswers: 0 };
    first.called("qwen/qwen-plus", call);
    first.called("qwen/qwen-plus", { ...call, at: T0 + 1 });
    second.called("qwen/qwen-plus", { ...call, outcome: "timeout", latencyMs: 900 });
    await first.refresh();
    await second.refresh();
    await first.refresh();
    expect(second.takeCalls("qwen/qwen-plus").map((sample) => sample.at)).toEqual([T0, T0 + 1]);
    expect(second.takeCalls("qwen/qwen-plus")).toEqual([]);
    expect(first.takeCalls("qwen/qwen-plus")).toEqual([
      { ...call, outcome: "timeout", latencyMs: 900, client: null, suspect: false },
    ]);
    await second.refresh();
    expect(second.takeCalls("qwen/qwen-plus")).toEqual([]);
  });

  it("reads back an answer another instance cached, and nothing for a key never cached", async () => {
    const [first, second] = await fleet();
    first.cacheAnswer("key", { value: { start: "x" } }, 60_000);
    await first.close();
    const cached = await second.cachedAnswer("key");
    expect(cached?.answer).toEqual({ value: { start: "x" } });
    expect(cached?.ttlMs).toBeGreaterThan(0);
    expect(cached?.ttlMs).toBeLessThanOrEqual(60_000);
    expect(await second.cachedAnswer("another key")).toBeUndefined();
  });

  it("hands each instance the tokens the others took from a bucket, once, window by window", async () => {
    const [first, second] = await fleet();
    const bucket = "parse address:203.0.113.7";
    expect(second.takeOthersTokens(bucket, 60_000)).toBe(0);
    for (let index = 0; index < 3; index++) first.tookToken(bucket, 60_000);
    second.tookToken(bucket, 60_000);
    await first.refresh();
    await second.refresh();
    await first.refresh();
    expect(second.takeOthersTokens(bucket, 60_000)).toBe(3);
    expect(second.takeOthersTokens(bucket, 60_000)).toBe(0);
    expect(first.takeOthersTokens(bucket, 60_000)).toBe(1);
    // A new window counts from nothing: only what was taken in it.
    now += 60_000;
    first.tookToken(bucket, 60_000);
    await first.refresh();
    await second.refresh();
    expect(second.takeOthersTokens(bucket, 60_000)).toBe(1);
  });

  it("counts a provider's tokens by the amount each instance used", async () => {
    const [first, second] = await fleet();
    const bucket = "provider-tokens qwen/qwen-plus";
    expect(second.takeOthersTokens(bucket, 60_000)).toBe(0);
    first.tookToken(bucket, 60_000, 1200);
    first.tookToken(bucket, 60_000, 300);
    second.tookToken(bucket, 60_000, 700);
    await first.refresh();
    await second.refresh();
    await first.refresh();
    expect(second.takeOthersTokens(bucket, 60_000)).toBe(1500);
    expect(first.takeOthersTokens(bucket, 60_000)).toBe(700);
  });

  it("keeps the newest change wherever it was made", async () => {
    const [first, second] = await fleet();
    second.breakerChanged("qwen/qwen-plus", { state: "closed", at: T0 + 5 });
    await second.refresh();
    first.breakerChanged("qwen/qwen-plus", { state: "open", at: T0 });
    await first.refresh();
    expect(first.target("qwen/qwen-plus").breaker).toEqual({ state: "closed", at: T0 + 5 });
  });

  it("ends a pause for the fleet on an operator's reset; a pause told before it no longer counts, one after does", async () => {
    const [first, second] = await fleet();
    first.paused("qwen/qwen-plus", T0 + 60_000);
    await first.refresh();
    now = T0 + 10;
    second.pauseCleared("qwen/qwen-plus", T0 + 10);
    await second.refresh();
    await first.refresh();
    expect(first.target("qwen/qwen-plus")).toEqual({
      breaker: null,
      pausedUntil: null,
      pauseClearedAt: T0 + 10,
    });
    // A pause told before the reset (sent late, after an outage) is refused; one told after it counts.
    now = T0 + 5;
    first.paused("qwen/qwen-plus", T0 + 90_000);
    now = T0 + 20;
    first.paused("qwen/qwen-plus", T0 + 30_000);
    await first.refresh();
    await second.refresh();
    expect(second.target("qwen/qwen-plus")).toEqual({
      breaker: null,
      pausedUntil: T0 + 30_000,
      pauseClearedAt: T0 + 10,
    });
  });

  it("keeps a breaker change twice the breakers' cooldown when that is longer than an hour", async () => {
    const state = await openRedisState({
      url: redis.url,
      prefix: `ttl${++prefix}:`,
      refreshMs: 60_000,
      breakerCooldownMs: 3 * 3_600_000,
    });
    opened.push(state);
    state.breakerChanged("qwen/qwen-plus", { state: "open", at: Date.now() });
    await state.refresh();
    const client = createClient({ url: redis.url });
    await client.connect();
    const ttlMs = await client.pTTL(`ttl${prefix}:breaker:qwen/qwen-plus`);
    await client.close();
    expect(ttlMs).toBeGreaterThan(5 * 3_600_000);
  });

  it("counts the day's spend once for the fleet", async () => {
    const [first, second] = await fleet();
    first.spent(0.25, T0);
    second.spent(0.5, T0);
    expect(first.spentToday(T0)).toBe(0.25);
    await first.refresh();
    await second.refresh();
    await first.refresh();
    expect(first.spentToday(T0)).toBe(0.75);
    expect(second.spentToday(T0)).toBe(0.75);
    // Another UTC day starts from nothing.
    expect(first.spentToday(T0 + 86_400_000)).toBeNull();
  });

  it("refuses a Redis it cannot reach at start, naming REDIS_URL and never the password", async () => {
    const port = await freePort();
    const attempt = openRedisState({ url: `redis://cita:s3cret-pass@127.0.0.1:${port}` });
    await expect(attempt).rejects.toThrow(`REDIS_URL (redis://127.0.0.1:${port})`);
    await expect(attempt).rejects.not.toThrow("s3cret-pass");
  });

  it("refuses a URL the driver cannot read, naming REDIS_URL and never the password", async () => {
    const attempt = openRedisState({ url: "redis://cita:s3cret-pass%zz@127.0.0.1:1" });
    await expect(attempt).rejects.toThrow(
      "cannot reach the shared-state store at REDIS_URL (redis://127.0.0.1:1)",
    );
    await expect(attempt).rejects.not.toThrow("s3cret-pass");
  });

  it("keeps its view while Redis is down, says so, and catches up when it is back", async () => {
    const [first, second] = await fleet();
    await openedAndSeen(first, second);
    await redis.down();
    first.breakerChanged("qwen/qwen-plus", { state: "closed", at: T0 + 1 });
    first.spent(1, T0);
    await first.refresh();
    await second.refresh();
    expect(second.status().state).toBe("unavailable");
    expect(second.target("qwen/qwen-plus").breaker).toEqual({ state: "open", at: T0 });
    expect(await second.cachedAnswer("key")).toBeUndefined();
    // Back with nothing in it, reconnected by itself: what waited is sent, the view is the fleet's again.
    await redis.up();
    await vi.waitFor(
      async () => {
        await first.refresh();
        await second.refresh();
        expect(second.status().state).toBe("ok");
        expect(second.target("qwen/qwen-plus").breaker).toEqual({ state: "closed", at: T0 + 1 });
        expect(second.spentToday(T0)).toBe(1);
      },
      { timeout: 10_000, interval: 200 },
    );
  });

  it("forgets in its view what a Redis restarted empty no longer holds", async () => {
    const [first, second] = await fleet();
    await openedAndSeen(first, second);
    await redis.down();
    await redis.up();
    await vi.waitFor(
      async () => {
        await second.refresh();
        expect(second.status().state).toBe("ok");
        expect(second.target("qwen/qwen-plus")).toEqual({ breaker: null, pausedUntil: null });
      },
      { timeout: 10_000, interval: 200 },
    );
  });
});
