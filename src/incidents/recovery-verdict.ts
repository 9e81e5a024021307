// The recovery check's verdict (docs/incidents.md, "Recovery check"): what the runbook's post-recovery test
// asks of a provider, from what its cases measured. Latency p95 under 5 s, mean confidence over 0.8,
// agreement with the rules reading on date and time for at least 0.8 of the answered cases, and more than
// 50 requests left in its rate-limit window when its headers say (unknown cannot hold it back); every case
// answered. Pure, so each boundary is tested apart from the providers (recovery.ts runs the cases).
import { mean, percentile } from "../stats.js";
import type { ProviderModel, ProviderRecovery, RecoveryReport } from "./types.js";

export interface RecoveryLimits {
  /** The p95 latency must be under this (ms). */
  latencyMs: number;
  /** The mean confidence must be over this. */
  confidence: number;
  /** The share of answered cases agreeing with the rules must be at least this. */
  agreement: number;
  /** More requests than this must be left in the provider's window, when it says. */
  remainingRequests: number;
}

export const RECOVERY_LIMITS: Readonly<RecoveryLimits> = {
  latencyMs: 5_000,
  confidence: 0.8,
  agreement: 0.8,
  remainingRequests: 50,
};

/** What one case measured on one provider. */
export interface CaseOutcome {
  /** From the call's start to its answer or its failure, retries included. */
  latencyMs: number;
  /** The provider gave a valid answer (not a failover, not rules). */
  answered: boolean;
  /** The confidence the answer earned against the rules (null: not answered). */
  confidence: number | null;
  /** Its date and time agree with the rules reading (null: not answered). */
  agrees: boolean | null;
}

/** One provider's part of the report; `cases` counts the cases meant to run (those cut by the deadline too). */
export function judgeProvider(
  target: ProviderModel,
  outcomes: readonly CaseOutcome[],
  cases: number,
  remainingRequests: number | null,
  limits: RecoveryLimits = RECOVERY_LIMITS,
): ProviderRecovery {
  const answered = outcomes.filter((outcome) => outcome.answered);
  const latencies = outcomes.map((outcome) => outcome.latencyMs).sort((a, b) => a - b);
  const p95Ms = latencies.length === 0 ? null : percentile(latencies, 0.95);
  const confidence = answered.length === 0 ? null : rounded(mean(answered.map((one) => one.confidence ?? 0)));
  const rate =
    answered.length === 0 ? null : rounded(answered.filter((one) => one.agrees).length / answered.length);
  const known = remainingRequests !== null;
  const recovery: ProviderRecovery = {
    ...target,
    cases,
    answered: answered.length,
    latency: { p95Ms, limitMs: limits.latencyMs, passed: p95Ms !== null && p95Ms < limits.latencyMs },
    confidence: {
      mean: confidence,
      minimum: limits.confidence,
      passed: confidence !== null && confidence > limits.confidence,
    },
    agreement: { rate, minimum: limits.agreement, passed: rate !== null && rate >= limits.agreement },
    quota: {
      remaining: remainingRequests,
      minimum: limits.remainingRequests,
      known,
      passed: !known || remainingRequests > limits.remainingRequests,
    },
    passed: false,
  };
  recovery.passed = reasonsOf(recovery).length === 0;
  return recovery;
}

/** One line per failed check, in English. */
export function reasonsOf(recovery: ProviderRecovery): string[] {
  const { latency, confidence, agreement, quota } = recovery;
  const name = `${recovery.provider}/${recovery.model}`;
  return [
    ...(recovery.answered < recovery.cases || recovery.cases === 0
      ? [`${name}: answered ${recovery.answered} of ${recovery.cases} cases`]
      : []),
    ...(latency.passed
      ? []
      : [`${name}: p95 latency ${shown(latency.p95Ms, " ms")}, not under ${latency.limitMs} ms`]),
    ...(confidence.passed
      ? []
      : [`${name}: mean confidence ${shown(confidence.mean)}, not over ${confidence.minimum}`]),
    ...(agreement.passed
      ? []
      : [`${name}: agreement with the rules ${shown(agreement.rate)}, under ${agreement.minimum}`]),
    ...(quota.passed ? [] : [`${name}: ${quota.remaining} requests left, not over ${quota.minimum}`]),
  ];
}

/** Passed only when every provider passed every check. */
export function recoveryReport(at: number, providers: ProviderRecovery[]): RecoveryReport {
  const reasons = providers.flatMap(reasonsOf);
  return {
    at: new Date(at).toISOString(),
    verdict: providers.length > 0 && reasons.length === 0 ? "passed" : "failed",
    providers,
    reasons: providers.length === 0 ? ["no provider to check"] : reasons,
  };
}

/** Four decimals: a mean of two-decimal confidences reads as people expect (0.8, not 0.7999999). */
function rounded(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function shown(value: number | null, unit = ""): string {
  return value === null ? "unknown (no answer)" : `${value}${unit}`;
}
