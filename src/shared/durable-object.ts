// The router's shared state on Workers: one Durable Object for the whole deployment (bound as ROUTER_STATE
// in wrangler.toml, reached by the name "router"), which every isolate syncs with about once a second: one
// request carries the isolate's breaker changes, pauses, calls and spend, and its answer is the fleet's view
// (src/shared/fleet-ledger.ts keeps it). One object rather than one per provider: a refresh is then one
// round trip whatever the number of providers, the day's budget spans every provider anyway, and a sync a
// second per isolate is far below what one object serves. Breakers, pauses and calls live in memory (an
// object restarted empty is what "Redis restarted empty" is on Node: no provider stays wrongly open or
// closed past one cooldown); the day's spend is written to the object's storage, as it is money.
import type { DurableObjectNamespaceLike } from "../limits/durable-object.js";
import {
  type SyncMessage,
  SyncMessageSchema,
  type SyncReply,
  SyncReplySchema,
} from "./durable-object-messages.js";
import { FleetLedger } from "./fleet-ledger.js";

/** The parts of a Durable Object's storage used here (no @cloudflare/workers-types needed). */
export interface ObjectStorageLike {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<boolean>;
}

/** The one object of the deployment. */
export const ROUTER_STATE_NAME = "router";
const SYNC_URL = "https://router-state.internal/sync";

/** The Durable Object class (exported by src/worker.ts, declared in wrangler.toml). */
export class RouterStateObject {
  readonly #ledger = new FleetLedger();
  readonly #storage: ObjectStorageLike;
  /** Days whose spend was read back from storage in this run. */
  readonly #loaded = new Set<number>();

  constructor(state: { storage: ObjectStorageLike }) {
    this.#storage = state.storage;
  }

  async fetch(request: Request): Promise<Response> {
    const message = SyncMessageSchema.safeParse(await request.json().catch(() => null));
    if (!message.success) return new Response("bad router-state message", { status: 400 });
    const days = new Set([message.data.day, ...message.data.spend.map((entry) => entry.day)]);
    for (const day of days) await this.#load(day);
    const reply = this.#ledger.sync(message.data, Date.now());
    for (const { day } of message.data.spend) {
      await this.#storage.put(spendKey(day), this.#ledger.spentOn(day));
      await this.#storage.delete(spendKey(day - 2));
    }
    return Response.json(reply);
  }

  async #load(day: number): Promise<void> {
    if (this.#loaded.has(day)) return;
    const stored = await this.#storage.get(spendKey(day));
    this.#ledger.restoreSpend(day, typeof stored === "number" && stored > 0 ? stored : 0);
    this.#loaded.add(day);
  }
}

function spendKey(day: number): string {
  return `spend:${day}`;
}

/** The object refused the message itself (400): sending it again would be refused again. */
export class RefusedSync extends Error {
  constructor() {
    super("router-state object refused the sync message");
  }
}

/** One sync with the deployment's object, from an isolate; rejects on any failure, or on a reply not of the shape. */
export async function syncWithObject(
  namespace: DurableObjectNamespaceLike,
  message: SyncMessage,
): Promise<SyncReply> {
  const stub = namespace.get(namespace.idFromName(ROUTER_STATE_NAME) as never);
  const response = await stub.fetch(new Request(SYNC_URL, { method: "POST", body: JSON.stringify(message) }));
  if (response.status === 400) throw new RefusedSync();
  if (!response.ok) throw new Error(`router-state object answered ${response.status}`);
  return SyncReplySchema.parse(await response.json());
}
