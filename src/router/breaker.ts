// A circuit breaker per provider and model. Closed, it counts the recent calls that ended in 5xx, timeouts
// or connection errors and opens when their share of the last `size` calls passes the threshold (after at
// least `minimumCalls`). Open, it refuses every call until the cooldown is over; then it lets exactly one
// probe through (half-open) and refuses the rest while the probe runs; the probe's outcome closes it or
// reopens it for another cooldown. 429s and deterministic refusals (context length, content policy,
// schema) never trip it: the provider answered, and they count as answers among the recent calls.
//
// Written here rather than taken from cockatiel: cockatiel 3.2.1 aborts an AbortController at module scope
// (dist/esm/common/abort.js), which workerd refuses at start-up ("Disallowed operation called within
// global scope"), and its half-open state queues callers behind the probe instead of refusing them.
import { isProviderError, type ProviderErrorKind } from "../providers/types.js";
import type { BreakerChange } from "../shared/state.js";

export type BreakerState = "closed" | "open" | "half-open";

/** What trips a breaker: the provider failing, not the request being refused or throttled. */
/** How far ahead of this machine's clock a fleet instant may be: clocks in sync (NTP) differ far less. */
export const CLOCK_SKEW_MS = 1_000;

const TRIPPING: ReadonlySet<ProviderErrorKind> = new Set(["server", "overloaded", "timeout", "connection"]);

export function tripsBreaker(error: unknown): boolean {
  return isProviderError(error) && TRIPPING.has(error.kind);
}

/** A call cut short by Cita (a hedge that won, the client gone): no verdict on the provider. */
function noVerdict(error: unknown): boolean {
  return isProviderError(error) && error.kind === "aborted";
}

export interface BreakerOptions {
  cooldownMs: number;
  /** Share of failed calls among the last `size` that opens the breaker (strictly more than). */
  threshold: number;
  /** Calls needed before the share is judged. */
  minimumCalls: number;
  /** Calls remembered; at least `minimumCalls`. Default 20. */
  size?: number;
  /** Epoch milliseconds; injected by tests. */
  clock?: () => number;
  /** Told when it opens, or closes after a probe or a reset: the fleet hears of it (src/shared/). */
  onChange?: (change: BreakerChange) => void;
}

/** Thrown by `execute` when the breaker refused the call: open, or its probe already in flight. */
export class BrokenCircuitError extends Error {
  constructor() {
    super("The circuit breaker is open.");
    this.name = "BrokenCircuitError";
  }
}

export class Breaker {
  readonly #size: number;
  readonly #clock: () => number;
  /** Recent calls, true for a failure; at most #size. */
  #recent: boolean[] = [];
  #state: BreakerState = "closed";
  #openedAt: number | null = null;
  #opened = 0;
  /** When it last opened or closed, here or (adopted) elsewhere in the fleet. */
  #changedAt = Number.NEGATIVE_INFINITY;
  /** The fleet change last adopted: the instant it was told with, and that instant as taken here. */
  #adopted: { told: number; at: number } | null = null;

  constructor(private readonly options: BreakerOptions) {
    this.#size = Math.max(options.size ?? 20, options.minimumCalls);
    this.#clock = options.clock ?? Date.now;
  }

  get state(): BreakerState {
    return this.#state;
  }

  /** Times this breaker opened since start (or its last reset). */
  get openings(): number {
    return this.#opened;
  }

  /** When it last opened, epoch ms, while not closed. */
  get openedAt(): number | null {
    return this.#state === "closed" ? null : this.#openedAt;
  }

  /**
   * Whether a call may go through now: closed, or open with the cooldown over (that call is the probe).
   * Half-open admits nothing more: its single probe is in flight.
   */
  admits(now: number = this.#clock()): boolean {
    return this.reopensIn(now) === 0;
  }

