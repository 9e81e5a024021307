// The runbook's severity table on what users see (docs/incidents.md, "Severity"): an error rate on the LLM
// path and one on the service, each graded P1 (100%), P2 (over 50%), P3 (over 20%); P4, "slow but working",
// when the LLM calls' p95 is over the latency runbook's 5 s or the router is out of healthy. The incident
// takes the worse of the two, and moves to a new one only after it held (SeverityHold).
import type { IncidentSettings } from "./settings.js";
import { SEVERITIES, type Severity, type SeverityBasis, type SeverityInputs } from "./types.js";

/** The latency runbook's warning: an LLM p95 over this is "slow but working". */
export const SLOW_LLM_P95_MS = 5000;

/** What one parse request counts for in the severity's rates. */
export interface RequestCounts {
  wantedLlm: boolean;
  /** Its LLM reading failed: read by rules instead, or refused with llm_unavailable. */
  llmFailed: boolean;
  /** The service's own fault: a 5xx other than llm_unavailable. */
  serviceError: boolean;
  /** Answered (2xx) by the rules reader although an LLM reading was wanted. */
  answeredByRules: boolean;
  degraded: boolean;
}

/**
 * A client's 4xx is not a service error, nor a failed LLM reading: counting it would let any client open
 * incidents by sending junk. It still counts among the requests the service answered.
 * An llm_unavailable 503 is the answer to `mode: "llm"` with no usable provider: a failed LLM reading,
 * counted on the LLM path, so that every provider down shows as P1 there while the service (which read
 * every other request by rules) stays at 0%.
 */
export function requestCounts(outcome: {
  status: number;
  wantedLlm: boolean;
  llmAnswered: boolean;
  degraded: boolean;
  error?: string;
}): RequestCounts {
  const llmRefused = outcome.error === "llm_unavailable";
  // A refused request (a calendar that does not exist, a text too long) never reached its LLM reading.
  const clientError = outcome.status >= 400 && outcome.status < 500;
  const wantedLlm = (outcome.wantedLlm && !clientError) || llmRefused;
  const llmFailed = wantedLlm && (!outcome.llmAnswered || llmRefused);
  return {
    wantedLlm,
    llmFailed,
    serviceError: outcome.status >= 500 && !llmRefused,
    answeredByRules: llmFailed && outcome.status < 300,
    degraded: outcome.degraded && outcome.status < 300,
  };
}

/** The rates from the counts: null where nothing was counted. */
export function severityInputs(counts: {
  requests: number;
  llmWanted: number;
  llmFailed: number;
  serviceErrors: number;
  llmP95Ms: number | null;
}): SeverityInputs {
  return {
    ...counts,
    llmErrorRate: counts.llmWanted === 0 ? null : counts.llmFailed / counts.llmWanted,
    serviceErrorRate: counts.requests === 0 ? null : counts.serviceErrors / counts.requests,
  };
}

/** P1 at 100%, P2 over 50%, P3 over 20%; null at 20% or under. */
export function rateSeverity(rate: number | null): Severity | null {
  if (rate === null) return null;
  if (rate >= 1) return "P1";
  if (rate > 0.5) return "P2";
  if (rate > 0.2) return "P3";
  return null;
}

/** The worse of two severities (P1 the worst); null only when both are. */
export function worse(a: Severity | null, b: Severity | null): Severity | null {
  if (a === null) return b;
  if (b === null) return a;
  return SEVERITIES.indexOf(a) <= SEVERITIES.indexOf(b) ? a : b;
}

/**
 * Both severities and the worse. `routerHealthy` false makes the LLM path at least P4: an open incident is
 * never without a severity while the router is out of healthy.
 */
export function severityOf(
  inputs: SeverityInputs,
  routerHealthy: boolean,
): { basis: SeverityBasis; severity: Severity | null } {
  const slow = (inputs.llmP95Ms !== null && inputs.llmP95Ms > SLOW_LLM_P95_MS) || !routerHealthy;
  const llm = rateSeverity(inputs.llmErrorRate) ?? (slow ? "P4" : null);
  const service = rateSeverity(inputs.serviceErrorRate);
  return { basis: { ...inputs, llm, service }, severity: worse(llm, service) };
}

/**
 * The incident's severity moves to a worse one only after that held `escalateAfterMs` without a break, to
 * a better one after `deescalateAfterMs`: one bad minute pages nobody, one good minute resolves nothing.
 */
export class SeverityHold {
  #pending: { direction: "worse" | "better"; since: number } | null = null;

  constructor(private readonly settings: Pick<IncidentSettings, "escalateAfterMs" | "deescalateAfterMs">) {}

  /** The severity to hold now, given the current one and the one the window reads. */
  next(current: Severity, reading: Severity, now: number): Severity {
    if (reading === current) {
      this.#pending = null;
      return current;
    }
    const direction = worse(reading, current) === reading ? "worse" : "better";
    if (this.#pending?.direction !== direction) this.#pending = { direction, since: now };
    const hold = direction === "worse" ? this.settings.escalateAfterMs : this.settings.deescalateAfterMs;
    if (now - this.#pending.since < hold) return current;
    this.#pending = null;
    return reading;
  }

  reset(): void {
    this.#pending = null;
  }
}
