// The client keys a request is checked against, read from the calendar store and kept for `cacheMs`: on
// Workers every read of D1 crosses the network, so each isolate keeps what it read for a few seconds. A key
// revoked elsewhere (another isolate, or the CLI beside a Node server) stops working within that time; one
// revoked or created through this app is forgotten at once. Only keys found are kept, at most
// MAX_CACHED_KEYS, so guesses cannot fill the cache.
import type { CalendarStore } from "../calendars/store.js";
import type { ClientKey } from "../calendars/types.js";

const MAX_CACHED_KEYS = 1_000;

export class KeyRing {
  private readonly keys = new Map<string, { key: ClientKey; until: number }>();
  private active: { value: boolean; until: number } | null = null;

  constructor(
    private readonly store: CalendarStore | undefined,
    private readonly cacheMs: number,
  ) {}

  /** The key whose secret has this digest (revoked or not), or null. */
  async find(secretDigest: string): Promise<ClientKey | null> {
    if (this.store === undefined) return null;
    const now = Date.now();
    const cached = this.keys.get(secretDigest);
    if (cached !== undefined && cached.until > now) return cached.key;
    const key = await this.store.findClientKey(secretDigest);
    if (key !== null && this.cacheMs > 0) {
      if (this.keys.size >= MAX_CACHED_KEYS) this.keys.clear();
      this.keys.set(secretDigest, { key, until: now + this.cacheMs });
    }
    return key;
  }

  /** Whether any key is not revoked; without a store, none is. */
  async hasActiveKeys(): Promise<boolean> {
    if (this.store === undefined) return false;
    const now = Date.now();
    if (this.active !== null && this.active.until > now) return this.active.value;
    const value = await this.store.hasActiveClientKeys();
    if (this.cacheMs > 0) this.active = { value, until: now + this.cacheMs };
    return value;
  }

  /** After a key was created or revoked here: read the store again. */
  forget(): void {
    this.keys.clear();
    this.active = null;
  }
}