  /**
   * How long until a call may go through: 0 now, the rest of the cooldown while open, null while the probe
   * is in flight (its outcome decides).
   */
  reopensIn(now: number = this.#clock()): number | null {
    if (this.#state === "closed") return 0;
    if (this.#state === "half-open" || this.#openedAt === null) return null;
    return Math.max(0, this.#openedAt + this.options.cooldownMs - now);
  }

  /** Whether the next admitted call is the half-open probe. */
  probing(now: number = this.#clock()): boolean {
    return this.#state === "open" && this.admits(now);
  }

  async execute<T>(call: () => Promise<T>): Promise<T> {
    if (!this.admits()) throw new BrokenCircuitError();
    const probe = this.#state === "open";
    if (probe) this.#state = "half-open";
    try {
      const result = await call();
      this.#succeeded(probe);
      return result;
    } catch (error) {
      if (tripsBreaker(error)) this.#failed(probe);
      else if (noVerdict(error)) {
        // Back to open with the cooldown already over: the next call probes again.
        if (probe) this.#state = "open";
      } else this.#succeeded(probe);
      throw error;
    }
  }

  /** Closed again, its counts forgotten: the admin API's reset (for the whole fleet). */
  reset(): void {
    this.#close();
    this.#opened = 0;
  }

  /**
   * What another instance saw, newer than this breaker's own last change: an opening within its cooldown
   * opens it (or restarts its cooldown) with the fleet's instant, so one probe per cooldown goes out; a
   * closing closes it. A breaker whose probe is in flight waits for its own verdict. Instants come from
   * other machines' clocks (which must be kept in sync, docs/scale.md): one later than this machine's now
   * plus CLOCK_SKEW_MS is taken as that, so a peer whose clock runs ahead can neither lengthen a cooldown
   * nor keep this breaker from acting on its own changes for longer than that (the instant is clamped once,
   * when first seen, so the same change read again is not moved forward again).
   */
  adopt(fleetChange: BreakerChange): void {
    const at =
      this.#adopted?.told === fleetChange.at
        ? this.#adopted.at
        : Math.min(fleetChange.at, this.#clock() + CLOCK_SKEW_MS);
    this.#adopted = { told: fleetChange.at, at };
    const change = { ...fleetChange, at };
    if (change.at <= this.#changedAt || this.#state === "half-open") return;
    if (change.state === "closed") {
      if (this.#state === "open") this.#close(change.at, false);
      return;
    }
    if (change.at + this.options.cooldownMs <= this.#clock()) return;
    this.#state = "open";
    this.#openedAt = change.at;
    this.#changedAt = change.at;
    this.#recent = [];
  }

  #succeeded(probe: boolean): void {
    if (probe) {
      this.#close();
      return;
    }
    if (this.#state === "closed") this.#remember(false);
  }

  #failed(probe: boolean): void {
    if (probe) {
      this.#open();
      return;
    }
    // A call that was in flight when the breaker opened changes nothing more.
    if (this.#state !== "closed") return;
    this.#remember(true);
    const failures = this.#recent.filter(Boolean).length;
    if (
      this.#recent.length >= this.options.minimumCalls &&
      failures / this.#recent.length > this.options.threshold
    ) {
      this.#open();
    }
  }

  #remember(failure: boolean): void {
    this.#recent.push(failure);
    if (this.#recent.length > this.#size) this.#recent.shift();
  }

  #open(): void {
    this.#state = "open";
    this.#openedAt = this.#clock();
    this.#changedAt = this.#openedAt;
    this.#opened++;
    this.#recent = [];
    this.options.onChange?.({ state: "open", at: this.#openedAt });
  }

  /** Closed at `at`, told to the fleet unless the fleet told it. */
  #close(at: number = this.#clock(), tell = true): void {
    this.#recent = [];
    this.#state = "closed";
    this.#openedAt = null;
    this.#changedAt = at;
    if (tell) this.options.onChange?.({ state: "closed", at });
  }
}
