// Shared state on Redis (REDIS_URL), for Node only: src/node.ts imports it on demand, so neither this
// file nor the `@redis/client` driver enters the Workers bundle. Breaker changes, pauses and an operator's
// reset of a pause leave at once in the background (one script call each, src/shared/redis-scripts.ts);
// spend, call outcomes (redis-calls.ts) and per-client tokens (redis-tokens.ts) at the next refresh. Reads
// come from a local view that a timer refreshes every `refreshMs`: first one MGET for every target and the
// day's spend, then, each settled on its own, the writes that wait, the streams and the token counters.
// Every refresh is bounded (`timeoutMs`): a Redis that stops answering marks the store "unavailable" and
// its connection is dropped and made again. While Redis cannot be reached the view keeps its last contents,
// this instance's own changes wait to be sent, and `status()` says "unavailable"; the client reconnects by
// itself (docs/scale.md, "Shared state").
import { createHash } from "node:crypto";
import { LateError, withinDeadline as within } from "../deadline.js";
import type { CallSample } from "../router/health.js";
import { RedisCallLog } from "./redis-calls.js";
import { type Client, checkCommands, describeStartFailure, newClient } from "./redis-client.js";
import { SCRIPTS } from "./redis-scripts.js";
import { RedisTokenLedger } from "./redis-tokens.js";
import type { BreakerChange, SharedState, SharedStateStatus, TargetView } from "./state.js";

export interface RedisStateOptions {
  url: string;
  /** How often the local view is refreshed and pending writes are sent: 1 s by default. */
  refreshMs?: number;
  /** A refresh (and the start-up check) taking longer marks Redis unavailable: 2 × refreshMs, at most 5 s. */
  timeoutMs?: number;
  /** Key prefix: "cita:" by default (tests give each their own). */
  prefix?: string;
  /** The breakers' cooldown: a breaker change is kept twice as long (and at least an hour). */
  breakerCooldownMs?: number;
  clock?: () => number;
  /** Told when Redis goes away and when it is back (not at start): for one log line each. */
  onAvailability?: (state: SharedStateStatus["state"]) => void;
}

const HOUR_MS = 3_600_000;
const SPEND_TTL_S = 2 * 86_400;
const DAY_MS = 86_400_000;
/** A fleet cache read longer than this counts as a miss: the provider call it would save takes far longer. */
const CACHE_READ_MS = 50;
/** close() waits this long for a refresh and then for the connection to close; past it, drops it. */
const CLOSE_MS = 1_000;

function timeoutFor(options: RedisStateOptions): number {
  return options.timeoutMs ?? Math.min(2 * (options.refreshMs ?? 1_000), 5_000);
}

/**
 * Connects to REDIS_URL and checks every command the store sends; rejects (with a message naming
 * REDIS_URL, free of its password, and naming a refused command) when it cannot.
 */
export async function openRedisState(options: RedisStateOptions): Promise<RedisState> {
  let connected = false;
  let client: Client;
  try {
    client = newClient(options.url, () => connected);
  } catch (error) {
    // The driver reads the URL at once (a malformed percent-encoding throws here).
    throw new Error(describeStartFailure(error, options.url));
  }
  client.on("error", () => {});
  try {
    await within(
      (async () => {
        await client.connect();
        await checkCommands(client, options.prefix ?? "cita:", SCRIPTS);
      })(),
      Math.max(timeoutFor(options), 2_000),
    );
  } catch (error) {
    client.destroy();
    throw new Error(describeStartFailure(error, options.url));
  }
  connected = true;
  return new RedisState(client, options);
}

interface Write {
  script: keyof typeof SCRIPTS;
  arguments: string[];
}

