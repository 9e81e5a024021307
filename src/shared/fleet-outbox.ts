// What an isolate has to tell the router-state Durable Object and has not yet had acknowledged: the newest
// breaker change and the latest pause per target, its calls (at most 1,000 per target) and its spend per
// UTC day. A sync takes it all; a failed sync puts it back, so nothing is lost while the object is out of
// reach; spend in flight still counts in this isolate's budget until the reply (or the failure) settles it.
import type { CallSample } from "../router/health.js";
import { CALLS_PER_TARGET, MAX_TARGETS, type SyncMessage } from "./durable-object-messages.js";
import type { BreakerChange } from "./state.js";

export type Sent = Pick<SyncMessage, "breakers" | "pauses" | "clears" | "calls" | "spend">;

interface Pause {
  until: number;
  /** When it was told. */
  at: number;
}

export class FleetOutbox {
  readonly #breakers = new Map<string, BreakerChange>();
  readonly #pauses = new Map<string, Pause>();
  readonly #clears = new Map<string, number>();
  readonly #calls = new Map<string, CallSample[]>();
  readonly #spend = new Map<number, number>();
  readonly #sending = new Map<number, number>();

  /** A breaker change, a pause or a reset waits: worth a sync of its own rather than the next refresh. */
  get urgent(): boolean {
    return this.#breakers.size > 0 || this.#pauses.size > 0 || this.#clears.size > 0;
  }

  breakerChanged(target: string, change: BreakerChange): void {
    const current = this.#breakers.get(target);
    if (current === undefined || change.at >= current.at) this.#breakers.set(target, change);
  }

  paused(target: string, until: number, at: number): void {
    const current = this.#pauses.get(target);
    if (current === undefined || until > current.until) this.#pauses.set(target, { until, at });
  }

  /** An operator's reset at `at`: a pause of this isolate told before it is not worth telling any more. */
  pauseCleared(target: string, at: number): void {
    if (at <= (this.#clears.get(target) ?? 0)) return;
    this.#clears.set(target, at);
    const pause = this.#pauses.get(target);
    if (pause !== undefined && pause.at < at) this.#pauses.delete(target);
  }

  called(target: string, sample: CallSample): void {
    const calls = this.#calls.get(target) ?? [];
    if (calls.length < CALLS_PER_TARGET) calls.push(sample);
    this.#calls.set(target, calls);
  }

  spent(day: number, usd: number): void {
    add(this.#spend, day, usd);
    // Only today and yesterday count in a budget: older spend never sent (a long outage) is dropped.
    for (const older of this.#spend.keys()) if (older < day - 1) this.#spend.delete(older);
  }

  /** Everything waiting, for one sync; its spend stays counted as in flight until `settle`. */
  take(): Sent {
    // Within the message's bounds (durable-object-messages.ts), which only a deployment of more than
    // MAX_TARGETS models could pass: the rest is dropped rather than the whole sync refused.
    const sent: Sent = {
      breakers: [...this.#breakers].slice(0, MAX_TARGETS).map(([target, change]) => ({ target, change })),
      pauses: [...this.#pauses].slice(0, MAX_TARGETS).map(([target, pause]) => ({ target, ...pause })),
      clears: [...this.#clears].slice(0, MAX_TARGETS).map(([target, at]) => ({ target, at })),
      calls: [...this.#calls].slice(0, MAX_TARGETS).map(([target, samples]) => ({ target, samples })),
      spend: [...this.#spend].map(([day, usd]) => ({ day, usd })),
    };
    this.#breakers.clear();
    this.#pauses.clear();
    this.#clears.clear();
    this.#calls.clear();
    this.#spend.clear();
    for (const { day, usd } of sent.spend) add(this.#sending, day, usd);
    return sent;
  }

  /** A sync failed: what it carried waits again (newer news taken meanwhile is kept). */
  putBack(sent: Sent): void {
    for (const { target, change } of sent.breakers) this.breakerChanged(target, change);
    for (const { target, at } of sent.clears) this.pauseCleared(target, at);
    for (const { target, until, at } of sent.pauses)
      if (at >= (this.#clears.get(target) ?? 0)) this.paused(target, until, at);
    for (const { target, samples } of sent.calls) {
      const calls = [...samples, ...(this.#calls.get(target) ?? [])];
      this.#calls.set(target, calls.slice(-CALLS_PER_TARGET));
    }
    for (const { day, usd } of sent.spend) add(this.#spend, day, usd);
  }

  /** A sync ended, acknowledged or put back: its spend is no longer in flight. */
  settle(sent: Sent): void {
    for (const { day, usd } of sent.spend) add(this.#sending, day, -usd);
  }

  /** This isolate's spend of a day that the fleet's total, as last read, may not hold yet. */
  unacknowledgedSpend(day: number): number {
    return (this.#spend.get(day) ?? 0) + Math.max(0, this.#sending.get(day) ?? 0);
  }
}

function add(map: Map<number, number>, day: number, usd: number): void {
  const total = (map.get(day) ?? 0) + usd;
  if (Math.abs(total) < 1e-12) map.delete(day);
  else map.set(day, total);
}
