// The limiter on Workers: an isolate's memory is its own, and one client's requests reach many isolates,
// so the buckets live in a Durable Object, one per subject (idFromName), which sees every request of that
// subject wherever it lands. Inside, the object keeps a MemoryLimiter of its subject's few buckets; nothing
// is written to storage, so an object evicted after a quiet spell starts full again, as a bucket would have
// refilled by then. Cloudflare's rate-limiting binding is not used: its limit and period are fixed in
// wrangler.toml (no per-key rate) and it answers only yes or no (no Retry-After).
import { type LimiterOperation, MemoryLimiter, type RateLimiter } from "./limiter.js";
import type { Budget } from "./settings.js";

/** The parts of a Durable Object namespace binding used here (no @cloudflare/workers-types needed). */
export interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: never): { fetch(request: Request): Promise<Response> };
}

interface ApplyMessage {
  action: string;
  budget: Budget;
  operation: LimiterOperation;
}

const OPERATIONS: readonly LimiterOperation[] = ["take", "peek", "charge"];
/** A subject has a bucket per limited action and one for failed authentications. */
const BUCKETS_PER_SUBJECT = 8;

/** The Durable Object class (exported by src/worker.ts, declared in wrangler.toml). */
export class RateLimitObject {
  readonly #limiter = new MemoryLimiter({ maxBuckets: BUCKETS_PER_SUBJECT });

  async fetch(request: Request): Promise<Response> {
    const message = messageOf(await request.json().catch(() => null));
    if (message === null) return new Response("bad limiter message", { status: 400 });
    const { action, budget, operation } = message;
    // The subject is the object itself: its id was derived from it.
    return Response.json({ waitMs: this.#limiter.applyNow("", action, budget, operation) });
  }
}

/** The RateLimiter the Worker's app uses: one request to the subject's object per call. */
export class DurableObjectLimiter implements RateLimiter {
  constructor(private readonly namespace: DurableObjectNamespaceLike) {}

  async apply(subject: string, action: string, budget: Budget, operation: LimiterOperation): Promise<number> {
    const stub = this.namespace.get(this.namespace.idFromName(subject) as never);
    const message: ApplyMessage = { action, budget, operation };
    const response = await stub.fetch(
      new Request("https://rate-limits.internal/apply", { method: "POST", body: JSON.stringify(message) }),
    );
    if (!response.ok) throw new Error(`rate-limit object answered ${response.status}`);
    const { waitMs } = (await response.json()) as { waitMs: number };
    return waitMs;
  }
}

function messageOf(value: unknown): ApplyMessage | null {
  const candidate = value as Partial<ApplyMessage> | null;
  const budget = candidate?.budget;
  const valid =
    typeof candidate?.action === "string" &&
    OPERATIONS.includes(candidate.operation as LimiterOperation) &&
    typeof budget?.capacity === "number" &&
    typeof budget.periodMs === "number" &&
    budget.capacity > 0 &&
    budget.periodMs > 0;
  return valid ? (candidate as ApplyMessage) : null;
}
