// The per-client token ledger over a hand-written Redis client (redis-tokens.ts): the tokens taken here and
// not yet sent stay bounded however many clients come while Redis is away; a refresh sends every bucket's
// increment before waiting for any; a bucket whose increment Redis acknowledged is not read as others' tokens
// when another bucket's failed; and a bucket keeps its own period, whatever happens to it meanwhile.
import { describe, expect, it } from "vitest";
import { RedisTokenLedger } from "./redis-tokens.js";

const T0 = Date.UTC(2030, 0, 1, 12);

/** Counters in memory; `refuse` makes INCRBY fail for the buckets it names; `hold` keeps replies until released. */
function counters() {
  const values = new Map<string, number>();
  const expiries = new Map<string, number>();
  const refuse = new Set<string>();
  let down = false;
  let held: (() => void)[] | null = null;
  const reply = <T>(value: () => T): Promise<T> =>
    new Promise((resolve, reject) => {
      const settle = () => {
        try {
          resolve(value());
        } catch (error) {
          reject(error);
        }
      };
      if (held === null) settle();
      else held.push(settle);
    });
  const client = {
    incrBy: (key: string, count: number) =>
      reply(() => {
        if (down || [...refuse].some((bucket) => key.includes(bucket))) throw new Error("refused");
        values.set(key, (values.get(key) ?? 0) + count);
        return values.get(key)!;
      }),
    pExpire: (key: string, ms: number) =>
      reply(() => {
        if (down) throw new Error("refused");
        expiries.set(key, ms);
        return 1 as const;
      }),
    mGet: (keys: string[]) =>
      reply(() => {
        if (down) throw new Error("refused");
        return keys.map((key) => (values.has(key) ? String(values.get(key)) : null));
      }),
  };
  return {
    client: client as unknown as Parameters<RedisTokenLedger["exchange"]>[0],
    values,
    expiries,
    refuse,
    setDown: (value: boolean) => {
      down = value;
    },
    hold: () => {
      held = [];
    },
    release: () => {
      const waiting = held ?? [];
      held = null;
      for (const settle of waiting) settle();
      return waiting.length;
    },
    pendingReplies: () => held?.length ?? 0,
  };
}

describe("the per-client token ledger on Redis", () => {
  it("keeps unsent tokens for at most the buckets it follows while Redis is away", async () => {
    const redis = counters();
    const ledger = new RedisTokenLedger("t:", () => T0);
    redis.setDown(true);
    for (let index = 0; index < 25_000; index++) ledger.took(`parse address:2001:db8:${index}::/64`, 60_000);
    await expect(ledger.exchange(redis.client)).rejects.toThrow("refused");
    expect(ledger.unsent).toBe(10_000);
    redis.setDown(false);
    await ledger.exchange(redis.client);
    expect(ledger.unsent).toBe(0);
    expect(redis.values.size).toBe(10_000);
  });

  it("sends every bucket's increment before waiting for the first reply", async () => {
    const redis = counters();
    const ledger = new RedisTokenLedger("t:", () => T0);
    for (let index = 0; index < 50; index++) ledger.took(`parse address:198.51.100.${index}`, 60_000);
    redis.hold();
    const exchanged = ledger.exchange(redis.client);
    await Promise.resolve();
    // 50 INCRBY and 50 PEXPIRE already on the wire.
    expect(redis.pendingReplies()).toBe(100);
    redis.release();
    await exchanged;
  });

  it("counts no own token as another's when one bucket's increment fails and the others' do not", async () => {
    const redis = counters();
    const ledger = new RedisTokenLedger("t:", () => T0);
    ledger.took("parse a", 60_000);
    ledger.took("parse b", 60_000);
    redis.refuse.add("parse b");
    await expect(ledger.exchange(redis.client)).rejects.toThrow("refused");
    redis.refuse.clear();
    await ledger.exchange(redis.client);
    await ledger.exchange(redis.client);
    expect(ledger.takeOthers("parse a", 60_000)).toBe(0);
    expect(ledger.takeOthers("parse b", 60_000)).toBe(0);
    expect([...redis.values.values()]).toEqual([1, 1]);
  });

  it("writes a bucket under its own period, and never under another's once it is no longer followed", async () => {
    const redis = counters();
    const ledger = new RedisTokenLedger("t:", () => T0);
    const period = 15 * 60_000;
    ledger.took("auth 203.0.113.9", period);
    await ledger.exchange(redis.client);
    const key = `t:tokens:auth 203.0.113.9:${Math.floor(T0 / period)}`;
    expect(redis.values.get(key)).toBe(1);
    expect(redis.expiries.get(key)).toBe(2 * period);
    // Taken again, then pushed out of the followed buckets by 10,000 others before the next refresh.
    ledger.took("auth 203.0.113.9", period);
    for (let index = 0; index < 10_000; index++) ledger.took(`parse ${index}`, 60_000);
    await ledger.exchange(redis.client);
    expect([...redis.values.keys()].filter((written) => written.includes("auth"))).toEqual([key]);
  });
});
