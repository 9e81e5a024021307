// After a scenario clears its fault: one request at a time until /health shows the primary healthy and a
// request has been answered by it, or a timeout long enough for the breaker and health window to recover.
import type { CitaOutcome, HealthView, Timings } from "./cita.js";
import { firstSampleAt, type HealthSample } from "./health.js";
import { share, sleep } from "./stats.js";

export interface RecoveryFigures {
  requests: number;
  okShare: number | null;
  /** From clearing until /health first showed the primary healthy. */
  healthyAfterMs: number | null;
  /** From clearing until a request was first answered by the primary. */
  primaryAnswerAfterMs: number | null;
  /** Both of the above: the later of the two; null if not seen before the timeout. */
  recoveredAfterMs: number | null;
  timeoutMs: number;
  /** False when /health has no router section, so the primary's state cannot be read (gave up early). */
  observable: boolean;
}

/** Long enough for a breaker cooldown, a full health window and a couple of deadlines. */
export function recoveryTimeoutMs(timings: Timings): number {
  return timings.LLM_BREAKER_COOLDOWN_MS + timings.LLM_HEALTH_WINDOW_MS + 2 * timings.LLM_DEADLINE_MS;
}

const primaryHealthy = (view: HealthView) => view.providers.qwen === "healthy";

/**
 * Sends one request at a time (a short gap between them, so the router keeps getting traffic) until
 * /health shows the primary healthy and a request has been answered by it, or the timeout passes.
 */
export async function measureRecovery(
  samples: () => readonly HealthSample[],
  clearedAt: number,
  timeoutMs: number,
  send: (index: number) => Promise<CitaOutcome>,
): Promise<{ figures: RecoveryFigures; outcomes: CitaOutcome[] }> {
  const gapMs = Math.max(5, Math.round(timeoutMs / 400));
  const outcomes: CitaOutcome[] = [];
  let primaryAnswerAt: number | null = null;
  let healthyAt: number | null = null;
  let observable = true;
  while (Date.now() - clearedAt < timeoutMs) {
    healthyAt = firstSampleAt(samples(), clearedAt, primaryHealthy)?.at ?? null;
    if (healthyAt !== null && primaryAnswerAt !== null) break;
    observable = !withoutRouter(samples(), clearedAt);
    if (!observable) break;
    const outcome = await send(outcomes.length);
    outcomes.push(outcome);
    if (primaryAnswerAt === null && outcome.provider === "qwen") {
      primaryAnswerAt = outcome.sentAt + outcome.latencyMs;
    }
    await sleep(gapMs);
  }
  healthyAt ??= firstSampleAt(samples(), clearedAt, primaryHealthy)?.at ?? null;
  const after = (at: number | null) => (at === null ? null : Math.max(0, Math.round(at - clearedAt)));
  return {
    outcomes,
    figures: {
      requests: outcomes.length,
      okShare: share(outcomes, (outcome) => outcome.valid),
      healthyAfterMs: after(healthyAt),
      primaryAnswerAfterMs: after(primaryAnswerAt),
      recoveredAfterMs:
        healthyAt !== null && primaryAnswerAt !== null ? after(Math.max(healthyAt, primaryAnswerAt)) : null,
      timeoutMs,
      observable,
    },
  };
}

/** Enough readings since `from` to say /health has no router section to read. */
function withoutRouter(samples: readonly HealthSample[], from: number): boolean {
  const recent = samples.filter((sample) => sample.at >= from && sample.view !== null);
  return recent.length >= 5 && recent.every((sample) => sample.view?.routerState === null);
}
