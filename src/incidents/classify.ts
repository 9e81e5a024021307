// What kind of incident it is, who is involved and what the service did about it, read from the router's
// snapshot (its state, each provider's reasons, breakers, pauses, conservation) and the signal window:
// the runbooks' four types, the providers and models out of healthy, and the automatic mitigations.
import type { RouterSnapshot, RouterState } from "../router/router.js";
import type { HealthThresholds } from "../router/settings.js";
import { targetKey } from "./impact.js";
import { SLOW_LLM_P95_MS } from "./severity.js";
import type { WindowSummary } from "./signal-window.js";
import type { IncidentType, Mitigation, MitigationKind, ProviderModel } from "./types.js";

/** What the router showed at a tick. */
export interface RouterView {
  state: RouterState;
  snapshot: RouterSnapshot;
}

/** The health window's reasons (src/router/health.ts, snapshot.ts) by the type they point at. */
const REASON_TYPES: readonly [prefix: string, type: IncidentType][] = [
  ["p95 ", "high_latency"],
  ["timeouts ", "high_latency"],
  ["rate limited until", "rate_limiting"],
  ["429s ", "rate_limiting"],
  ["invalid JSON ", "low_quality"],
  ["mean confidence ", "low_quality"],
  ["circuit breaker open", "service_down"],
  ["5xx and connection errors ", "service_down"],
];

/** The types the router's reasons and the window show, each with why; a type may come more than once. */
export function typesOf(
  view: RouterView | null,
  window: WindowSummary,
  thresholds: HealthThresholds,
): { type: IncidentType; why: string }[] {
  const found: { type: IncidentType; why: string }[] = [];
  for (const target of view?.snapshot.providers ?? []) {
    if (target.state === "healthy") continue;
    for (const reason of target.reasons) {
      const match = REASON_TYPES.find(([prefix]) => reason.startsWith(prefix));
      if (match !== undefined)
        found.push({ type: match[1], why: `${target.provider} (${target.model}) ${reason}` });
    }
  }
  if (view?.state === "down")
    found.push({ type: "service_down", why: "no provider usable: the router is down" });
  const { calls, inputs } = window;
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  if (inputs.llmP95Ms !== null && inputs.llmP95Ms > SLOW_LLM_P95_MS) {
    found.push({
      type: "high_latency",
      why: `LLM calls' p95 ${(inputs.llmP95Ms / 1000).toFixed(1)} s > 5 s`,
    });
  }
  const checks: [IncidentType, number, number, string][] = [
    ["high_latency", share(calls.timeouts, calls.calls), thresholds.timeoutRate, "timeouts"],
    ["rate_limiting", share(calls.rateLimited, calls.calls), thresholds.rateLimitRate, "429s"],
    [
      "low_quality",
      share(calls.invalidAnswers, calls.answers),
      thresholds.invalidJsonRate,
      "invalid answers",
    ],
    [
      "service_down",
      share(calls.failures, calls.calls),
      thresholds.serverErrorRate,
      "5xx and connection errors",
    ],
  ];
  for (const [type, rate, limit, what] of checks) {
    if (rate > limit) found.push({ type, why: `${what} ${percent(rate)} of LLM calls > ${percent(limit)}` });
  }
  return found;
}

/** The providers and models the router reads out of healthy. */
export function involvedOf(view: RouterView | null): ProviderModel[] {
  return (view?.snapshot.providers ?? [])
    .filter((target) => target.state !== "healthy")
    .map(({ provider, model }) => ({ provider, model }));
}

/** When the router last told of a breaker opening or a 429 pause, per configured target. */
export interface TargetEvents {
  breakerOpenedAt?: number;
  rateLimitedAt?: number;
}

/**
 * The mitigations in force or done since `since` (when the router left healthy), each with its time: the
 * router's event when it told of one, else `now`. Operators' own changes (conservation set by hand, forced
 * degraded mode) are not the service's and are left out.
 */
export function mitigationsOf(input: {
  view: RouterView | null;
  events: ReadonlyMap<string, TargetEvents>;
  since: number;
  now: number;
  failover: { to: ProviderModel; from: readonly ProviderModel[] } | null;
  answeredByRules: number;
}): Mitigation[] {
  const { view, events, since, now } = input;
  const found: Mitigation[] = [];
  const add = (kind: MitigationKind, at: number, detail: string, target?: ProviderModel) =>
    found.push({
      kind,
      at: new Date(at).toISOString(),
      detail,
      ...(target ? { provider: target.provider, model: target.model } : {}),
    });
  const recent = (at: number | undefined) => (at !== undefined && at >= since ? at : undefined);
  for (const target of view?.snapshot.providers ?? []) {
    const told = events.get(targetKey(target)) ?? {};
    const opened = recent(told.breakerOpenedAt);
    if (target.breaker !== "closed" || opened !== undefined) {
      add("breaker_opened", opened ?? now, `${name(target)}: circuit breaker opened`, target);
    }
    const paused = recent(told.rateLimitedAt);
    if (target.pausedUntil !== null || paused !== undefined) {
      add("rate_limit_pause", paused ?? now, `${name(target)}: calls paused after 429s`, target);
    }
  }
  if (input.failover !== null) {
    const from = input.failover.from.map(name).join(", ");
    add(
      "failover",
      now,
      `requests answered by ${name(input.failover.to)} instead of ${from}`,
      input.failover.to,
    );
  }
  const snapshot = view?.snapshot;
  if (
    snapshot?.conservation &&
    (snapshot.conservationReason === "rate_limit" || snapshot.conservationReason === "budget")
  ) {
    add(
      "conservation_on",
      now,
      `conservation mode on (${snapshot.conservationReason === "budget" ? "daily budget" : "near the rate limits"}): short prompt, fewer output tokens, longer cache`,
    );
  }
  if (view?.state === "degraded" && !view.snapshot.forcedDegraded) {
    add(
      "degraded_sequence",
      now,
      "every usable provider degraded: the minimal sequence (Parsing, Temporal, Validation)",
    );
  }
  if (view?.state === "down" || input.answeredByRules > 0) {
    add("rules_fallback", now, "requests read by the rules parser instead of an LLM");
  }
  return found;
}

function name(target: ProviderModel): string {
  return `${target.provider} (${target.model})`;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}

/**
 * Healthy: the router reads healthy and so does every provider and model it routes to. A primary that is
 * slow, rate limited or answering badly behind healthy failovers leaves the router "healthy" (it still has
 * a healthy provider) but is the runbooks' incident all the same.
 */
export function viewHealthy(view: RouterView | null): boolean {
  if (view === null) return true;
  return (
    view.state === "healthy" &&
    view.snapshot.providers.every((target) => target.weight === 0 || target.state === "healthy")
  );
}

/** The router's targets, as providers and models. */
export function providersOf(snapshot: RouterSnapshot): ProviderModel[] {
  return snapshot.providers.map(({ provider, model }) => ({ provider, model }));
}
