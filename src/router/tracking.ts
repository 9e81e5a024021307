// What one request has learned of the targets it tried: those that refused it, not tried again in this
// request, and how often each failed, tried again only once the others were (and after a backoff). An
// error's own `isRetryable` decides which (src/providers/types.ts).
import type { ProviderError } from "../providers/types.js";

export class RequestTracking {
  readonly refused = new Set<string>();
  readonly failed = new Map<string, number>();

  /** Not to be tried again in this request. */
  refuse(key: string): void {
    this.refused.add(key);
  }

  /** Tried again only after the others, and after a backoff. */
  fail(key: string): void {
    this.failed.set(key, this.retries(key) + 1);
  }

  afterError(key: string, error: ProviderError): void {
    if (error.isRetryable) this.fail(key);
    else this.refuse(key);
  }

  /** How often the target failed in this request. */
  retries(key: string): number {
    return this.failed.get(key) ?? 0;
  }
}
