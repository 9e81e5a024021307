// The rate-limit window a target's provider reported last, in an answer's or a 429's headers
// (src/providers/rate-limit-headers.ts): the router's own limits (rate-limit.ts) are what Cita allows
// itself, these are what the provider says is left. Shown in the snapshot's `rateLimit`; the recovery check
// holds a provider back while too few requests are left. Per instance: each sees its own calls' answers.
import type { ProviderRateLimit } from "../providers/types.js";

export class ReportedLimits {
  #last: ProviderRateLimit | null = null;
  #at: number | null = null;

  /** An answer's figures: the newest replace the older ones. */
  record(rateLimit: ProviderRateLimit, now: number): void {
    this.#last = rateLimit;
    this.#at = now;
  }

  /** The last figures, each null while the provider never said it. */
  get last(): ProviderRateLimit {
    return this.#last ?? { remainingRequests: null, limitRequests: null, remainingTokens: null };
  }

  /** When they were reported (epoch ms); null: never. */
  get at(): number | null {
    return this.#at;
  }
}
