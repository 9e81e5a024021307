// The key ring's cache: found keys are read once per cacheMs, guesses are never kept, `forget` reads the store
// again (even after a read that began before it), at most 1,000 keys are kept, and what was read last
// answers while the store cannot be reached.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CalendarStore } from "../calendars/store.js";
import { StoreUnavailableError } from "../calendars/store-unavailable.js";
import type { ClientKey } from "../calendars/types.js";
import { KeyRing } from "./key-ring.js";
import { hexDigest } from "./secrets.js";

/** The secrets the store knows, "secret-0" to "secret-1099", by their digest. */
const KNOWN = new Map<string, number>();
for (let index = 0; index < 1_100; index++) {
  KNOWN.set(createHash("sha256").update(`secret-${index}`).digest("hex"), index);
}

/** A store that knows KNOWN and counts what it is asked. */
function countingStore(): { store: CalendarStore; finds: string[]; actives: number[] } {
  const finds: string[] = [];
  const actives: number[] = [];
  const store = {
    async findClientKey(digest: string): Promise<ClientKey | null> {
      finds.push(digest);
      const index = KNOWN.get(digest);
      if (index === undefined) return null;
      return {
        id: `key_${index}`,
        name: "k",
        scopes: ["parse"],
        ratePerMinute: {},
        createdAt: "",
        revokedAt: null,
      };
    },
    async hasClientKeys() {
      actives.push(1);
      return true;
    },
  } as unknown as CalendarStore;
  return { store, finds, actives };
}

describe("KeyRing", () => {
  it("reads a found key once while it is trusted, asks the store by the secret's digest, and never keeps a guess", async () => {
    const { store, finds } = countingStore();
    const ring = new KeyRing(store, 60_000);
    expect((await ring.find("secret-1"))?.id).toBe("key_1");
    expect((await ring.find("secret-1"))?.id).toBe("key_1");
    expect(finds).toEqual([await hexDigest("secret-1")]);
    expect(await ring.find("guess")).toBeNull();
    expect(await ring.find("guess")).toBeNull();
    expect(finds).toHaveLength(3);
    ring.forget();
    await ring.find("secret-1");
    expect(finds).toHaveLength(4);
  });

  it("with cacheMs 0 asks the store every time, for keys and for whether any exists", async () => {
    const { store, finds, actives } = countingStore();
    const ring = new KeyRing(store, 0);
    await ring.find("secret-1");
    await ring.find("secret-1");
    await ring.hasKeys();
    await ring.hasKeys();
    expect([finds.length, actives.length]).toEqual([2, 2]);
  });

  it("keeps at most 1,000 keys", async () => {
    const { store, finds } = countingStore();
    const ring = new KeyRing(store, 60_000);
    for (let index = 0; index < 1_000; index++) await ring.find(`secret-${index}`);
    await ring.find("secret-0");
    expect(finds).toHaveLength(1_000);
    await ring.find("secret-1000");
    await ring.find("secret-0");
    expect(finds).toHaveLength(1_002);
  });

  it("does not keep what a read begun before forget() returns: a revocation here holds at once", async () => {
    const { store, finds } = countingStore();
    const ring = new KeyRing(store, 60_000);
    const reading = ring.find("secret-2");
    const askingAny = ring.hasKeys();
    ring.forget();
    await Promise.all([reading, askingAny]);
    await ring.find("secret-2");
    await ring.hasKeys();
    expect(finds).toHaveLength(2);
  });
});

describe("the key ring while the store cannot be reached", () => {
  /** A store that answers until `down` is set, then throws StoreUnavailableError (or `fault`). */
  function failingStore(fault: () => Error = () => new StoreUnavailableError()) {
    const state = { down: false };
    const store = {
      async findClientKey(digest: string): Promise<ClientKey | null> {
        if (state.down) throw fault();
        return KNOWN.has(digest)
          ? { id: "key_0", name: "k", scopes: ["parse"], ratePerMinute: {}, createdAt: "", revokedAt: null }
          : null;
      },
      async hasClientKeys() {
        if (state.down) throw fault();
        return true;
      },
    } as unknown as CalendarStore;
    return { store, state };
  }

  it("answers what it read last, past its cache time, and reads the store again once it is back", async () => {
    const { store, state } = failingStore();
    // No cache time: every call asks the store, so only the outage fallback can answer.
    const ring = new KeyRing(store, 1);
    expect(await ring.hasKeys()).toBe(true);
    expect((await ring.find("secret-0"))?.id).toBe("key_0");
    await new Promise((resolve) => setTimeout(resolve, 5));
    state.down = true;
    expect(await ring.hasKeys()).toBe(true);
    expect((await ring.find("secret-0"))?.id).toBe("key_0");
    state.down = false;
    expect(await ring.hasKeys()).toBe(true);
  });

  it("answers 503 (the store's error) with nothing read yet, and never hides another fault", async () => {
    const { store, state } = failingStore();
    state.down = true;
    const ring = new KeyRing(store, 1);
    await expect(ring.hasKeys()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(ring.find("secret-0")).rejects.toBeInstanceOf(StoreUnavailableError);
    const broken = failingStore(() => new TypeError("a bug"));
    const warm = new KeyRing(broken.store, 1);
    expect(await warm.hasKeys()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    broken.state.down = true;
    await expect(warm.hasKeys()).rejects.toBeInstanceOf(TypeError);
  });
});
