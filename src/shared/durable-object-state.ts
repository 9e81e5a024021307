// Shared state on Workers, the isolate's side: the router reads a local view and writes into an outbox, and
// neither waits for anything. src/worker.ts calls `background` at the start and the end of each request:
// when the view is older than `refreshMs` (1 s), or a breaker change or a pause waits to be told, it starts
// one sync with the deployment's Durable Object (src/shared/durable-object.ts), handed to the request's
// `waitUntil`, so the response never waits for it; answers to cache go to KV the same way. A Worker has no
// timers outside requests, so an isolate that gets no request does not sync, and needs no view either.
// While the object fails (or is slow past 5 s), the view keeps its last contents, the outbox keeps what
// was not delivered, and `status()` says "unavailable"; the next sync that succeeds says "ok" again.
import { withinDeadline } from "../deadline.js";
import type { DurableObjectNamespaceLike } from "../limits/durable-object.js";
import type { CallSample } from "../router/health.js";
import { RefusedSync, syncWithObject } from "./durable-object.js";
import type { SyncMessage, SyncReply } from "./durable-object-messages.js";
import { CALLS_PER_TARGET, MAX_TARGETS } from "./durable-object-messages.js";
import { FleetOutbox } from "./fleet-outbox.js";
import type { KvAnswers } from "./kv-answers.js";
import type { BreakerChange, SharedState, SharedStateStatus, TargetView } from "./state.js";

/** The part of a request's ExecutionContext used here. */
export interface BackgroundContext {
  waitUntil(promise: Promise<unknown>): void;
}

export interface DurableObjectStateOptions {
  namespace: DurableObjectNamespaceLike;
  /** The answer cache across isolates (KV); null: each isolate's own cache only. */
  answers: KvAnswers | null;
  refreshMs?: number;
  clock?: () => number;
  /** This isolate's id (random by default): the object never sends it its own calls. */
  instance?: string;
  /** One sync: the object by default; tests give one of their own. */
  sync?: (message: SyncMessage) => Promise<SyncReply>;
}

const DAY_MS = 86_400_000;
/** A sync not answered by then has failed: the next one may start. */
const SYNC_TIMEOUT_MS = 5_000;
const MAX_SYNCS_IN_FLIGHT = 2;
/** Answers waiting for a request to write them to KV, at most. */
const MAX_UNWRITTEN_ANSWERS = 100;

export class DurableObjectSharedState implements SharedState {
  readonly shared = true;
  readonly #options: Required<Pick<DurableObjectStateOptions, "refreshMs" | "clock" | "instance">>;
  readonly #sync: (message: SyncMessage) => Promise<SyncReply>;
  readonly #answers: KvAnswers | null;
  readonly #outbox = new FleetOutbox();
  readonly #tracked = new Set<string>();
  readonly #views = new Map<string, TargetView>();
  readonly #received = new Map<string, CallSample[]>();
  readonly #unwritten: { key: string; answer: unknown; ttlMs: number }[] = [];
  #fleetSpend: { day: number; usd: number } | null = null;
  #epoch: string | null = null;
  #after = 0;
  #startedAt = Number.NEGATIVE_INFINITY;
  #syncing = 0;
  #reachable = true;
  #syncedAt: number | null = null;

