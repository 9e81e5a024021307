// Incident records as the manager writes them for the issue's scenarios: the announcements' snapshots
// (src/incidents/announcement.test.ts), the announcement route's and the webhook's tests. Each is built on
// incident-records.ts's whole record, so a field added to the Incident type is added there once.
import type { Incident, ProviderRecovery } from "../../src/incidents/types.js";
import { INCIDENTS_BASE_MS, openIncidentRecord } from "./incident-records.js";

export const OPENED_AT = "2026-03-02T10:15:00.000Z";
/** When the records are announced: 27 minutes into the incident. */
export const ANNOUNCED_AT = Date.parse("2026-03-02T10:42:00.000Z");

/** A P4 latency incident 27 minutes in, with what the announcements read; `overrides` replace fields. */
export function incidentRecord(overrides: Partial<Incident> = {}): Incident {
  return openIncidentRecord((Date.parse(OPENED_AT) - INCIDENTS_BASE_MS) / 60_000, {
    id: "inc_0123456789abcdef",
    updatedAt: "2026-03-02T10:16:10.000Z",
    types: ["high_latency"],
    providers: [{ provider: "qwen", model: "qwen-plus" }],
    severity: "P4",
    basis: {
      requests: 420,
      llmWanted: 400,
      llmFailed: 12,
      serviceErrors: 0,
      llmErrorRate: 0.03,
      serviceErrorRate: 0,
      llmP95Ms: 15_240,
      llm: "P4",
      service: null,
    },
    state: "mitigated",
    mitigations: [
      {
        kind: "failover",
        at: "2026-03-02T10:15:40.000Z",
        provider: "qwen",
        model: "qwen-plus",
        detail: "failover",
      },
    ],
    impact: {
      requests: 1234,
      llmWanted: 1180,
      answeredByRules: 35,
      degradedAnswers: 0,
      answersLost: 0,
      extraLatencyMs: { mean: 2350, p95: 9800 },
    },
    recovery: null,
    nextUpdateAt: "2026-03-02T10:45:40.000Z",
    ...overrides,
  });
}

export function providerRecovery(overrides: Partial<ProviderRecovery> = {}): ProviderRecovery {
  return {
    provider: "qwen",
    model: "qwen-plus",
    cases: 12,
    answered: 12,
    latency: { p95Ms: 2100, limitMs: 5000, passed: true },
    confidence: { mean: 0.91, minimum: 0.8, passed: true },
    agreement: { rate: 1, minimum: 0.8, passed: true },
    quota: { remaining: 480, minimum: 50, known: true, passed: true },
    passed: true,
    ...overrides,
  };
}

