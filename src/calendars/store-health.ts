// Whether the calendar store's database answers, for GET /health. A verdict is kept a few seconds, so a
// load balancer polling /health costs the database at most one trivial query per instance per interval,
// and concurrent checks share one probe. A probe that takes longer than the timeout counts as unavailable:
// /health must answer quickly even while PostgreSQL hangs.
import { withinDeadline } from "../deadline.js";
import type { CalendarStore, StoreEngine } from "./store.js";

export interface StoreStatus {
  engine: StoreEngine;
  state: "ok" | "unavailable";
  /** When the database was last asked (ISO 8601). */
  checkedAt: string;
}

export interface StoreHealthOptions {
  clock?: () => number;
  /** How long a verdict is reused. */
  maxAgeMs?: number;
  /** How long a probe may take before the store counts as unavailable. */
  timeoutMs?: number;
}

export const STORE_VERDICT_MS = 5_000;
export const STORE_PROBE_TIMEOUT_MS = 1_000;

export class StoreHealth {
  readonly #store: CalendarStore;
  readonly #clock: () => number;
  readonly #maxAgeMs: number;
  readonly #timeoutMs: number;
  #verdict: StoreStatus | null = null;
  #verdictAt = 0;
  #probing: Promise<StoreStatus> | null = null;

  constructor(store: CalendarStore, options: StoreHealthOptions = {}) {
    this.#store = store;
    this.#clock = options.clock ?? Date.now;
    this.#maxAgeMs = options.maxAgeMs ?? STORE_VERDICT_MS;
    this.#timeoutMs = options.timeoutMs ?? STORE_PROBE_TIMEOUT_MS;
  }

  async status(): Promise<StoreStatus> {
    if (this.#verdict !== null && this.#clock() - this.#verdictAt < this.#maxAgeMs) return this.#verdict;
    this.#probing ??= this.#probe().finally(() => {
      this.#probing = null;
    });
    return this.#probing;
  }

  async #probe(): Promise<StoreStatus> {
    const at = this.#clock();
    const answered = await withinDeadline(this.#store.probe(), this.#timeoutMs).then(
      () => true,
      () => false,
    );
    this.#verdict = {
      engine: this.#store.engine,
      state: answered ? "ok" : "unavailable",
      checkedAt: new Date(at).toISOString(),
    };
    this.#verdictAt = at;
    return this.#verdict;
  }
}
