// The client keys a request is checked against, read from the calendar store and kept for `cacheMs`: on
// Workers every read of D1 crosses the network, so each isolate keeps what it read for a few seconds. A key
// revoked elsewhere (another isolate, or the CLI beside a Node server) stops working within that time; one
// revoked or created through this app is forgotten at once. Only keys found are kept, at most
// MAX_CACHED_KEYS, so guesses cannot fill the cache. They are kept by the secret presented, in memory only
// (the request held it already), so a cached check costs a Map lookup: a SHA-256 through crypto.subtle
// costs about 30 µs on Node, more than the rest of the check. While the store cannot be reached (a
// PostgreSQL that stopped), what was read last keeps answering, so parse requests go on; with nothing read
// yet the request answers 503 store_unavailable.
import type { CalendarStore } from "../calendars/store.js";
import { StoreUnavailableError } from "../calendars/store-unavailable.js";
import type { ClientKey } from "../calendars/types.js";
import { hexDigest } from "./secrets.js";

const MAX_CACHED_KEYS = 1_000;

export class KeyRing {
  private readonly keys = new Map<string, { key: ClientKey; until: number }>();
  private active: { value: boolean; until: number } | null = null;
  /** Bumped by forget(): a store read begun before it must not put what it read back in the cache. */
  private generation = 0;

  constructor(
    private readonly store: CalendarStore | undefined,
    private readonly cacheMs: number,
  ) {}

  /** The key with this secret (revoked or not), or null; the store is asked by the secret's digest. */
  async find(secret: string): Promise<ClientKey | null> {
    if (this.store === undefined) return null;
    const now = Date.now();
    const cached = this.keys.get(secret);
    if (cached !== undefined && cached.until > now) return cached.key;
    const generation = this.generation;
    const key = await lastKnownOnOutage(this.store.findClientKey(await hexDigest(secret)), cached?.key);
    if (key !== null && this.cacheMs > 0 && generation === this.generation) {
      if (this.keys.size >= MAX_CACHED_KEYS) this.keys.clear();
      this.keys.set(secret, { key, until: now + this.cacheMs });
    }
    return key;
  }

  /** Whether any key was ever created (revoked ones count); without a store, none was. */
  async hasKeys(): Promise<boolean> {
    if (this.store === undefined) return false;
    const now = Date.now();
    if (this.active !== null && this.active.until > now) return this.active.value;
    const generation = this.generation;
    const value = await lastKnownOnOutage(this.store.hasClientKeys(), this.active?.value);
    if (this.cacheMs > 0 && generation === this.generation)
      this.active = { value, until: now + this.cacheMs };
    return value;
  }

  /** After a key was created or revoked here: read the store again. */
  forget(): void {
    this.generation++;
    this.keys.clear();
    this.active = null;
  }
}

/** The store's answer; while the store cannot be reached, the last one read (when there is one). */
async function lastKnownOnOutage<Value>(read: Promise<Value>, lastKnown: Value | undefined): Promise<Value> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof StoreUnavailableError && lastKnown !== undefined) return lastKnown;
    throw error;
  }
}