export class RedisState implements SharedState {
  readonly shared = true;
  #client: Client;
  readonly #options: RedisStateOptions;
  readonly #prefix: string;
  readonly #clock: () => number;
  readonly #timeoutMs: number;
  readonly #changeTtlMs: number;
  readonly #timer: ReturnType<typeof setInterval>;
  readonly #tracked = new Set<string>();
  readonly #views = new Map<string, TargetView>();
  /** This instance's writes not yet acknowledged, by key (a pause's reset apart from its pauses). */
  readonly #unsent = new Map<string, { key: string; write: Write }>();
  /** Spend not yet added in Redis, by UTC day; and the fleet's total as last read, by day. */
  readonly #pendingSpend = new Map<number, number>();
  #fleetSpend: { day: number; usd: number } | null = null;
  readonly #calls: RedisCallLog;
  readonly #tokens: RedisTokenLedger;
  #reachable = true;
  #closed = false;
  #syncedAt: number | null = null;
  #refreshing: Promise<void> | null = null;
  /** Since when (performance.now()) the client has been connecting, as seen by a refresh. */
  #connectingSince: number | null = null;

  constructor(client: Client, options: RedisStateOptions) {
    this.#client = client;
    this.#options = options;
    this.#prefix = options.prefix ?? "cita:";
    this.#clock = options.clock ?? Date.now;
    this.#timeoutMs = timeoutFor(options);
    this.#changeTtlMs = Math.max(HOUR_MS, 2 * (options.breakerCooldownMs ?? 0));
    this.#calls = new RedisCallLog(this.#prefix);
    this.#tokens = new RedisTokenLedger(this.#prefix, this.#clock);
    this.#timer = setInterval(() => void this.refresh(), options.refreshMs ?? 1_000);
    this.#timer.unref();
  }

  track(target: string): void {
    this.#tracked.add(target);
  }

  breakerChanged(target: string, change: BreakerChange): void {
    const write: Write = {
      script: "newerWins",
      arguments: [change.state, String(change.at), String(this.#changeTtlMs)],
    };
    this.#send(`breaker:${target}`, `breaker:${target}`, write);
  }

  paused(target: string, until: number): void {
    const now = this.#clock();
    const ttlMs = String(Math.max(1, Math.ceil(until - now)));
    this.#send(`pause:${target}`, `pause:${target}`, {
      script: "pauseLongest",
      arguments: [String(Math.ceil(until)), String(now), ttlMs],
    });
  }

