// What a call leaves behind once it ends: its reservation settled at the real usage (or returned), the
// provider's 429 pause, the breaker's events, a sample in the target's health window (a fresh window after
// a probe that closed the breaker), and for a call that reached the provider its cost, added to the daily
// budget and to its request's spend, and the CallRecord the metrics read.
import type { ModelPrice, ProviderError, ProviderErrorKind, ProviderName } from "../providers/types.js";
import type { DailyBudget } from "./budget.js";
import type { RouterContext } from "./context.js";
import type { AnswerOrigin, CallOutcome } from "./health.js";
import type { Reservation } from "./rate-limit.js";
import type { Target } from "./targets.js";

/** One call that reached a provider (a re-ask inside it included), for metrics and cost. */
export interface CallRecord {
  provider: ProviderName;
  model: string;
  outcome: CallOutcome;
  /** The HTTP status class, or what happened instead of one. */
  status: "2xx" | "4xx" | "429" | "5xx" | "timeout" | "connection" | "aborted";
  durationMs: number;
  inputTokens: number;
  outputTokens: number;
  /** Answers received, and those that were not clean JSON (repaired or invalid). */
  answers: number;
  invalidAnswers: number;
  requestId: string;
  /** From the price table; 0 for a model without a price. */
  costUsd: number;
}

/** How a call that got past its bucket ended. */
export interface CallEnd {
  outcome: CallOutcome;
  status: CallRecord["status"];
  /** Time to the answer, or to the timeout; null when the call failed fast and says nothing of speed. */
  latencyMs: number | null;
  usage: { inputTokens: number; outputTokens: number };
  /** The call was the breaker's half-open probe. */
  probe: boolean;
  startedAt: number;
}

export interface AccountingOptions {
  context: RouterContext;
  budget: DailyBudget;
  /** USD per million tokens by model. */
  prices: Readonly<Record<string, ModelPrice>>;
  onCall: (call: CallRecord) => void;
}

export class CallAccounting {
  /** What each request's calls cost so far, by the request's call object. */
  readonly #spent = new WeakMap<object, number>();

  constructor(private readonly options: AccountingOptions) {}

  /** What the calls of a request cost so far. */
  spentOn(request: object): number {
    return this.#spent.get(request) ?? 0;
  }

  answered(target: Target, reservation: Reservation, end: CallEnd): void {
    const { clock, onEvent } = this.options.context;
    reservation.settle(end.usage.inputTokens + end.usage.outputTokens, clock.now());
    target.pause.answered();
    if (end.probe) onEvent({ event: "breaker_closed", provider: target.provider.name, model: target.model });
  }

  /** `openings`: the breaker's openings when the call started, to tell whether this call opened it. */
  failed(target: Target, reservation: Reservation, error: ProviderError | null, openings: number): void {
    const { clock, onEvent } = this.options.context;
    const { name } = target.provider;
    reservation.settle(0, clock.now());
    if (error?.kind === "rate_limited") {
      const until = target.pause.limited(clock.now(), error.retryAfterMs);
      onEvent({
        event: "rate_limited",
        provider: name,
        model: target.model,
        kind: `paused until ${new Date(until).toISOString()}`,
      });
    } else if (error !== null) target.pause.answered();
    if (target.breaker.openings > openings) {
      onEvent({ event: "breaker_opened", provider: name, model: target.model });
    }
  }

  /**
   * The end of every call that got past its bucket: `request` is its request's call object, `counts` what
   * it received and whether it went out (past its breaker) at all.
   */
  ended(
    target: Target,
    request: { requestId: string; origin?: AnswerOrigin },
    end: CallEnd,
    counts: { answers: number; invalid: number; sent: boolean },
  ): void {
    const { clock } = this.options.context;
    target.health.record({
      at: clock.now(),
      outcome: end.outcome,
      latencyMs: end.latencyMs,
      answers: counts.answers,
      invalidAnswers: counts.invalid,
      client: request.origin?.client ?? null,
      suspect: request.origin?.suspect ?? false,
    });
    // A probe that closed the breaker starts the provider with a clean window.
    if (end.probe && target.breaker.state === "closed") target.health.clear();
    if (!counts.sent) return;
    const price = this.options.prices[target.model];
    const costUsd =
      price === undefined
        ? 0
        : (end.usage.inputTokens * price.input + end.usage.outputTokens * price.output) / 1e6;
    this.options.budget.add(costUsd, clock.now());
    this.#spent.set(request, this.spentOn(request) + costUsd);
    this.options.onCall({
      provider: target.provider.name,
      model: target.model,
      outcome: end.outcome,
      status: end.status,
      durationMs: clock.now() - end.startedAt,
      ...end.usage,
      answers: counts.answers,
      invalidAnswers: counts.invalid,
      requestId: request.requestId,
      costUsd,
    });
  }
}

/** What each kind of provider error counts as: for health (outcome) and for llm_requests_total (status). */
const CLASSES: Record<ProviderErrorKind, { outcome: CallOutcome; status: CallRecord["status"] }> = {
  timeout: { outcome: "timeout", status: "timeout" },
  rate_limited: { outcome: "rate_limited", status: "429" },
  server: { outcome: "server", status: "5xx" },
  overloaded: { outcome: "server", status: "5xx" },
  connection: { outcome: "connection", status: "connection" },
  invalid_output: { outcome: "invalid_output", status: "2xx" },
  aborted: { outcome: "cancelled", status: "aborted" },
  auth: { outcome: "rejected", status: "4xx" },
  context_length: { outcome: "rejected", status: "4xx" },
  content_policy: { outcome: "rejected", status: "4xx" },
  bad_request: { outcome: "rejected", status: "4xx" },
};

/** A failed call's outcome and status class; a 408 timeout or an error-status body that was no answer is a 4xx. */
export function classify(
  error: ProviderError | null,
  cancelled: boolean,
): { outcome: CallOutcome; status: CallRecord["status"] } {
  if (cancelled) return { outcome: "cancelled", status: "aborted" };
  if (error === null) return { outcome: "rejected", status: "4xx" };
  const { outcome, status } = CLASSES[error.kind];
  const httpError = error.status !== null && error.status >= 400;
  return { outcome, status: httpError && (status === "timeout" || status === "2xx") ? "4xx" : status };
}
