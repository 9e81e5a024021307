// The answer cache: the exact key, per-entry expiry, the LRU bound, and the switch that turns it off.
import { describe, expect, it } from "vitest";
import { AnswerCache, type CacheKeyParts, cacheKey } from "./cache.js";

const T0 = 1_700_000_000_000;

const parts: CacheKeyParts = {
  text: "cita con el dr. pérez mañana a las 11",
  locale: "es-ES",
  timezone: "Europe/Madrid",
  referenceDate: "2030-01-01",
  promptVersion: "parsing-3",
  schemaVersion: "extraction-2",
  variant: "full",
};

describe("the cache key", () => {
  it("is the same for the same parts", () => {
    expect(cacheKey({ ...parts })).toBe(cacheKey(parts));
  });

  it.each<[keyof CacheKeyParts, string | null]>([
    ["text", "cita con el dr. pérez mañana a las 12"],
    ["locale", "en-GB"],
    ["locale", null],
    ["timezone", "America/Mexico_City"],
    ["referenceDate", "2030-01-02"],
    ["promptVersion", "parsing-4"],
    ["schemaVersion", "extraction-3"],
    ["variant", "short"],
  ])("changes with %s", (part, value) => {
    expect(cacheKey({ ...parts, [part]: value })).not.toBe(cacheKey(parts));
  });

  it("cannot be forged by moving text between parts", () => {
    const one = cacheKey({ ...parts, timezone: "UTC", text: "a" });
    const other = cacheKey({ ...parts, timezone: 'UTC","a', text: "" });
    expect(one).not.toBe(other);
  });
});

describe("an answer cache", () => {
  it("misses, then hits what was stored, counting both", () => {
    const cache = new AnswerCache<string>(10);
    expect(cache.enabled).toBe(true);
    expect(cache.get("k", T0)).toBeUndefined();
    cache.set("k", "answer", 300_000, T0);
    expect(cache.get("k", T0 + 1)).toBe("answer");
    expect(cache.get("other", T0 + 1)).toBeUndefined();
    expect(cache.stats()).toEqual({ entries: 1, hits: 1, misses: 2 });
  });

  it("expires each entry after its own TTL", () => {
    const cache = new AnswerCache<string>(10);
    cache.set("short", "a", 300_000, T0);
    cache.set("long", "b", 3_600_000, T0);
    expect(cache.get("short", T0 + 299_999)).toBe("a");
    expect(cache.get("short", T0 + 300_000)).toBeUndefined();
    expect(cache.size).toBe(1);
    expect(cache.get("long", T0 + 3_599_999)).toBe("b");
    expect(cache.get("long", T0 + 3_600_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("replaces an entry stored again, with the new expiry", () => {
    const cache = new AnswerCache<string>(10);
    cache.set("k", "old", 1000, T0);
    cache.set("k", "new", 5000, T0 + 500);
    expect(cache.size).toBe(1);
    expect(cache.get("k", T0 + 2000)).toBe("new");
  });

  it("evicts the least recently used entry past its bound", () => {
    const cache = new AnswerCache<string>(3);
    cache.set("a", "A", 60_000, T0);
    cache.set("b", "B", 60_000, T0);
    cache.set("c", "C", 60_000, T0);
    // Reading "a" makes "b" the least recently used.
    expect(cache.get("a", T0)).toBe("A");
    cache.set("d", "D", 60_000, T0);
    expect(cache.size).toBe(3);
    expect(cache.get("b", T0)).toBeUndefined();
    expect(cache.get("a", T0)).toBe("A");
    expect(cache.get("c", T0)).toBe("C");
    expect(cache.get("d", T0)).toBe("D");
  });

  it("stays bounded however much is stored", () => {
    const cache = new AnswerCache<number>(100);
    for (let index = 0; index < 10_000; index++) cache.set(`k${index}`, index, 60_000, T0);
    expect(cache.size).toBe(100);
    expect(cache.get("k9999", T0)).toBe(9999);
    expect(cache.get("k9899", T0)).toBeUndefined();
  });

  it("stores nothing when turned off or with no TTL", () => {
    const off = new AnswerCache<string>(0);
    expect(off.enabled).toBe(false);
    off.set("k", "v", 60_000, T0);
    expect(off.get("k", T0)).toBeUndefined();
    const on = new AnswerCache<string>(10);
    on.set("k", "v", 0, T0);
    expect(on.size).toBe(0);
  });

  it("clears", () => {
    const cache = new AnswerCache<string>(10);
    cache.set("k", "v", 60_000, T0);
    cache.clear();
    expect(cache.get("k", T0)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
