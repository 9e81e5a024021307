// The in-memory token buckets at their edges: a minute's burst then refusal with the wait until the next
// token, refilled as the injected clock moves, peek and charge, and the bound on how many buckets are kept.
import { describe, expect, it } from "vitest";
import { MemoryLimiter } from "./limiter.js";
import { failedAuthBudget, perMinuteBudget } from "./settings.js";

function clocked(maxBuckets?: number) {
  const time = { now: 0 };
  const limiter = new MemoryLimiter({ clock: () => time.now, ...(maxBuckets ? { maxBuckets } : {}) });
  return { time, limiter };
}

describe("MemoryLimiter", () => {
  it("gives a minute's rate as a burst, then says how long until the next token", () => {
    const { limiter } = clocked();
    const budget = perMinuteBudget(10);
    for (let request = 0; request < 10; request++) {
      expect(limiter.applyNow("address:a", "booking", budget, "take")).toBe(0);
    }
    expect(limiter.applyNow("address:a", "booking", budget, "take")).toBe(6_000);
  });

  it("refills continuously as the clock moves", () => {
    const { time, limiter } = clocked();
    const budget = perMinuteBudget(10);
    for (let request = 0; request < 10; request++) limiter.applyNow("s", "booking", budget, "take");
    time.now = 5_999;
    expect(limiter.applyNow("s", "booking", budget, "take")).toBe(1);
    time.now = 6_000;
    expect(limiter.applyNow("s", "booking", budget, "take")).toBe(0);
    expect(limiter.applyNow("s", "booking", budget, "take")).toBe(6_000);
    time.now = 10 * 60_000;
    for (let request = 0; request < 10; request++) {
      expect(limiter.applyNow("s", "booking", budget, "take")).toBe(0);
    }
    expect(limiter.applyNow("s", "booking", budget, "take")).toBeGreaterThan(0);
  });

  it("keeps each subject's and each action's buckets apart", () => {
    const { limiter } = clocked();
    const budget = perMinuteBudget(1);
    expect(limiter.applyNow("a", "parse", budget, "take")).toBe(0);
    expect(limiter.applyNow("a", "parse", budget, "take")).toBeGreaterThan(0);
    expect(limiter.applyNow("b", "parse", budget, "take")).toBe(0);
    expect(limiter.applyNow("a", "duckling", budget, "take")).toBe(0);
  });

  it("peeks without taking, and charges even past zero, so a burst of failures waits longer", () => {
    const { time, limiter } = clocked();
    const budget = failedAuthBudget({
      perKey: { parse: 1, duckling: 1, booking: 1 },
      perAddress: { parse: 1, duckling: 1, booking: 1 },
      failedAuthLimit: 10,
      failedAuthWindowMinutes: 15,
    });
    for (let peek = 0; peek < 20; peek++) expect(limiter.applyNow("a", "auth", budget, "peek")).toBe(0);
    for (let failure = 0; failure < 12; failure++) limiter.applyNow("a", "auth", budget, "charge");
    // Two below zero: three tokens to wait for, 90 s each.
    expect(limiter.applyNow("a", "auth", budget, "peek")).toBe(270_000);
    time.now = 270_000;
    expect(limiter.applyNow("a", "auth", budget, "peek")).toBe(0);
  });

  it("keeps a debt of at most one whole budget, however large the burst", () => {
    const { limiter } = clocked();
    const budget = failedAuthBudget({
      perKey: { parse: 1, duckling: 1, booking: 1 },
      perAddress: { parse: 1, duckling: 1, booking: 1 },
      failedAuthLimit: 10,
      failedAuthWindowMinutes: 15,
    });
    for (let failure = 0; failure < 19; failure++) limiter.applyNow("a", "auth", budget, "charge");
    // Nine below zero: ten tokens to wait for.
    expect(limiter.applyNow("a", "auth", budget, "peek")).toBe(900_000);
    limiter.applyNow("a", "auth", budget, "charge");
    expect(limiter.applyNow("a", "auth", budget, "peek")).toBe(990_000);
    // Ten below zero is the floor: eleven tokens, two windows less one token's 90 s, at most.
    for (let failure = 0; failure < 5_000; failure++) limiter.applyNow("a", "auth", budget, "charge");
    expect(limiter.applyNow("a", "auth", budget, "peek")).toBe(990_000);
  });

  it("starts a bucket afresh at a key's new size when its rate changes", () => {
    const { limiter } = clocked();
    limiter.applyNow("key:k", "parse", perMinuteBudget(1), "take");
    expect(limiter.applyNow("key:k", "parse", perMinuteBudget(1), "take")).toBeGreaterThan(0);
    expect(limiter.applyNow("key:k", "parse", perMinuteBudget(5), "take")).toBe(0);
  });

  it("never keeps more buckets than its bound", () => {
    const { limiter } = clocked(100);
    for (let address = 0; address < 5_000; address++) {
      limiter.applyNow(`address:${address}`, "parse", perMinuteBudget(60), "take");
      expect(limiter.size).toBeLessThanOrEqual(100);
    }
    expect(limiter.size).toBe(100);
  });

  it("evicts a full bucket before a spent one, and else the least recently used", () => {
    const { time, limiter } = clocked(3);
    const budget = perMinuteBudget(2);
    limiter.applyNow("spent", "parse", budget, "take");
    limiter.applyNow("spent", "parse", budget, "take");
    limiter.applyNow("half", "parse", budget, "take");
    limiter.applyNow("other", "parse", budget, "take");
    time.now = 30_000; // "half" and "other" are full again; "spent" has one token of two.
    limiter.applyNow("newcomer", "parse", budget, "peek");
    // "spent" (the least recently used) is kept: "half" was full, so it went first.
    expect(limiter.applyNow("spent", "parse", budget, "take")).toBe(0);
    expect(limiter.applyNow("spent", "parse", budget, "take")).toBeGreaterThan(0);
    expect(limiter.size).toBe(3);
  });

  it("with no full bucket, evicts the least recently used, which forgives what it had spent", () => {
    const { limiter } = clocked(2);
    const budget = perMinuteBudget(1);
    limiter.applyNow("first", "parse", budget, "take");
    limiter.applyNow("second", "parse", budget, "take");
    limiter.applyNow("third", "parse", budget, "take");
    expect(limiter.applyNow("second", "parse", budget, "take")).toBeGreaterThan(0);
    expect(limiter.applyNow("first", "parse", budget, "take")).toBe(0);
    expect(limiter.size).toBe(2);
  });
});
