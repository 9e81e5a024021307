// The attempts of one request, within its deadline: a pinned target first if it can take the call, then
// the target selection's choice; when none can take it now, a wait for the first to come back if that fits
// the deadline; before trying a target again, a backoff with full jitter. Every wait is cut short by the
// request's signal (its deadline, or the client going away). It ends with an answer, or a RouterError
// saying why there is none.
import { pause } from "../llm/deadline.js";
import type { StructuredResult } from "../llm/structured.js";
import type { ProviderError, ProviderName } from "../providers/types.js";
import { MIN_ATTEMPT_MS, type RequestScope } from "./call.js";
import type { RouterContext } from "./context.js";
import { RouterError, type RouterFailure } from "./router-error.js";
import { usableState } from "./selection.js";
import type { RouterSettings } from "./settings.js";
import type { Target } from "./targets.js";
import { RequestTracking } from "./tracking.js";

/** What one attempt (a call, and its hedge if any) gave. */
export interface AttemptResult<T> {
  result: StructuredResult<T> | null;
  error: ProviderError | null;
  calls: number;
  hedged: boolean;
}

/** What the attempts need of the rest of the router. */
export interface AttemptSource<T> {
  /** Tried first, if it can take the call (a model-registry variant); then the request is routed as usual. */
  pinned: Target | null;
  /** The target for the next attempt, or null when none can take the call now. */
  choose(now: number, tracking: RequestTracking): Target | null;
  /** How long until a target that has not refused the request can take a call again, if any will. */
  nextAvailableIn(now: number, refused: ReadonlySet<string>): number | null;
  /** Whether the daily budget still allows a call. */
  affordable(now: number): boolean;
  attempt(target: Target, tracking: RequestTracking, callsSoFar: number): Promise<AttemptResult<T>>;
  /** The model a provider is routed with, to name who gave the last error. */
  routedModel(provider: ProviderName): string | null;
}

export interface Answered<T> {
  result: StructuredResult<T>;
  calls: number;
  hedged: boolean;
}

export async function attemptWithinDeadline<T>(
  context: RouterContext,
  scope: RequestScope<T>,
  source: AttemptSource<T>,
): Promise<Answered<T>> {
  const { settings, clock, random } = context;
  const tracking = new RequestTracking();
  let pinned = source.pinned;
  let calls = 0;
  let hedged = false;
  let last: ProviderError | null = null;
  while (calls < settings.maxAttempts) {
    if (scope.signal.aborted) break;
    const now = clock.now();
    const remaining = scope.deadlineAt - now;
    if (remaining < MIN_ATTEMPT_MS) break;
    if (!source.affordable(now)) break;
    const first = pinned !== null && usableState(pinned, now) !== null ? pinned : null;
    pinned = null;
    const target = first ?? source.choose(now, tracking);
    if (target === null) {
      // Nobody can take it now: wait for the first provider to come back if that fits the deadline.
      const wait = source.nextAvailableIn(now, tracking.refused);
      if (wait === null || wait > remaining - MIN_ATTEMPT_MS) break;
      if (!(await pause(wait, scope.signal))) break;
      continue;
    }
    const retries = tracking.retries(target.key);
    if (retries > 0) {
      // The same provider again (no other can take it): back off, within the deadline.
      const backoff = backoffDelay(retries, settings, random);
      if (backoff > remaining - MIN_ATTEMPT_MS) break;
      if (!(await pause(backoff, scope.signal))) break;
    }
    const attempt = await source.attempt(target, tracking, calls);
    calls += attempt.calls;
    hedged ||= attempt.hedged;
    if (attempt.result !== null) return { result: attempt.result, calls, hedged };
    last = attempt.error ?? last;
  }
  const reason: RouterFailure = scope.call.signal?.aborted
    ? "aborted"
    : scope.signal.aborted || clock.now() >= scope.deadlineAt - MIN_ATTEMPT_MS
      ? "deadline"
      : calls === 0
        ? "unavailable"
        : "exhausted";
  const model = last === null ? null : source.routedModel(last.provider);
  throw new RouterError(
    reason,
    `No LLM answer (${reason}${last ? `, last: ${last.kind}` : ""}) after ${calls} call(s)`,
    last?.kind ?? null,
    calls,
    last === null || model === null ? null : { provider: last.provider, model },
  );
}

/** Exponential backoff with full jitter: a uniform draw below min(max, base · 2^(retries − 1)). */
function backoffDelay(
  retries: number,
  settings: Pick<RouterSettings, "backoffBaseMs" | "backoffMaxMs">,
  random: () => number,
): number {
  const ceiling = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** (retries - 1));
  return Math.floor(random() * ceiling);
}
