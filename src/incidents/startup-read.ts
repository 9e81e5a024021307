// The store's open incident, read by the incident manager at startup so that a restarted process (a fresh
// isolate) goes on with it. The first read is awaited; one that failed or hung is tried again at the save
// pace beside the ticks, its answer handed over at the next tick: the open incident is not missed, and a
// store that hangs holds up one tick, not every one.
import type { Incident } from "./types.js";

export class StartupRead {
  #reading: Promise<void> | null = null;
  /** The last read's answer, not yet handed over: undefined when it failed (or none came yet). */
  #answer: Incident | null | undefined;
  #readAt = Number.NEGATIVE_INFINITY;
  #answered = false;

  /** `read` answers undefined when the store failed or hung (src/incidents/guarded.ts). */
  constructor(private readonly read: () => Promise<Incident | null | undefined>) {}

  /** The open incident to adopt, once; null for none, none yet, or after the answer was handed over. */
  async next(now: number, retryEveryMs: number): Promise<Incident | null> {
    if (this.#answered) return null;
    if (this.#reading === null && this.#answer === undefined && now - this.#readAt >= retryEveryMs) {
      const first = this.#readAt === Number.NEGATIVE_INFINITY;
      this.#readAt = now;
      this.#reading = this.read().then((open) => {
        this.#reading = null;
        this.#answer = open;
      });
      if (first) await this.#reading;
    }
    const answer = this.#answer;
    this.#answer = undefined;
    if (answer === undefined) return null;
    this.#answered = true;
    return answer;
  }
}
