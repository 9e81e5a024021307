// Shared state on Redis (REDIS_URL), for Node only: src/node.ts imports it on demand, so neither this
// file nor the `@redis/client` driver enters the Workers bundle. Breaker changes and pauses leave at once
// in the background (one script call each, "newer wins", so instances never step back on each other's
// changes); spend and call outcomes (redis-calls.ts) at the next refresh. Reads come from a local view
// that a timer refreshes every `refreshMs`: one MGET for every target and the day's spend, one read per
// stream. While Redis cannot be reached the view keeps its last contents, this instance's own changes wait to be sent,
// and `status()` says "unavailable"; the client reconnects by itself (docs/scale.md, "Shared state").
import { createHash } from "node:crypto";
import { createClient } from "@redis/client";
import type { CallSample } from "../router/health.js";
import { RedisCallLog } from "./redis-calls.js";
import { RedisTokenLedger } from "./redis-tokens.js";
import type { BreakerChange, SharedState, SharedStateStatus, TargetView } from "./state.js";

export interface RedisStateOptions {
  url: string;
  /** How often the local view is refreshed and pending writes are sent: 1 s by default. */
  refreshMs?: number;
  /** Key prefix, so deployments may share one Redis: "cita:" by default. */
  prefix?: string;
  clock?: () => number;
}

/** Keeps a last change long past any cooldown; older changes say nothing anyway (Breaker.adopt). */
const CHANGE_TTL_MS = 3_600_000;
const SPEND_TTL_S = 2 * 86_400;
const DAY_MS = 86_400_000;
/** A fleet cache read longer than this counts as a miss: the provider call it would save takes far longer. */
const CACHE_READ_MS = 50;
/** Sets KEYS[1] to "value:order" unless it holds a later order: the newest change wins wherever sent. */
const NEWER_WINS = `local current = redis.call('GET', KEYS[1])
if current then
  local order = tonumber(string.match(current, ':(%d+)$'))
  if order and order >= tonumber(ARGV[2]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2], 'PX', ARGV[3])
return 1`;

function newClient(url: string, connected: () => boolean) {
  return createClient({
    url,
    // Commands fail at once while disconnected: the request path never waits for Redis.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      // The first connection fails start-up; later, reconnect for as long as it takes.
      reconnectStrategy: (retries, cause) => (connected() ? Math.min(100 * 2 ** retries, 1_000) : cause),
    },
  });
}

type Client = ReturnType<typeof newClient>;

/** Connects to REDIS_URL; rejects (with a message free of the URL's password) when it cannot. */
export async function openRedisState(options: RedisStateOptions): Promise<RedisState> {
  let connected = false;
  const client = newClient(options.url, () => connected);
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    client.destroy();
    throw new Error(describe(error, options.url));
  }
  connected = true;
  return new RedisState(client, options);
}

export class RedisState implements SharedState {
  readonly shared = true;
  readonly #client: Client;
  readonly #prefix: string;
  readonly #clock: () => number;
  readonly #timer: ReturnType<typeof setInterval>;
  readonly #tracked = new Set<string>();
  readonly #views = new Map<string, TargetView>();
  /** This instance's writes not yet acknowledged, by key: "value:order" and its time to live. */
  readonly #unsent = new Map<string, { value: string; order: number; ttlMs: number }>();
  /** Spend not yet added in Redis, by UTC day; and the fleet's total as last read, by day. */
  readonly #pendingSpend = new Map<number, number>();
  #fleetSpend: { day: number; usd: number } | null = null;
  readonly #calls: RedisCallLog;
  readonly #tokens: RedisTokenLedger;
  #reachable = true;
  #syncedAt: number | null = null;
  #refreshing: Promise<void> | null = null;

  constructor(client: Client, options: RedisStateOptions) {
    this.#client = client;
    this.#prefix = options.prefix ?? "cita:";
    this.#clock = options.clock ?? Date.now;
    this.#calls = new RedisCallLog(this.#prefix);
    this.#tokens = new RedisTokenLedger(this.#prefix, this.#clock);
    this.#timer = setInterval(() => void this.refresh(), options.refreshMs ?? 1_000);
    this.#timer.unref();
  }

  track(target: string): void {
    this.#tracked.add(target);
  }

  breakerChanged(target: string, change: BreakerChange): void {
    this.#send(`breaker:${target}`, change.state, change.at, CHANGE_TTL_MS);
  }

  paused(target: string, until: number): void {
    this.#send(`pause:${target}`, "pause", until, Math.max(1, until - this.#clock()));
  }

  called(target: string, sample: CallSample): void {
    this.#calls.called(target, sample);
  }

  takeCalls(target: string): CallSample[] {
    return this.#calls.take(target);
  }

  tookToken(bucket: string, periodMs: number, amount = 1): void {
    this.#tokens.took(bucket, periodMs, amount);
  }

  takeOthersTokens(bucket: string, periodMs: number): number {
    return this.#tokens.takeOthers(bucket, periodMs);
  }

