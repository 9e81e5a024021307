// The router's answer cache across isolates on Workers, in KV (bound as ANSWER_CACHE in wrangler.toml).
// KV rather than the Cache API: KV is one store for the whole deployment, replicated to every location and
// working on a workers.dev address, whereas the Cache API keeps entries in the data center that wrote them
// and does nothing at all on workers.dev. Each entry is the validated answer with its own expiry: KV keeps
// a key at least 60 s, so an answer whose TTL is shorter is refused on read once past it. Keys are the
// SHA-256 of the router's cache key (bounded, and no client text in KV). A read is bounded to 50 ms: a
// miss costs less than waiting, since the provider call it would save takes longer; the router checks
// the shape and validates the value again (src/router/cache.ts, sharedAnswer).
import { withinDeadline } from "../deadline.js";
import { hexDigest } from "../http/secrets.js";

/** The parts of a KV namespace binding used here (no @cloudflare/workers-types needed). */
export interface KvNamespaceLike {
  get(key: string): Promise<string | null>;
  put(key: string, value: string, options: { expirationTtl: number }): Promise<void>;
}

/** A fleet cache read longer than this counts as a miss (as on Redis). */
const READ_MS = 50;
/** KV's shortest time to live, in seconds. */
const KV_MINIMUM_TTL_S = 60;

interface Entry {
  expiresAt: number;
  answer: unknown;
}

export class KvAnswers {
  constructor(
    private readonly namespace: KvNamespaceLike,
    private readonly clock: () => number = Date.now,
  ) {}

  async write(key: string, answer: unknown, ttlMs: number): Promise<void> {
    const entry: Entry = { expiresAt: this.clock() + ttlMs, answer };
    const expirationTtl = Math.max(KV_MINIMUM_TTL_S, Math.ceil(ttlMs / 1_000));
    await this.namespace.put(await storeKey(key), JSON.stringify(entry), { expirationTtl });
  }

  /**
   * The answer cached under `key` and not yet expired, with the time it has left, or undefined (absent,
   * late, unreadable).
   */
  async read(key: string): Promise<{ answer: unknown; ttlMs: number } | undefined> {
    try {
      // A late answer counts as a miss (the catch below), as an unreadable one does.
      const text = await withinDeadline(
        storeKey(key).then((name) => this.namespace.get(name)),
        READ_MS,
      );
      if (text === null) return undefined;
      const entry = JSON.parse(text) as Partial<Entry> | null;
      const now = this.clock();
      if (typeof entry?.expiresAt !== "number" || entry.expiresAt <= now) return undefined;
      return { answer: entry.answer, ttlMs: entry.expiresAt - now };
    } catch {
      return undefined;
    }
  }
}

async function storeKey(key: string): Promise<string> {
  return `answer:${await hexDigest(key)}`;
}
