// One call on one target: it reserves an estimate of its tokens in the target's rate limits (refused when
// the wait would pass the request's deadline), waits for its bucket, and goes through the circuit breaker
// with its own attempt timeout to ask for a structured answer (a re-ask inside it). Its signal follows the
// request's, and `abort` cancels it when another call of the attempt won. What it leaves behind is the
// accounting's (accounting.ts).
import type { z } from "zod";
import { deadline, linked, pause } from "../llm/deadline.js";
import { completeStructured, type InvalidOutput, type StructuredResult } from "../llm/structured.js";
import {
  type CompletionRequest,
  isProviderError,
  type LlmProvider,
  type ProviderError,
  type ProviderName,
} from "../providers/types.js";
import { type CallAccounting, type CallEnd, classify } from "./accounting.js";
import { BrokenCircuitError } from "./breaker.js";
import type { RouterContext } from "./context.js";
import type { AnswerOrigin } from "./health.js";
import type { Reservation } from "./rate-limit.js";
import type { Target } from "./targets.js";

export interface StructuredCall<T> {
  /** The request for a provider and model; `conservation` asks for the short prompt and fewer tokens. */
  build(target: {
    provider: LlmProvider;
    model: string;
    conservation: boolean;
  }): Omit<CompletionRequest, "signal" | "model">;
  schema: z.ZodType<T>;
  /** Without a key the answer is neither looked up nor stored; the router adds the prompt variant to it. */
  cacheKey?: string;
  requestId: string;
  /** The client going away. */
  signal?: AbortSignal;
  onInvalidOutput?: (event: InvalidOutput) => void;
  /**
   * Try this provider and model first (a model-registry variant, such as a fine-tuned model): when it
   * cannot take the call or fails, the request is routed as usual.
   */
  pin?: { provider: ProviderName; model: string };
  /** Who sent the text and whether the injection check flagged it: the provider's health weighs it. */
  origin?: AnswerOrigin;
}

/** One request as its calls see it. */
export interface RequestScope<T> {
  call: StructuredCall<T>;
  /** Aborts at the deadline or when the client goes away. */
  signal: AbortSignal;
  deadlineAt: number;
  conservation: boolean;
}

/** Below this much time left, no new attempt starts, and no wait may eat into it. */
export const MIN_ATTEMPT_MS = 50;

export interface Launched<T> {
  target: Target;
  /** Filled when the call ends: a valid answer, or the error (null: never sent, or refused by the breaker). */
  settled: { value: StructuredResult<T> } | { error: ProviderError | null } | null;
  cancelled: boolean;
  /** The call went out to the provider (past its bucket's wait and its breaker). */
  sent: boolean;
  answers: number;
  invalid: number;
  abort(): void;
  calls(): number;
  done: Promise<void>;
}

export class Caller {
  constructor(
    private readonly context: RouterContext,
    private readonly accounting: CallAccounting,
  ) {}

  /** Starts one call on `target`, or null when its rate limit would make it wait past the deadline. */
  launch<T>(target: Target, scope: RequestScope<T>): Launched<T> | null {
    const now = this.context.clock.now();
    const built = scope.call.build({
      provider: target.provider,
      model: target.model,
      conservation: scope.conservation,
    });
    const estimate = Math.ceil((built.system.length + built.user.length) / 4) + built.maxTokens;
    const reservation = target.limiter.reserve(estimate, now, scope.deadlineAt - now - MIN_ATTEMPT_MS);
    if (reservation === null) return null;
    const link = linked(scope.signal);
    const launched: Launched<T> = {
      target,
      settled: null,
      cancelled: false,
      sent: false,
      answers: 0,
      invalid: 0,
      abort: () => {
        if (launched.settled !== null) return;
        launched.cancelled = true;
        link.abort(new DOMException("Another provider answered first.", "AbortError"));
      },
      // A call refused by the breaker or abandoned while waiting for its bucket never reached the provider.
      calls: () => Math.max(launched.answers, launched.sent ? 1 : 0),
      done: Promise.resolve(),
    };
    launched.done = this.#run(target, scope, built, link.signal, reservation, launched).finally(link.dispose);
    return launched;
  }

  async #run<T>(
    target: Target,
    scope: RequestScope<T>,
    built: Omit<CompletionRequest, "signal" | "model">,
    signal: AbortSignal,
    reservation: Reservation,
    launched: Launched<T>,
  ): Promise<void> {
    const { clock, settings } = this.context;
    const probe = target.breaker.probing(clock.now());
    const openings = target.breaker.openings;
    if (reservation.waitMs > 0 && !(await pause(reservation.waitMs, signal))) {
      reservation.cancel(clock.now());
      launched.settled = { error: null };
      return;
    }
    reservation.sent();
    const startedAt = clock.now();
    const timeoutMs = Math.max(1, Math.min(settings.attemptTimeoutMs, scope.deadlineAt - startedAt));
    const attempt = deadline(timeoutMs, signal, "The attempt timed out.");
    const end: CallEnd = {
      outcome: "ok",
      status: "2xx",
      latencyMs: null,
      usage: { inputTokens: 0, outputTokens: 0 },
      probe,
      startedAt,
    };
    try {
      const result = await target.breaker.execute(() => {
        launched.sent = true;
        return completeStructured(
          target.provider,
          { ...built, model: target.model, signal: attempt.signal },
          scope.call.schema,
          {
            // Answers that needed repair count as invalid JSON for health: the provider sent no clean JSON.
            onAnswer: (json) => {
              launched.answers++;
              if (json !== "valid") launched.invalid++;
            },
            ...(scope.call.onInvalidOutput ? { onInvalidOutput: scope.call.onInvalidOutput } : {}),
            onRateLimit: (rateLimit) => target.reported.record(rateLimit, clock.now()),
          },
        );
      });
      end.latencyMs = clock.now() - startedAt;
      end.usage = result.usage;
      this.accounting.answered(target, reservation, end);
      launched.settled = { value: result };
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        // Refused before it was sent: the whole reservation goes back, the request as well as its tokens.
        reservation.cancel(clock.now());
        end.outcome = "cancelled";
        launched.settled = { error: null };
        return;
      }
      const providerError = isProviderError(error) ? error : null;
      // A 429 says the window is spent: the last figures known are the error's.
      if (providerError?.rateLimit) target.reported.record(providerError.rateLimit, clock.now());
      Object.assign(end, classify(providerError, launched.cancelled));
      if (end.outcome === "timeout" || end.outcome === "invalid_output")
        end.latencyMs = clock.now() - startedAt;
      this.accounting.failed(target, reservation, providerError, openings);
      launched.settled = { error: providerError };
    } finally {
      attempt.dispose();
      this.accounting.ended(target, scope.call, end, launched);
    }
  }
}
