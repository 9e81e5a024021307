// How a request that got no answer ends: the router gave up, and the caller reads by rules (or answers
// 503 in mode llm).
import type { ProviderName } from "../providers/types.js";

export type RouterFailure = "unavailable" | "exhausted" | "deadline" | "aborted";

export class RouterError extends Error {
  constructor(
    readonly reason: RouterFailure,
    message: string,
    /** The last provider error's kind, if any. */
    readonly lastKind: string | null,
    readonly calls: number,
    /** Who gave that last error. */
    readonly lastTarget: { provider: ProviderName; model: string } | null = null,
  ) {
    super(message);
    this.name = "RouterError";
  }
}
