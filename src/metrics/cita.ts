// Cita's metrics, with the names the runbooks and ops/ (alerts, dashboard) use. One instance per app (per
// process on Node, per isolate on Workers); GET /metrics renders it. Fed by the router (every provider
// call, every answer's confidence), the parse route (mode, status, confidence, cache, agent timings) and
// the HTTP middleware; the router's live state (degraded, breakers, provider states) and the incident
// manager's (open, severity) are read at scrape.
import type { ParseResponse } from "../http/schemas/parse.js";
import type { CallRecord, LlmRouter } from "../router/router.js";
import {
  type FleetGauge,
  type FleetReading,
  type IncidentGaugeStatus,
  incidentReadings,
} from "./fleet-gauges.js";
import { type Gauge, Registry } from "./registry.js";

/** Bounds of the LLM latency histogram in seconds; the per-minute timeline (src/metrics/timeline.ts) reads them too. */
export const LLM_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 7.5, 10, 15, 20, 30];
const AGENT_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const HTTP_SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const CONFIDENCE = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

const BREAKER_STATES = { closed: 0, open: 1, "half-open": 2 } as const;
const PROVIDER_STATES = { healthy: 0, degraded: 1, down: 2 } as const;
const ROUTER_STATES = ["healthy", "degraded", "down"] as const;
const BUDGET_STATES = ["ok", "conservation", "exhausted"] as const;

export type CitaMetrics = ReturnType<typeof createCitaMetrics>;

/** Told every record the metrics take, after them: the operations page's timeline (src/metrics/timeline.ts). */
export interface MetricsFollower {
  recordCall(call: CallRecord): void;
  recordConfidence(provider: string, model: string, value: number): void;
  recordParse(response: ParseResponse): void;
  recordParseError(mode: string): void;
}