  pauseCleared(target: string, at: number): void {
    this.#send(`reset:${target}`, `pause:${target}`, {
      script: "pauseCleared",
      arguments: [String(at), String(this.#changeTtlMs)],
    });
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
    // Not while Redis is unavailable: on a connection that stopped answering, each write would wait queued.
    if (!this.#reachable) return;
    const write = this.#client.set(this.#cacheKey(key), JSON.stringify(answer), { PX: Math.ceil(ttlMs) });
    void write.catch(() => {});
  }

  async cachedAnswer(key: string): Promise<{ answer: unknown; ttlMs: number } | undefined> {
    // Not while Redis is unavailable: a Redis that stopped answering would keep each read queued.
    if (!this.#reachable || !this.#client.isReady) return undefined;
    const cacheKey = this.#cacheKey(key);
    try {
      const [text, ttlMs] = await within(
        Promise.all([this.#client.get(cacheKey), this.#client.pTTL(cacheKey)]),
        CACHE_READ_MS,
      );
      return text === null || ttlMs <= 0 ? undefined : { answer: JSON.parse(text), ttlMs };
    } catch {
      return undefined;
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
    this.#refreshing ??= this.#boundedExchange().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /** Stops refreshing; waits a bounded time for the refresh under way and for the connection to close. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    const client = this.#client;
    await within(this.#refreshing ?? Promise.resolve(), CLOSE_MS).catch(() => {});
    const closed =
      client.isOpen &&
      (await within(client.close(), CLOSE_MS).then(
        () => true,
        () => false,
      ));
    // Not closed in time (replies that never come): dropped, which also ends a connection still being made.
    if (!closed) client.destroy();
  }

  async #boundedExchange(): Promise<void> {
    const client = this.#client;
    if (client.isReady) this.#connectingSince = null;
    else {
      // Still connecting after several refreshes: a peer (a proxy in front of a hung Redis) may have
      // accepted the connection and lost its first commands, which nothing sends again; so start over.
      this.#connectingSince ??= performance.now();
      if (performance.now() - this.#connectingSince > 5 * this.#timeoutMs) {
        this.#connectingSince = null;
        this.#reconnect(client);
        return;
      }
    }
    try {
      await within(this.#exchange(client), this.#timeoutMs);
    } catch (error) {
      if (!(error instanceof LateError) || client !== this.#client) return;
      // Connected but silent (a hung or overloaded server): its replies may never come, so the connection
      // is dropped, which fails everything queued on it, and made again.
      this.#available(false);
      this.#reconnect(client);
    }
  }

  #reconnect(old: Client): void {
    if (this.#closed) return;
    const client = newClient(this.#options.url, () => !this.#closed);
    client.on("error", () => {});
    this.#client = client;
    old.destroy();
    void client.connect().catch(() => {});
  }

  #available(reachable: boolean): void {
    if (reachable === this.#reachable) return;
    this.#reachable = reachable;
    this.#options.onAvailability?.(reachable ? "ok" : "unavailable");
  }

  #send(unsentKey: string, key: string, write: Write): void {
    this.#unsent.set(unsentKey, { key, write });
    // Sent now, not at the next refresh: a breaker opened here reaches the fleet within one refresh.
    void this.#write(this.#client, unsentKey).catch(() => {});
  }

  async #write(client: Client, unsentKey: string): Promise<void> {
    const unsent = this.#unsent.get(unsentKey);
    if (unsent === undefined) return;
    await client.eval(SCRIPTS[unsent.write.script].script, {
      keys: [this.#prefix + unsent.key],
      arguments: unsent.write.arguments,
    });
    if (this.#unsent.get(unsentKey) === unsent) this.#unsent.delete(unsentKey);
  }

  /** The view first, on its own (a refused write never freezes it); then every write, each settled alone. */
  async #exchange(client: Client): Promise<void> {
    const targets = [...this.#tracked];
    const view = this.#readView(client, targets);
    const writes = Promise.allSettled([
      ...[...this.#unsent.keys()].map((unsentKey) => this.#write(client, unsentKey)),
      this.#sendSpend(client),
      this.#calls.exchange(client, targets),
      this.#tokens.exchange(client),
    ]);
    try {
      await view;
      if (client === this.#client) {
        this.#syncedAt = this.#clock();
        this.#available(true);
      }
    } catch {
      if (client === this.#client) this.#available(false);
    }
    await writes;
  }

  async #readView(client: Client, targets: readonly string[]): Promise<void> {
    const day = Math.floor(this.#clock() / DAY_MS);
    const keys = targets.flatMap((target) => [`breaker:${target}`, `pause:${target}`]);
    const values = await client.mGet([...keys, `spend:${day}`].map((key) => this.#prefix + key));
    targets.forEach((target, index) => {
      this.#views.set(target, readView(values[2 * index] ?? null, values[2 * index + 1] ?? null));
    });
    const spend = Number(values.at(-1) ?? 0);
    this.#fleetSpend = { day, usd: Number.isFinite(spend) ? spend : 0 };
  }

  /** Adds the spend that waits; an amount Redis acknowledged is never sent again. */
  async #sendSpend(client: Client): Promise<void> {
    await Promise.all(
      [...this.#pendingSpend].map(async ([day, usd]) => {
        this.#pendingSpend.delete(day);
        const key = `${this.#prefix}spend:${day}`;
        let total: number;
        try {
          total = Number(await client.incrByFloat(key, usd));
        } catch (error) {
          this.#pendingSpend.set(day, (this.#pendingSpend.get(day) ?? 0) + usd);
          throw error;
        }
        if (this.#fleetSpend === null || this.#fleetSpend.day <= day) this.#fleetSpend = { day, usd: total };
        // A failed expiry is set again by the day's next increment.
        await client.expire(key, SPEND_TTL_S);
      }),
    );
  }
}

function readView(breaker: string | null, pause: string | null): TargetView {
  const change = breaker === null ? null : /^(open|closed):(\d+)$/.exec(breaker);
  const paused = pause === null ? null : /^(\d+):(\d+)$/.exec(pause);
  const until = paused ? Number(paused[1]) : 0;
  const cleared = paused ? Number(paused[2]) : 0;
  return {
    breaker: change ? { state: change[1] as BreakerChange["state"], at: Number(change[2]) } : null,
    pausedUntil: until > 0 ? until : null,
    ...(cleared > 0 ? { pauseClearedAt: cleared } : {}),
  };
}
