// What an incident is (issue 19, docs/incidents.md): the record the service opens when its LLMs stop being
// healthy or a fine-tuned variant is rolled back, keeps up to date while the runbooks' steps run, and
// resolves when the recovery check passes. The record is the one thing every part shares: the manager
// writes it (manager.ts), the store keeps it (store.ts), the announcements read it (announcement.ts), the
// admin API and /ops show it. Every list in it is bounded (MAX_* below), whatever the traffic.
import type { ProviderName } from "../providers/types.js";
import type { VariantFigures } from "../registry/variant-statistics.js";

/** The runbooks' four incident types; several may apply to one incident. */
export const INCIDENT_TYPES = ["high_latency", "low_quality", "rate_limiting", "service_down"] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** The runbook's severities, P1 the worst: 100% down, over 50% errors, over 20% errors, slow but working. */
export const SEVERITIES = ["P1", "P2", "P3", "P4"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The runbook's states, in the order an incident normally goes through them. */
export const INCIDENT_STATES = ["investigating", "mitigated", "monitoring", "resolved"] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** What opened the incident: the router left healthy, or a fine-tuned variant was rolled back. */
export type IncidentTrigger = "router" | "rollback";

/** What the service did by itself, each with its time. */
export const MITIGATION_KINDS = [
  "failover",
  "breaker_opened",
  "rate_limit_pause",
  "conservation_on",
  "degraded_sequence",
  "rules_fallback",
  "rollout_rolled_back",
] as const;
export type MitigationKind = (typeof MITIGATION_KINDS)[number];

export interface Mitigation {
  kind: MitigationKind;
  /** ISO 8601, when the service first did it in this incident. */
  at: string;
  provider?: ProviderName;
  model?: string;
  /** One line for people, in English (the announcements translate by `kind`). */
  detail: string;
}

export interface ProviderModel {
  provider: ProviderName;
  model: string;
}

/** What users saw over a window: the inputs of the severity (severity.ts, docs/incidents.md). */
export interface SeverityInputs {
  /** Parse requests answered in the window (errors included). */
  requests: number;
  /** Of them, requests that wanted an LLM reading (mode auto or llm with a router configured). */
  llmWanted: number;
  /** Of those, requests whose LLM reading failed: read by rules instead, or refused with llm_unavailable. */
  llmFailed: number;
  /** Requests the service answered with a non-2xx status that is the service's fault (5xx). */
  serviceErrors: number;
  /** LLM-path error rate: llmFailed / llmWanted; null with no request wanting one. */
  llmErrorRate: number | null;
  /** Service error rate: serviceErrors / requests; null with no request. */
  serviceErrorRate: number | null;
  /** p95 latency of the LLM calls in the window (answers, timeouts, invalid answers), ms; null: none. */
  llmP95Ms: number | null;
}

/** The severity and why: one for the LLM path, one for the service; the incident's is the worse. */
export interface SeverityBasis extends SeverityInputs {
  llm: Severity | null;
  service: Severity | null;
}

/** The incident's cost to users, counted from its start. */
export interface Impact {
  requests: number;
  llmWanted: number;
  /** Requests answered by the rules reader while an LLM reading was wanted. */
  answeredByRules: number;
  /** Requests answered by the minimal sequence (meta.degraded). */
  degradedAnswers: number;
  /** 5xx answers: requests lost. There should be none: Cita always answers. */
  answersLost: number;
  /** Mean and p95 request latency during the incident minus the same before it (ms); null: not known yet. */
  extraLatencyMs: { mean: number | null; p95: number | null };
}

/** One agent's latency over the incident window (the latency runbook's first step). */
export interface AgentLatency {
  agent: string;
  runs: number;
  meanMs: number;
  p95Ms: number;
  /** The same agent's mean before the incident, for comparison; null: no runs were seen before. */
  baselineMeanMs: number | null;
}

/** One variant's parse requests over the incident window against before it (the latency runbook's second step). */
export interface VariantLatency {
  variant: "baseline" | "finetuned";
  requests: number;
  meanMs: number;
  p95Ms: number;
  /** The same variant's mean before the incident; null: no request was seen before. */
  baselineMeanMs: number | null;
}

/** The model registry's comparison of one agent's variants (as GET /admin/variants shows it). */
export interface VariantComparison {
  agent: string;
  /** The fine-tuned model; null when the agent has none. */
  finetuned: ProviderModel | null;
  rolloutPercent: number;
  /** Each variant's figures over the registry's window, as last seen while the incident was open. */
  variants: Record<"baseline" | "finetuned", VariantFigures>;
}

export type RecoveryVerdict = "passed" | "failed";

/** One provider's part of a recovery check (recovery.ts; the runbook's post-recovery test). */
export interface ProviderRecovery {
  provider: ProviderName;
  model: string;
  cases: number;
  /** Cases that got an answer from this provider (not a failover, not rules). */
  answered: number;
  latency: { p95Ms: number | null; limitMs: number; passed: boolean };
  confidence: { mean: number | null; minimum: number; passed: boolean };
  /** Share of the answered cases whose reading agrees with the rules reading on date and time. */
  agreement: { rate: number | null; minimum: number; passed: boolean };
  /**
   * Requests left in the provider's rate-limit window, from its last answer's headers; null when the
   * provider does not send them (then `passed` is true and `known` false: the check cannot hold it back).
   */
  quota: { remaining: number | null; minimum: number; known: boolean; passed: boolean };
  passed: boolean;
}

export interface RecoveryReport {
  at: string;
  verdict: RecoveryVerdict;
  providers: ProviderRecovery[];
  /** Why it failed, in one line per failed check; empty when it passed. */
  reasons: string[];
}

/** One line of the runbook's checklist: done by the service (with when), or left for a person. */
export interface ChecklistItem {
  id: string;
  /** The runbook step, in English (the page and announcements translate by id). */
  step: string;
  runbook: "llm-degradation" | "high-latency";
  doneBy: "service" | "person";
  /** When the service did it; null: not done (yet), or a person's step. */
  doneAt: string | null;
}

export type TimelineEvent =
  | "opened"
  | "type"
  | "severity"
  | "state"
  | "mitigation"
  | "recovery_check"
  | "announcement"
  | "resolved";

export interface TimelineEntry {
  at: string;
  event: TimelineEvent;
  /** One line in English; the announcements and /ops build their own words from the fields below. */
  detail: string;
  severity?: Severity;
  state?: IncidentState;
  type?: IncidentType;
  mitigation?: MitigationKind;
  verdict?: RecoveryVerdict;
}

export interface Incident {
  /** `inc_` and 16 hex digits. */
  id: string;
  trigger: IncidentTrigger;
  openedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  types: IncidentType[];
  providers: ProviderModel[];
  severity: Severity;
  basis: SeverityBasis;
  state: IncidentState;
  mitigations: Mitigation[];
  impact: Impact;
  agents: AgentLatency[];
  variants: VariantLatency[];
  /** Agents with a fine-tuned model (or one rolled back); empty without one or without a registry. */
  comparison: VariantComparison[];
  /** The runbooks' checklist: what the service did, and what is left for a person (checklist.ts). */
  checklist: ChecklistItem[];
  /** The last recovery check, automatic or asked for; null until one ran. */
  recovery: RecoveryReport | null;
  /** When the next announcement is due: the runbook's 30 minutes after the last one; null once resolved. */
  nextUpdateAt: string | null;
  timeline: TimelineEntry[];
}

/** Far above an incident's real length; the oldest entries give way (the first, "opened", is kept). */
export const MAX_TIMELINE_ENTRIES = 200;
/** Resolved incidents kept by a store; the oldest are deleted past it. */
export const MAX_KEPT_INCIDENTS = 500;

/** What changed, for the announcements and the webhook: sent on open, severity, state and resolve. */
export interface IncidentChange {
  kind: "opened" | "severity" | "state" | "resolved";
  incident: Incident;
}

/** Where incidents are kept: the calendar store's database (SQLite, D1, PostgreSQL) or memory. */
export interface IncidentStore {
  /**
   * Inserts `incident` unless one is open already, atomically (a unique index, never check-then-insert), so
   * two instances that see the same degradation open one incident. Returns the open one and whether it is
   * the new one.
   */
  openIncident(incident: Incident): Promise<{ incident: Incident; created: boolean }>;
  /**
   * Replaces the stored record with the same id, never making a resolved one open again. With `version`,
   * only while the stored record's updatedAt is still `version` (what the caller last read or wrote), so an
   * instance holding a stale copy changes nothing. True when it wrote; false when it refused.
   */
  saveIncident(incident: Incident, version?: string): Promise<boolean>;
  getIncident(id: string): Promise<Incident | null>;
  /** The open incident (not resolved), if any. */
  openedIncident(): Promise<Incident | null>;
  /** The newest first, at most `limit`. */
  listIncidents(limit: number): Promise<Incident[]>;
}

/** Told about every change worth announcing; never throws and never delays the caller (notifier.ts). */
export interface IncidentNotifier {
  notify(change: IncidentChange): void;
}

/** The runbook's post-recovery test (recovery.ts). */
export interface RecoveryChecker {
  /** Checks the given providers (by default every configured one) through the router. */
  check(providers?: readonly ProviderName[]): Promise<RecoveryReport>;
}

/** What one parse request ended in, as the severity and the impact count it. */
export interface RequestOutcome {
  status: number;
  latencyMs: number;
  /** The request wanted an LLM reading (mode auto or llm with a router configured). */
  wantedLlm: boolean;
  /** An LLM gave the reading (not the rules reader). */
  llmAnswered: boolean;
  /** Answered by the minimal sequence (meta.degraded). */
  degraded: boolean;
  /** The parse answer's meta.timingsMs: milliseconds per agent. */
  agentsMs?: Record<string, number>;
  variant?: "baseline" | "finetuned";
  /**
   * The error code of a refused request (src/http/errors.ts): an `llm_unavailable` 503 counts as a failed
   * LLM reading, not as a service error (docs/incidents.md, "Severity").
   */
  error?: string;
}

export interface IncidentStatus {
  open: boolean;
  severity: Severity | null;
  state: IncidentState | null;
  types: IncidentType[];
}