export function createCitaMetrics() {
  const registry = new Registry();
  const providerModel = ["provider", "model"];
  const llmDuration = registry.histogram(
    "llm_request_duration_seconds",
    "Duration of calls to LLM providers (a re-ask included), by outcome.",
    [...providerModel, "outcome"],
    LLM_SECONDS,
  );
  const llmRequests = registry.counter(
    "llm_requests_total",
    "Calls to LLM providers, by status class (2xx, 4xx, 429, 5xx, timeout, connection, aborted).",
    [...providerModel, "status"],
  );
  const answers = registry.counter(
    "llm_answers_total",
    "Answers received from LLM providers (a call that was re-asked got two).",
    providerModel,
  );
  const timeouts = registry.counter("llm_timeouts_total", "LLM calls that timed out.", providerModel);
  const rateLimits = registry.counter(
    "llm_rate_limit_errors_total",
    "LLM calls answered 429.",
    providerModel,
  );
  const connectionErrors = registry.counter(
    "llm_connection_errors_total",
    "LLM calls that failed to connect or lost the connection.",
    providerModel,
  );
  const tokens = registry.counter("llm_tokens_total", "Tokens used by LLM calls.", [
    ...providerModel,
    "direction",
  ]);
  const cost = registry.counter(
    "llm_cost_usd_total",
    "Cost of LLM calls in US dollars, from the price table.",
    providerModel,
  );
  const answerConfidence = registry.histogram(
    "llm_answer_confidence",
    "Confidence credited to a provider's answer: the ceiling its reading earned against the rules cross-check.",
    providerModel,
    CONFIDENCE,
  );
  const agentDuration = registry.histogram(
    "agent_execution_duration_seconds",
    "Time each agent took on a request.",
    ["agent"],
    AGENT_SECONDS,
  );
  const confidence = registry.histogram(
    "parsing_confidence",
    "Confidence of parse responses, by the mode that read them.",
    ["mode"],
    CONFIDENCE,
  );
  const jsonErrors = registry.counter(
    "parsing_json_errors_total",
    "LLM answers that were not clean JSON (repaired or invalid).",
    providerModel,
  );
  const parsingRequests = registry.counter(
    "parsing_requests_total",
    "Parse requests, by mode (llm, rules) and status (complete, needs_clarification, invalid, conflict, error).",
    ["mode", "status"],
  );
  const cacheRequests = registry.counter("cache_requests_total", "LLM answer cache lookups, by result.", [
    "result",
  ]);
  const httpDuration = registry.histogram(
    "http_request_duration_seconds",
    "HTTP requests, by matched route and status code.",
    ["route", "status"],
    HTTP_SECONDS,
  );
  const degraded = registry.gauge(
    "router_degraded",
    "1 while the router runs the minimal sequence (degraded or down).",
  );
  const routerState = registry.gauge("router_state", "1 for the router's current state.", ["state"]);
  const breakers = registry.gauge(
    "circuit_breaker_state",
    "Circuit breaker per provider and model: 0 closed, 1 open, 2 half-open.",
    providerModel,
  );
  const providerStates = registry.gauge(
    "llm_provider_state",
    "Health per provider and model: 0 healthy, 1 degraded, 2 down.",
    providerModel,
  );
  const budgetSpent = registry.gauge(
    "llm_budget_spent_usd",
    "LLM spend of the current UTC day, in US dollars.",
  );
  const budgetDaily = registry.gauge(
    "llm_budget_daily_usd",
    "The daily LLM budget in US dollars (absent: none).",
  );
  const budgetState = registry.gauge("llm_budget_state", "1 for the budget's current state.", ["state"]);
  const incidentOpen = registry.gauge(
    "cita_incident_open",
    "1 while an incident is open (docs/incidents.md): the alert rules then use the runbooks' degraded thresholds.",
  );
  const incidentSeverity = registry.gauge(
    "cita_incident_severity",
    "The open incident's severity: 1 to 4 for P1 (worst) to P4, 0 with no incident open.",
  );
  const followers: MetricsFollower[] = [];
  const fleetGauges: Record<FleetGauge, Gauge> = {
    cita_incident_open: incidentOpen,
    cita_incident_severity: incidentSeverity,
  };
  let fleetSource: () => readonly FleetReading[] = () => [];
  registry.onCollect(() => {
    for (const gauge of Object.values(fleetGauges)) gauge.reset();
    for (const reading of fleetSource()) fleetGauges[reading.name].set({}, reading.value);
  });

  return {
    registry,
    render: () => registry.render(),

    /** Tells `follower` every call, confidence and parse recorded from now on. */
    follow(follower: MetricsFollower): void {
      followers.push(follower);
    },

    /** A call that reached a provider (RouterOptions.onCall). */
    recordCall(call: CallRecord): void {
      const labels = { provider: call.provider, model: call.model };
      llmDuration.observe({ ...labels, outcome: call.outcome }, call.durationMs / 1000);
      llmRequests.inc({ ...labels, status: call.status });
      if (call.status === "timeout") timeouts.inc(labels);
      if (call.status === "429") rateLimits.inc(labels);
      if (call.status === "connection") connectionErrors.inc(labels);
      if (call.answers > 0) answers.inc(labels, call.answers);
      if (call.invalidAnswers > 0) jsonErrors.inc(labels, call.invalidAnswers);
      if (call.inputTokens > 0) tokens.inc({ ...labels, direction: "input" }, call.inputTokens);
      if (call.outputTokens > 0) tokens.inc({ ...labels, direction: "output" }, call.outputTokens);
      if (call.costUsd > 0) cost.inc(labels, call.costUsd);
      for (const follower of followers) follower.recordCall(call);
    },

    /** A provider's answer confidence (RouterOptions.onConfidence). */
    recordConfidence(provider: string, model: string, value: number): void {
      answerConfidence.observe({ provider, model }, value);
      for (const follower of followers) follower.recordConfidence(provider, model, value);
    },

    /** A parse response as sent. */
    recordParse(response: ParseResponse): void {
      const mode = response.meta.mode;
      parsingRequests.inc({ mode, status: response.status });
      confidence.observe({ mode }, response.confidence);
      cacheRequests.inc({ result: response.meta.cache });
      for (const [agent, ms] of Object.entries(response.meta.timingsMs)) {
        if (typeof ms === "number") agentDuration.observe({ agent }, ms / 1000);
      }
      for (const follower of followers) follower.recordParse(response);
    },

    /** A parse request answered with an error (4xx or 5xx). */
    recordParseError(mode: string): void {
      parsingRequests.inc({ mode, status: "error" });
      for (const follower of followers) follower.recordParseError(mode);
    },

    recordHttp(route: string, status: number, ms: number): void {
      httpDuration.observe({ route, status: String(status) }, ms / 1000);
    },

    /**
     * Reads the incident manager's status into cita_incident_open and cita_incident_severity at every
     * scrape; with `status` answering null (or never watched) both are absent, which the alert rules read as
     * no incident.
     */
    watchIncidents(status: IncidentGaugeStatus): void {
      fleetSource = () => incidentReadings(status());
    },

    /** Shows these values in the fleet gauges instead: the metrics Durable Object's, made of every isolate's. */
    watchFleet(readings: () => readonly FleetReading[]): void {
      fleetSource = readings;
    },

    /** The fleet gauges' values as this registry shows them now (what an isolate sends the object). */
    fleetReadings(): readonly FleetReading[] {
      return fleetSource();
    },

    /** Reads the router's state into the gauges at every scrape. */
    watchRouter(router: LlmRouter | null): void {
      registry.onCollect(() => {
        routerState.reset();
        breakers.reset();
        providerStates.reset();
        if (router === null) {
          degraded.set({}, 0);
          return;
        }
        const snapshot = router.snapshot();
        degraded.set({}, snapshot.state === "healthy" ? 0 : 1);
        budgetSpent.set({}, snapshot.budget.spentUsd);
        if (snapshot.budget.dailyUsd !== null) budgetDaily.set({}, snapshot.budget.dailyUsd);
        for (const state of BUDGET_STATES)
          budgetState.set({ state }, snapshot.budget.state === state ? 1 : 0);
        for (const state of ROUTER_STATES) routerState.set({ state }, snapshot.state === state ? 1 : 0);
        for (const provider of snapshot.providers) {
          const labels = { provider: provider.provider, model: provider.model };
          breakers.set(labels, BREAKER_STATES[provider.breaker]);
          providerStates.set(labels, PROVIDER_STATES[provider.state]);
        }
      });
    },
  };
}
