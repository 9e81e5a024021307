// Incident records for the store, route and wiring tests: a whole record with every list filled once, so a
// round trip through a store shows that nothing is lost, at a given opening instant.
import type { Incident } from "../../src/incidents/types.js";

/** Monday 2 March 2026, 09:00 UTC: the tests' incidents open relative to it. */
export const INCIDENTS_BASE_MS = Date.parse("2026-03-02T09:00:00Z");

let counter = 0;

/** A fresh `inc_` id: 16 hex digits, distinct across the run. */
export function incidentId(): string {
  counter += 1;
  return `inc_${counter.toString(16).padStart(16, "0")}`;
}

/** An open incident opened `minutes` after INCIDENTS_BASE_MS. */
export function openIncidentRecord(minutes: number, overrides: Partial<Incident> = {}): Incident {
  const openedAt = new Date(INCIDENTS_BASE_MS + minutes * 60_000).toISOString();
  return {
    id: incidentId(),
    trigger: "router",
    openedAt,
    updatedAt: openedAt,
    resolvedAt: null,
    types: ["service_down"],
    providers: [{ provider: "qwen", model: "qwen-plus" }],
    severity: "P1",
    basis: {
      requests: 40,
      llmWanted: 40,
      llmFailed: 40,
      serviceErrors: 0,
      llmErrorRate: 1,
      serviceErrorRate: 0,
      llmP95Ms: 2_000,
      llm: "P1",
      service: null,
    },
    state: "mitigated",
    mitigations: [{ kind: "rules_fallback", at: openedAt, detail: "answered by the rules reader" }],
    impact: {
      requests: 40,
      llmWanted: 40,
      answeredByRules: 40,
      degradedAnswers: 0,
      answersLost: 0,
      extraLatencyMs: { mean: null, p95: null },
    },
    agents: [{ agent: "parsing", runs: 40, meanMs: 3, p95Ms: 5, baselineMeanMs: 2 }],
    variants: [{ variant: "baseline", requests: 40, meanMs: 12, p95Ms: 20, baselineMeanMs: 900 }],
    comparison: [],
    checklist: [
      {
        id: "failover",
        step: "Fail over to a healthy provider",
        runbook: "llm-degradation",
        doneBy: "service",
        doneAt: openedAt,
      },
      {
        id: "announce",
        step: "Announce the incident",
        runbook: "llm-degradation",
        doneBy: "person",
        doneAt: null,
      },
    ],
    recovery: null,
    nextUpdateAt: new Date(INCIDENTS_BASE_MS + (minutes + 30) * 60_000).toISOString(),
    timeline: [{ at: openedAt, event: "opened", detail: "every provider is down", severity: "P1" }],
    ...overrides,
  };
}

/** The same incident resolved `minutes` after it opened. */
export function resolvedRecord(incident: Incident, minutes = 10): Incident {
  const resolvedAt = new Date(Date.parse(incident.openedAt) + minutes * 60_000).toISOString();
  return {
    ...incident,
    updatedAt: resolvedAt,
    resolvedAt,
    state: "resolved",
    nextUpdateAt: null,
    timeline: [...incident.timeline, { at: resolvedAt, event: "resolved", detail: "recovery check passed" }],
  };
}