  cacheAnswer(key: string, answer: unknown, ttlMs: number): void {
    const write = this.#client.set(this.#cacheKey(key), JSON.stringify(answer), { PX: Math.ceil(ttlMs) });
    void write.catch(() => {});
  }

  async cachedAnswer(key: string): Promise<unknown> {
    if (!this.#client.isReady) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), CACHE_READ_MS);
    });
    try {
      const text = await Promise.race([this.#client.get(this.#cacheKey(key)), late]);
      return text === null ? undefined : JSON.parse(text);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A digest of the key: bounded in size, and no client text in Redis's key space. */
  #cacheKey(key: string): string {
    return `${this.#prefix}answer:${createHash("sha256").update(key).digest("hex")}`;
  }

  spent(usd: number, now: number): void {
    const day = Math.floor(now / DAY_MS);
    this.#pendingSpend.set(day, (this.#pendingSpend.get(day) ?? 0) + usd);
  }

  target(target: string): TargetView {
    return this.#views.get(target) ?? { breaker: null, pausedUntil: null };
  }

  spentToday(now: number): number | null {
    const day = Math.floor(now / DAY_MS);
    const fleet = this.#fleetSpend?.day === day ? this.#fleetSpend.usd : null;
    const pending = this.#pendingSpend.get(day) ?? 0;
    return fleet === null && pending === 0 ? null : (fleet ?? 0) + pending;
  }

  status(): SharedStateStatus {
    const state = this.#reachable && this.#client.isReady ? "ok" : "unavailable";
    const syncedAt = this.#syncedAt === null ? null : new Date(this.#syncedAt).toISOString();
    return { store: "redis", state, syncedAt };
  }

  /** Sends what waits and reads the fleet's state into the local view: the timer's work, one at a time. */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#exchange().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#refreshing;
    if (this.#client.isOpen) await this.#client.close();
  }

  #send(key: string, value: string, order: number, ttlMs: number): void {
    const write = { value, order, ttlMs };
    this.#unsent.set(key, write);
    // Sent now, not at the next refresh: a breaker opened here reaches the fleet within one refresh.
    void this.#write(key, write).catch(() => {});
  }

  async #write(key: string, write: { value: string; order: number; ttlMs: number }): Promise<void> {
    await this.#client.eval(NEWER_WINS, {
      keys: [this.#prefix + key],
      arguments: [write.value, String(write.order), String(Math.ceil(write.ttlMs))],
    });
    if (this.#unsent.get(key) === write) this.#unsent.delete(key);
  }

  async #exchange(): Promise<void> {
    try {
      for (const [key, write] of [...this.#unsent]) await this.#write(key, write);
      await this.#sendSpend();
      const targets = [...this.#tracked];
      await this.#calls.exchange(this.#client, targets);
      await this.#tokens.exchange(this.#client);
      const day = Math.floor(this.#clock() / DAY_MS);
      const keys = targets.flatMap((target) => [`breaker:${target}`, `pause:${target}`]);
      const values = await this.#client.mGet([...keys, `spend:${day}`].map((key) => this.#prefix + key));
      targets.forEach((target, index) => {
        this.#views.set(target, readView(values[2 * index] ?? null, values[2 * index + 1] ?? null));
      });
      const spend = Number(values.at(-1) ?? 0);
      this.#fleetSpend = { day, usd: Number.isFinite(spend) ? spend : 0 };
      this.#reachable = true;
      this.#syncedAt = this.#clock();
    } catch {
      this.#reachable = false;
    }
  }

  async #sendSpend(): Promise<void> {
    for (const [day, usd] of [...this.#pendingSpend]) {
      this.#pendingSpend.delete(day);
      const key = `${this.#prefix}spend:${day}`;
      try {
        const total = Number(await this.#client.incrByFloat(key, usd));
        await this.#client.expire(key, SPEND_TTL_S);
        if (this.#fleetSpend === null || this.#fleetSpend.day <= day) this.#fleetSpend = { day, usd: total };
      } catch (error) {
        this.#pendingSpend.set(day, (this.#pendingSpend.get(day) ?? 0) + usd);
        throw error;
      }
    }
  }
}

function readView(breaker: string | null, pause: string | null): TargetView {
  const change = breaker === null ? null : /^(open|closed):(\d+)$/.exec(breaker);
  const until = pause === null ? null : /^pause:(\d+)$/.exec(pause);
  return {
    breaker: change ? { state: change[1] as BreakerChange["state"], at: Number(change[2]) } : null,
    pausedUntil: until ? Number(until[1]) : null,
  };
}

/** Why Redis could not be reached, naming REDIS_URL by its host and port only (never its password). */
function describe(error: unknown, url: string): string {
  const parsed = new URL(url);
  const where = `${parsed.protocol}//${parsed.hostname}:${parsed.port || "6379"}`;
  let reason = error instanceof Error ? error.message : String(error);
  if (parsed.password !== "") reason = reason.split(decodeURIComponent(parsed.password)).join("***");
  return `cannot reach the shared-state store at REDIS_URL (${where}): ${reason}`;
}
