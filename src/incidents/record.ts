// Changes to an incident record, each with its timeline entry: what the manager does to a record, kept
// apart from when it does it. The timeline is bounded (MAX_TIMELINE_ENTRIES): past it the oldest entries
// after "opened" give way.
import { emptyImpact } from "./impact.js";
import {
  type Incident,
  type IncidentState,
  type IncidentTrigger,
  type IncidentType,
  MAX_TIMELINE_ENTRIES,
  type Mitigation,
  type ProviderModel,
  type Severity,
  type SeverityBasis,
  type TimelineEntry,
} from "./types.js";

export function iso(at: number): string {
  return new Date(at).toISOString();
}

/** `inc_` and 16 hex digits, from the platform's cryptographic random source. */
export function newIncidentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `inc_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

export function newIncident(start: {
  id: string;
  trigger: IncidentTrigger;
  at: number;
  severity: Severity;
  basis: SeverityBasis;
  detail: string;
}): Incident {
  const at = iso(start.at);
  return {
    id: start.id,
    trigger: start.trigger,
    openedAt: at,
    updatedAt: at,
    resolvedAt: null,
    types: [],
    providers: [],
    severity: start.severity,
    basis: start.basis,
    state: "investigating",
    mitigations: [],
    impact: emptyImpact(),
    agents: [],
    variants: [],
    comparison: [],
    checklist: [],
    recovery: null,
    nextUpdateAt: null,
    timeline: [
      { at, event: "opened", detail: start.detail, severity: start.severity, state: "investigating" },
    ],
  };
}

export function addTimeline(incident: Incident, entry: TimelineEntry): void {
  incident.timeline.push(entry);
  if (incident.timeline.length > MAX_TIMELINE_ENTRIES) incident.timeline.splice(1, 1);
  // An entry may tell of something earlier (a breaker that opened before the incident did).
  if (entry.at > incident.updatedAt) incident.updatedAt = entry.at;
}

/** Adds a type the incident did not have yet; false when it had it. */
export function addType(incident: Incident, type: IncidentType, why: string, at: number): boolean {
  if (incident.types.includes(type)) return false;
  incident.types.push(type);
  addTimeline(incident, { at: iso(at), event: "type", type, detail: `${type}: ${why}` });
  return true;
}

/** Adds a provider and model to those involved; the list is bounded by the router's configured ones. */
export function addProvider(incident: Incident, target: ProviderModel): boolean {
  if (
    incident.providers.some((known) => known.provider === target.provider && known.model === target.model)
  ) {
    return false;
  }
  incident.providers.push({ provider: target.provider, model: target.model });
  return true;
}

/** Each kind of mitigation once per incident: the first time the service did it. */
export function addMitigation(incident: Incident, mitigation: Mitigation, at: number): boolean {
  if (incident.mitigations.some((known) => known.kind === mitigation.kind)) return false;
  incident.mitigations.push(mitigation);
  addTimeline(incident, {
    at: iso(at),
    event: "mitigation",
    mitigation: mitigation.kind,
    detail: mitigation.detail,
  });
  return true;
}

export function changeSeverity(
  incident: Incident,
  severity: Severity,
  basis: SeverityBasis,
  at: number,
): boolean {
  incident.basis = basis;
  if (incident.severity === severity) return false;
  const from = incident.severity;
  incident.severity = severity;
  addTimeline(incident, {
    at: iso(at),
    event: "severity",
    severity,
    detail: `severity ${from} to ${severity} (${describeBasis(basis)})`,
  });
  return true;
}

export function changeState(incident: Incident, state: IncidentState, why: string, at: number): boolean {
  if (incident.state === state) return false;
  incident.state = state;
  addTimeline(incident, {
    at: iso(at),
    event: state === "resolved" ? "resolved" : "state",
    state,
    detail: why,
  });
  if (state === "resolved") {
    incident.resolvedAt = iso(at);
    incident.nextUpdateAt = null;
  }
  return true;
}

/** The basis in one line: "LLM path 100% errors (P1), service 0% (none), LLM p95 1.2 s". */
function describeBasis(basis: SeverityBasis): string {
  const rate = (value: number | null) =>
    value === null ? "no requests" : `${(value * 100).toFixed(0)}% errors`;
  const p95 = basis.llmP95Ms === null ? "no LLM calls" : `LLM p95 ${(basis.llmP95Ms / 1000).toFixed(1)} s`;
  return `LLM path ${rate(basis.llmErrorRate)} (${basis.llm ?? "none"}), service ${rate(basis.serviceErrorRate)} (${basis.service ?? "none"}), ${p95}`;
}

/** The runbook's update every 30 minutes: sent to the notifier, or only due when there is none. */
export function addUpdate(incident: Incident, at: number, sent: boolean): void {
  addTimeline(incident, {
    at: iso(at),
    event: "announcement",
    detail: sent
      ? "update announced (due every 30 minutes)"
      : "update due (every 30 minutes); no notifier configured",
  });
}
