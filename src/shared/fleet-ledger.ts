// What the router-state Durable Object keeps (src/shared/durable-object.ts), as plain logic with the time
// passed in, so its rules are tested without a runtime: per target the newest breaker change (kept an hour,
// as on Redis), the latest end of a 429 pause (dropped once over) and the recent calls (the last 1,000,
// none older than an hour), each call numbered so an isolate asks only for those after the last it got;
// and the spend per UTC day (today and yesterday). One sync applies an isolate's news and answers the view.
import type { CallSample } from "../router/health.js";
import {
  CALLS_PER_TARGET,
  MAX_TARGETS,
  type SyncMessage,
  type SyncReply,
} from "./durable-object-messages.js";
import type { BreakerChange } from "./state.js";

/** A last change is kept long past any cooldown; older changes say nothing anyway (Breaker.adopt). */
const CHANGE_TTL_MS = 3_600_000;
const CALL_TTL_MS = 3_600_000;
const DAY_MS = 86_400_000;

interface Numbered {
  sequence: number;
  instance: string;
  sample: CallSample;
}

export class FleetLedger {
  #sequence = 0;
  readonly #breakers = new Map<string, BreakerChange>();
  readonly #pauses = new Map<string, { until: number; at: number }>();
  /** The last operator's reset per target: pauses told before it are refused. */
  readonly #clears = new Map<string, number>();
  readonly #calls = new Map<string, Numbered[]>();
  readonly #spend = new Map<number, number>();

  /** `epoch` names this run of the object: an isolate that heard from another run starts its calls over. */
  constructor(readonly epoch: string = crypto.randomUUID()) {}

  sync(message: SyncMessage, now: number): SyncReply {
    this.#forget(now);
    for (const { target, change } of message.breakers) {
      const current = this.#breakers.get(target);
      // The newest change wins wherever it was made, so instances never step back on each other's.
      if (current === undefined || change.at > current.at) bounded(this.#breakers, target, change);
    }
    for (const { target, at } of message.clears) {
      if (at <= (this.#clears.get(target) ?? 0)) continue;
      bounded(this.#clears, target, at);
      const pause = this.#pauses.get(target);
      if (pause !== undefined && pause.at < at) this.#pauses.delete(target);
    }
    for (const { target, until, at } of message.pauses) {
      if (at < (this.#clears.get(target) ?? 0)) continue;
      const current = this.#pauses.get(target)?.until ?? 0;
      if (until > now && until > current) bounded(this.#pauses, target, { until, at });
    }
    for (const { target, samples } of message.calls) {
      const calls = this.#calls.get(target) ?? [];
      for (const sample of samples)
        calls.push({ sequence: ++this.#sequence, instance: message.instance, sample });
      bounded(this.#calls, target, calls.slice(-CALLS_PER_TARGET));
    }
    for (const { day, usd } of message.spend) this.#spend.set(day, (this.#spend.get(day) ?? 0) + usd);
    return this.#reply(message);
  }

  /** The spend of a day, as the object's storage keeps it across restarts. */
  spentOn(day: number): number {
    return this.#spend.get(day) ?? 0;
  }

  /** A day's spend read back from storage, before this run adds to it. */
  restoreSpend(day: number, usd: number): void {
    this.#spend.set(day, (this.#spend.get(day) ?? 0) + usd);
  }

  #reply(message: SyncMessage): SyncReply {
    const fresh = message.epoch !== this.epoch;
    const calls: SyncReply["calls"] = [];
    for (const target of message.targets) {
      const numbered = (this.#calls.get(target) ?? []).filter(
        (entry) => entry.instance !== message.instance && (fresh || entry.sequence > message.after),
      );
      for (const { sequence, sample } of numbered) calls.push({ target, sequence, sample });
    }
    return {
      epoch: this.epoch,
      sequence: this.#sequence,
      views: message.targets.map((target) => ({
        target,
        breaker: this.#breakers.get(target) ?? null,
        pausedUntil: this.#pauses.get(target)?.until ?? null,
        pauseClearedAt: this.#clears.get(target) ?? null,
      })),
      calls,
      spentUsd: this.spentOn(message.day),
    };
  }

  #forget(now: number): void {
    for (const [target, change] of this.#breakers)
      if (now - change.at > CHANGE_TTL_MS) this.#breakers.delete(target);
    for (const [target, pause] of this.#pauses) if (pause.until <= now) this.#pauses.delete(target);
    // A pause lasts at most an hour (MAX_PAUSE_MS): a reset older than that refuses nothing any more.
    for (const [target, at] of this.#clears) if (now - at > CHANGE_TTL_MS) this.#clears.delete(target);
    for (const [target, calls] of this.#calls) {
      const recent = calls.filter((entry) => now - entry.sample.at <= CALL_TTL_MS);
      if (recent.length === 0) this.#calls.delete(target);
      else if (recent.length < calls.length) this.#calls.set(target, recent);
    }
    const today = Math.floor(now / DAY_MS);
    for (const day of this.#spend.keys()) if (day < today - 1) this.#spend.delete(day);
  }
}

/** Sets a target's entry; past MAX_TARGETS targets, the one written longest ago is dropped. */
function bounded<T>(map: Map<string, T>, target: string, value: T): void {
  map.delete(target);
  map.set(target, value);
  if (map.size > MAX_TARGETS) map.delete(map.keys().next().value as string);
}
