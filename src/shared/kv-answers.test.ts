// The answer cache across isolates in KV, on an in-memory namespace: an answer comes back until its own
// TTL is over (KV keeps a key at least 60 s, so the entry carries its expiry); keys are digests; a read
// slower than 50 ms, a failing read or an entry not of the shape is a miss, never an error.
import { afterEach, describe, expect, it, vi } from "vitest";
import { KvAnswers, type KvNamespaceLike } from "./kv-answers.js";

const T0 = Date.UTC(2030, 0, 1, 12);

function memoryKv() {
  const entries = new Map<string, { value: string; expirationTtl: number }>();
  const namespace: KvNamespaceLike = {
    get: async (key) => entries.get(key)?.value ?? null,
    put: async (key, value, options) => {
      entries.set(key, { value, ...options });
    },
  };
  return { namespace, entries };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("KvAnswers", () => {
  it("answers until the entry's own TTL is over, under a digest of the key", async () => {
    let now = T0;
    const { namespace, entries } = memoryKv();
    const answers = new KvAnswers(namespace, () => now);
    await answers.write("book a dentist\u0000full", { value: 1 }, 5_000);
    const key = keyOf(entries, 0);
    expect(key).toMatch(/^answer:[0-9a-f]{64}$/);
    expect(entries.get(key)!.expirationTtl).toBe(60);
    expect(await answers.read("book a dentist\u0000full")).toEqual({ answer: { value: 1 }, ttlMs: 5_000 });
    expect(await answers.read("book a dentist\u0000short")).toBeUndefined();
    now = T0 + 4_999;
    expect(await answers.read("book a dentist\u0000full")).toEqual({ answer: { value: 1 }, ttlMs: 1 });
    now = T0 + 5_000;
    expect(await answers.read("book a dentist\u0000full")).toBeUndefined();
    await answers.write("long", 2, 3_600_000);
    expect(entries.get(keyOf(entries, 1))!.expirationTtl).toBe(3_600);
  });

  it("counts a slow read, a failing read and an entry not of the shape as a miss", async () => {
    const { namespace, entries } = memoryKv();
    const answers = new KvAnswers(namespace, () => T0);
    await answers.write("k", "answer", 60_000);
    const key = keyOf(entries, 0);
    entries.set(key, { value: "{not json", expirationTtl: 60 });
    expect(await answers.read("k")).toBeUndefined();
    entries.set(key, { value: JSON.stringify({ answer: "no expiry" }), expirationTtl: 60 });
    expect(await answers.read("k")).toBeUndefined();
    const failing = new KvAnswers({ ...namespace, get: async () => Promise.reject(new Error("kv down")) });
    expect(await failing.read("k")).toBeUndefined();
    vi.useFakeTimers();
    const slow = new KvAnswers({ ...namespace, get: () => new Promise(() => {}) }, () => T0);
    const read = slow.read("k");
    await vi.advanceTimersByTimeAsync(50);
    expect(await read).toBeUndefined();
  });
});

function keyOf(entries: Map<string, unknown>, index: number): string {
  return [...entries.keys()][index]!;
}