  constructor(options: DurableObjectStateOptions) {
    this.#options = {
      refreshMs: options.refreshMs ?? 1_000,
      clock: options.clock ?? Date.now,
      instance: options.instance ?? crypto.randomUUID(),
    };
    this.#answers = options.answers;
    this.#sync = options.sync ?? ((message) => syncWithObject(options.namespace, message));
  }

  /** Starts, within this request's lifetime, the sync that is due and the cache writes that wait. */
  background(context: BackgroundContext): void {
    // A Worker without an LLM has no router, so nothing to tell or learn: it never syncs.
    if (this.#tracked.size === 0) return;
    if (this.#unwritten.length > 0 && this.#answers !== null) {
      const answers = this.#answers;
      const writes = this.#unwritten
        .splice(0)
        .map((entry) => answers.write(entry.key, entry.answer, entry.ttlMs));
      context.waitUntil(Promise.allSettled(writes));
    }
    const stale = this.#options.clock() - this.#startedAt >= this.#options.refreshMs;
    // A change to tell goes at once, even beside a sync in flight, unless the object is failing (then it
    // waits for the next refresh, so an outage costs one sync a second, not one per request).
    const urgent = this.#outbox.urgent && this.#reachable && this.#syncing < MAX_SYNCS_IN_FLIGHT;
    if (urgent || (stale && this.#syncing === 0)) context.waitUntil(this.refresh());
  }

  /** One sync: sends the outbox, takes in the reply; never rejects. */
  async refresh(): Promise<void> {
    const now = this.#options.clock();
    this.#startedAt = now;
    this.#syncing++;
    const day = Math.floor(now / DAY_MS);
    const sent = this.#outbox.take();
    const message: SyncMessage = {
      instance: this.#options.instance,
      epoch: this.#epoch,
      after: this.#after,
      targets: [...this.#tracked].slice(0, MAX_TARGETS),
      day,
      ...sent,
    };
    try {
      this.#takeIn(day, await withinDeadline(this.#sync(message), SYNC_TIMEOUT_MS));
      this.#reachable = true;
      this.#syncedAt = this.#options.clock();
    } catch (error) {
      // What the object refused as such is dropped, or it would stop every later sync too.
      if (!(error instanceof RefusedSync)) this.#outbox.putBack(sent);
      this.#reachable = false;
    } finally {
      this.#outbox.settle(sent);
      this.#syncing--;
    }
  }

  #takeIn(day: number, reply: SyncReply): void {
    if (reply.epoch !== this.#epoch) {
      this.#epoch = reply.epoch;
      this.#after = 0;
    }
    for (const { target, sequence, sample } of reply.calls) {
      // Two syncs in flight may both bring a call: only those after the last taken in count.
      if (sequence <= this.#after) continue;
      const received = this.#received.get(target) ?? [];
      if (received.length < CALLS_PER_TARGET) received.push(sample);
      this.#received.set(target, received);
    }
    this.#after = Math.max(this.#after, reply.sequence);
    for (const { target, breaker, pausedUntil, pauseClearedAt } of reply.views)
      this.#views.set(target, { breaker, pausedUntil, pauseClearedAt });
    if (this.#fleetSpend === null || this.#fleetSpend.day <= day)
      this.#fleetSpend = { day, usd: reply.spentUsd };
  }

  track(target: string): void {
    this.#tracked.add(target);
  }

  breakerChanged(target: string, change: BreakerChange): void {
    this.#outbox.breakerChanged(target, change);
  }

  paused(target: string, until: number): void {
    this.#outbox.paused(target, until, this.#options.clock());
  }

  pauseCleared(target: string, at: number): void {
    this.#outbox.pauseCleared(target, at);
  }

  called(target: string, sample: CallSample): void {
    this.#outbox.called(target, sample);
  }

  spent(usd: number, now: number): void {
    this.#outbox.spent(Math.floor(now / DAY_MS), usd);
  }

  /** Per-client buckets on Workers are in their own Durable Object (src/limits/durable-object.ts). */
  tookToken(): void {}

  takeOthersTokens(): number {
    return 0;
  }

  target(target: string): TargetView {
    return this.#views.get(target) ?? { breaker: null, pausedUntil: null };
  }

  takeCalls(target: string): CallSample[] {
    const received = this.#received.get(target);
    if (received === undefined || received.length === 0) return [];
    this.#received.set(target, []);
    return received;
  }

  spentToday(now: number): number | null {
    const day = Math.floor(now / DAY_MS);
    const fleet = this.#fleetSpend?.day === day ? this.#fleetSpend.usd : null;
    const own = this.#outbox.unacknowledgedSpend(day);
    return fleet === null && own === 0 ? null : (fleet ?? 0) + own;
  }

  cacheAnswer(key: string, answer: unknown, ttlMs: number): void {
    if (this.#answers === null || this.#unwritten.length >= MAX_UNWRITTEN_ANSWERS) return;
    this.#unwritten.push({ key, answer, ttlMs });
  }

  async cachedAnswer(key: string): Promise<{ answer: unknown; ttlMs: number } | undefined> {
    return this.#answers === null ? undefined : await this.#answers.read(key);
  }

  status(): SharedStateStatus {
    const syncedAt = this.#syncedAt === null ? null : new Date(this.#syncedAt).toISOString();
    return { store: "durable-object", state: this.#reachable ? "ok" : "unavailable", syncedAt };
  }

  async close(): Promise<void> {}
}
