// The answer cache: the exact key, per-entry expiry, the LRU bound, and the switch that turns it off.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AnswerCache, type CacheKeyParts, cacheKey, sharedAnswer } from "./cache.js";

const T0 = 1_700_000_000_000;

const parts: CacheKeyParts = {
  text: "cita con el dr. pérez mañana a las 11",
  messages: null,
  locale: "es-ES",
  timezone: "Europe/Madrid",
  referenceDate: "2030-01-01",
  promptVersion: "parsing-3",
  schemaVersion: "extraction-2",
  variant: "full",
};

const conversation: CacheKeyParts = {
  ...parts,
  text: "dale",
  messages: [
    { role: "user", text: "quiero turno con la dra. ruiz" },
    { role: "assistant", text: "¿te queda bien el jueves a las 10?" },
    { role: "user", text: "dale" },
  ],
};

describe("the cache key", () => {
  it("is the same for the same parts", async () => {
    expect(await cacheKey({ ...parts })).toBe(await cacheKey(parts));
    expect(await cacheKey({ ...conversation, messages: [...conversation.messages!] })).toBe(
      await cacheKey(conversation),
    );
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
  ])("changes with %s", async (part, value) => {
    expect(await cacheKey({ ...parts, [part]: value })).not.toBe(await cacheKey(parts));
  });

  it("cannot be forged by moving text between parts", async () => {
    const one = await cacheKey({ ...parts, timezone: "UTC", text: "a" });
    const other = await cacheKey({ ...parts, timezone: 'UTC","a', text: "" });
    expect(one).not.toBe(other);
  });

  it.each<[string, CacheKeyParts["messages"]]>([
    [
      "an earlier message's text",
      conversation.messages!.with(1, { role: "assistant", text: "¿el viernes a las 10?" }),
    ],
    [
      "an earlier message's role",
      conversation.messages!.with(1, { role: "user", text: "¿te queda bien el jueves a las 10?" }),
    ],
    [
      "the order of the messages",
      [conversation.messages![1]!, conversation.messages![0]!, conversation.messages![2]!],
    ],
    ["a message left out", conversation.messages!.slice(1)],
    ["a message added", [{ role: "user", text: "hola" }, ...conversation.messages!]],
    [
      "text moved between messages",
      conversation
        .messages!.with(0, { role: "user", text: "quiero turno con la dra." })
        .with(1, { role: "assistant", text: "ruiz ¿te queda bien el jueves a las 10?" }),
    ],
  ])("changes with %s of a conversation", async (_change, messages) => {
    expect(await cacheKey({ ...conversation, messages })).not.toBe(await cacheKey(conversation));
  });

  it("tells a conversation from the text of its last message, and a conversation's key from a text's", async () => {
    const single = { ...conversation, messages: [{ role: "user", text: "dale" }] };
    expect(await cacheKey(single)).not.toBe(await cacheKey({ ...single, messages: null }));
    const read = JSON.parse(await cacheKey(single)).at(-1) as { conversation: string };
    for (const text of [read.conversation, JSON.stringify(read)])
      expect(await cacheKey({ ...parts, text })).not.toBe(await cacheKey(single));
  });

  it("changes with the locale, zone and reference date of a conversation too", async () => {
    for (const change of [{ locale: "es-AR" }, { timezone: "UTC" }, { referenceDate: "2030-01-02" }]) {
      expect(await cacheKey({ ...conversation, ...change })).not.toBe(await cacheKey(conversation));
    }
  });

  it("stays as small for 50 messages of 400 characters as for one", async () => {
    const long = Array.from({ length: 50 }, (_, index) => ({
      role: index % 2 === 0 ? "user" : "assistant",
      text: `${index} ${"x".repeat(396)}`,
    }));
    const short = await cacheKey({ ...conversation, messages: long.slice(0, 1) });
    expect((await cacheKey({ ...conversation, messages: long })).length).toBe(short.length);
    expect(short.length).toBeLessThan(200);
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

describe("an answer from the fleet's cache", () => {
  const schema = z.object({ start: z.string() });
  const answer = {
    value: { start: "2026-06-09T16:00:00+01:00" },
    provider: "qwen",
    model: "qwen-plus",
    attempts: 1,
    usage: { inputTokens: 10, outputTokens: 5 },
  };

  it("is taken when its shape holds and the schema validates its value", () => {
    expect(sharedAnswer(JSON.parse(JSON.stringify(answer)), schema)).toEqual(answer);
  });

  it("is refused otherwise: nothing, another shape, a value the schema refuses", () => {
    expect(sharedAnswer(undefined, schema)).toBeUndefined();
    expect(sharedAnswer({ ...answer, usage: null }, schema)).toBeUndefined();
    expect(sharedAnswer({ ...answer, provider: 1 }, schema)).toBeUndefined();
    expect(sharedAnswer({ ...answer, value: { start: 9 } }, schema)).toBeUndefined();
  });
});