/** The scenarios, each as its record stands 27 minutes in (or once resolved). */
export const SCENARIO_RECORDS: Record<string, Incident> = {
  "p4-latency": incidentRecord(),
  "rate-limiting": incidentRecord({
    types: ["rate_limiting"],
    providers: [{ provider: "openai", model: "gpt-4o-mini" }],
    severity: "P3",
    state: "investigating",
    basis: {
      requests: 520,
      llmWanted: 500,
      llmFailed: 140,
      serviceErrors: 0,
      llmErrorRate: 0.28,
      serviceErrorRate: 0,
      llmP95Ms: 1830,
      llm: "P3",
      service: null,
    },
    mitigations: [
      {
        kind: "rate_limit_pause",
        at: "2026-03-02T10:15:02.000Z",
        provider: "openai",
        model: "gpt-4o-mini",
        detail: "",
      },
      {
        kind: "failover",
        at: "2026-03-02T10:15:02.000Z",
        provider: "openai",
        model: "gpt-4o-mini",
        detail: "",
      },
      { kind: "conservation_on", at: "2026-03-02T10:21:30.000Z", detail: "" },
    ],
    impact: {
      requests: 3010,
      llmWanted: 2900,
      answeredByRules: 610,
      degradedAnswers: 0,
      answersLost: 0,
      extraLatencyMs: { mean: 140, p95: 620 },
    },
    recovery: {
      at: "2026-03-02T10:40:00.000Z",
      verdict: "failed",
      providers: [
        providerRecovery({
          provider: "openai",
          model: "gpt-4o-mini",
          quota: { remaining: 12, minimum: 50, known: true, passed: false },
          passed: false,
        }),
      ],
      reasons: ["openai quota 12 < 50"],
    },
  }),
  "all-down": incidentRecord({
    types: ["service_down"],
    providers: [
      { provider: "qwen", model: "qwen-plus" },
      { provider: "openai", model: "gpt-4o-mini" },
      { provider: "anthropic", model: "claude-3-5-haiku-latest" },
    ],
    severity: "P1",
    basis: {
      requests: 820,
      llmWanted: 800,
      llmFailed: 800,
      serviceErrors: 0,
      llmErrorRate: 1,
      serviceErrorRate: 0,
      llmP95Ms: null,
      llm: "P1",
      service: null,
    },
    mitigations: [
      {
        kind: "breaker_opened",
        at: "2026-03-02T10:15:03.000Z",
        provider: "qwen",
        model: "qwen-plus",
        detail: "",
      },
      {
        kind: "breaker_opened",
        at: "2026-03-02T10:15:04.000Z",
        provider: "openai",
        model: "gpt-4o-mini",
        detail: "",
      },
      {
        kind: "breaker_opened",
        at: "2026-03-02T10:15:04.000Z",
        provider: "anthropic",
        model: "claude-3-5-haiku-latest",
        detail: "",
      },
      { kind: "rules_fallback", at: "2026-03-02T10:15:04.000Z", detail: "" },
    ],
    impact: {
      requests: 12_345,
      llmWanted: 12_010,
      answeredByRules: 11_980,
      degradedAnswers: 11_980,
      answersLost: 0,
      extraLatencyMs: { mean: -410, p95: -1200 },
    },
  }),
  "low-quality": incidentRecord({
    types: ["low_quality"],
    providers: [{ provider: "mistral", model: "mistral-small-latest" }],
    state: "monitoring",
    basis: {
      requests: 600,
      llmWanted: 590,
      llmFailed: 18,
      serviceErrors: 0,
      llmErrorRate: 18 / 590,
      serviceErrorRate: 0,
      llmP95Ms: 2400,
      llm: null,
      service: null,
    },
    mitigations: [
      { kind: "degraded_sequence", at: "2026-03-02T10:15:30.000Z", detail: "" },
      {
        kind: "failover",
        at: "2026-03-02T10:15:30.000Z",
        provider: "mistral",
        model: "mistral-small-latest",
        detail: "",
      },
    ],
    impact: {
      requests: 1800,
      llmWanted: 1770,
      answeredByRules: 4,
      degradedAnswers: 530,
      answersLost: 0,
      extraLatencyMs: { mean: 380, p95: null },
    },
    recovery: {
      at: "2026-03-02T10:41:00.000Z",
      verdict: "failed",
      providers: [
        providerRecovery({
          provider: "mistral",
          model: "mistral-small-latest",
          answered: 9,
          confidence: { mean: 0.64, minimum: 0.8, passed: false },
          agreement: { rate: 0.75, minimum: 0.8, passed: false },
          quota: { remaining: null, minimum: 50, known: false, passed: true },
          passed: false,
        }),
      ],
      reasons: [],
    },
  }),
  rollback: incidentRecord({
    trigger: "rollback",
    types: ["low_quality"],
    providers: [{ provider: "openai", model: "ft:gpt-4o-mini:cita:parsing-v2" }],
    basis: {
      requests: 0,
      llmWanted: 0,
      llmFailed: 0,
      serviceErrors: 0,
      llmErrorRate: null,
      serviceErrorRate: null,
      llmP95Ms: null,
      llm: null,
      service: null,
    },
    mitigations: [
      {
        kind: "rollout_rolled_back",
        at: "2026-03-02T10:15:00.000Z",
        provider: "openai",
        model: "ft:gpt-4o-mini:cita:parsing-v2",
        detail: "",
      },
    ],
    impact: {
      requests: 0,
      llmWanted: 0,
      answeredByRules: 0,
      degradedAnswers: 0,
      answersLost: 0,
      extraLatencyMs: { mean: null, p95: null },
    },
  }),
  resolved: incidentRecord({
    state: "resolved",
    resolvedAt: "2026-03-02T11:20:30.000Z",
    updatedAt: "2026-03-02T11:20:30.000Z",
    nextUpdateAt: null,
    recovery: {
      at: "2026-03-02T11:20:00.000Z",
      verdict: "passed",
      providers: [
        providerRecovery(),
        providerRecovery({
          provider: "mistral",
          model: "mistral-small-latest",
          quota: { remaining: null, minimum: 50, known: false, passed: true },
        }),
      ],
      reasons: [],
    },
  }),
};
