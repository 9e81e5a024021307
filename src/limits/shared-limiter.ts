// Per-client buckets for a fleet: each instance keeps its buckets in memory (MemoryLimiter), so a request
// waits for no store, tells the shared state each token it takes, and is charged, before its own check,
// the tokens the other instances took from the same bucket since (the shared state's local view). A client
// spreading its requests over the fleet thus spends one budget; beyond it, the fleet lets through at most
// what the other instances admitted since the last refresh of the view (docs/scale.md, "Shared state").
import type { SharedState } from "../shared/state.js";
import { type LimiterOperation, MemoryLimiter, type RateLimiter } from "./limiter.js";
import type { Budget } from "./settings.js";

export class SharedLimiter implements RateLimiter {
  readonly #memory: MemoryLimiter;

  constructor(
    private readonly shared: Pick<SharedState, "tookToken" | "takeOthersTokens">,
    options: { maxBuckets?: number; clock?: () => number } = {},
  ) {
    this.#memory = new MemoryLimiter(options);
  }

  async apply(subject: string, action: string, budget: Budget, operation: LimiterOperation): Promise<number> {
    const bucket = `${action} ${subject}`;
    // One charge of them all (a charge goes at most one whole budget into debt).
    const others = this.shared.takeOthersTokens(bucket, budget.periodMs);
    if (others > 0) this.#memory.applyNow(subject, action, budget, "charge", others);
    const waitMs = this.#memory.applyNow(subject, action, budget, operation);
    if (operation === "charge" || (operation === "take" && waitMs === 0))
      this.shared.tookToken(bucket, budget.periodMs);
    return waitMs;
  }
}
