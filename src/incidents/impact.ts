// What an incident cost users, counted from its start (docs/incidents.md, "Impact"): requests, those read
// by rules or by the minimal sequence, answers lost (5xx), latency against the window before the incident,
// per agent and per variant; and which providers answered, for the failover it shows. Every map is keyed
// by a fixed list (agents, variants, the router's configured targets), never by a client's input.
import { AGENT_NAMES } from "../coordinator/agent-names.js";
import type { CallRecord } from "../router/router.js";
import { LatencySample, latencyOf } from "./latency-sample.js";
import type { RequestCounts } from "./severity.js";
import { type RequestTimings, VARIANTS, type WindowSummary } from "./signal-window.js";
import type { AgentLatency, Impact, ProviderModel, VariantLatency } from "./types.js";

/** Latencies sampled over the incident, for its p95s (the count and mean always cover every one). */
const REQUEST_SAMPLES = 1000;
const AGENT_SAMPLES = 500;

export class IncidentTally {
  readonly #impact: Omit<Impact, "extraLatencyMs">;
  /** The stored figures of an adopted incident, kept until this process has seen requests of its own. */
  readonly #stored: Pick<Impact, "extraLatencyMs">;
  readonly #latency = new LatencySample(REQUEST_SAMPLES);
  readonly #agents = AGENT_NAMES.map(() => new LatencySample(AGENT_SAMPLES));
  readonly #variants = VARIANTS.map(() => new LatencySample(AGENT_SAMPLES));
  /** Answers (calls that ended "ok") per configured target since the incident opened. */
  readonly #answered = new Map<string, number>();

  /** `before`: the window before the incident; `from`: an adopted incident's stored impact. */
  constructor(
    private readonly before: WindowSummary | null,
    from?: Impact,
  ) {
    const { extraLatencyMs, ...counts } = from ?? emptyImpact();
    this.#impact = { ...counts };
    this.#stored = { extraLatencyMs };
  }

  recordRequest(counts: RequestCounts, timings: RequestTimings): void {
    const impact = this.#impact;
    impact.requests++;
    if (counts.wantedLlm) impact.llmWanted++;
    if (counts.answeredByRules) impact.answeredByRules++;
    if (counts.degraded) impact.degradedAnswers++;
    if (counts.serviceError) impact.answersLost++;
    this.#latency.record(timings.latencyMs);
    for (const [index, agent] of AGENT_NAMES.entries()) {
      const ms = timings.agentsMs?.[agent];
      if (typeof ms === "number" && Number.isFinite(ms)) this.#agents[index]!.record(ms);
    }
    if (timings.variant !== undefined)
      this.#variants[VARIANTS.indexOf(timings.variant)]!.record(timings.latencyMs);
  }

  /** `key`: the target's key, already checked to be a configured one. */
  recordAnswer(call: CallRecord, key: string): void {
    if (call.outcome === "ok") this.#answered.set(key, (this.#answered.get(key) ?? 0) + 1);
  }

  /** The target, of those not in `failing`, that answered most since the incident opened; null: none. */
  failoverTarget(failing: readonly ProviderModel[], targets: readonly ProviderModel[]): ProviderModel | null {
    let best: { target: ProviderModel; answers: number } | null = null;
    for (const target of targets) {
      if (failing.some((other) => other.provider === target.provider && other.model === target.model))
        continue;
      const answers = this.#answered.get(targetKey(target)) ?? 0;
      if (answers > 0 && (best === null || answers > best.answers)) best = { target, answers };
    }
    return best?.target ?? null;
  }

  impact(): Impact {
    const during = latencyOf([this.#latency]);
    const before = this.before?.latency;
    if (during.count === 0 || before === undefined) return { ...this.#impact, ...this.#stored };
    const minus = (a: number | null, b: number | null) =>
      a === null || b === null ? null : Math.round(a - b);
    return {
      ...this.#impact,
      extraLatencyMs: { mean: minus(during.meanMs, before.meanMs), p95: minus(during.p95Ms, before.p95Ms) },
    };
  }

  /** Per agent seen since the incident opened; null when this process saw none (an adopted incident). */
  agents(): AgentLatency[] | null {
    return rows(AGENT_NAMES, this.#agents, this.before?.agentsMeanMs ?? {}, (agent, figures) => ({
      agent,
      runs: figures.count,
      ...figures.rounded,
    }));
  }

  variants(): VariantLatency[] | null {
    return rows(VARIANTS, this.#variants, this.before?.variantsMeanMs ?? {}, (variant, figures) => ({
      variant,
      requests: figures.count,
      ...figures.rounded,
    }));
  }
}

/** A row per name with latencies since the start, beside its mean before; null when none has any. */
function rows<Name extends string, Row>(
  names: readonly Name[],
  samples: readonly LatencySample[],
  before: Partial<Record<Name, number>>,
  row: (name: Name, figures: { count: number; rounded: { meanMs: number; p95Ms: number } }) => Row,
): (Row & { baselineMeanMs: number | null })[] | null {
  const found = names.flatMap((name, index) => {
    const figures = latencyOf([samples[index]!]);
    if (figures.count === 0) return [];
    return [
      {
        ...row(name, { count: figures.count, rounded: rounded(figures) }),
        baselineMeanMs: roundOrNull(before[name]),
      },
    ];
  });
  return found.length === 0 ? null : found;
}

export function targetKey(target: ProviderModel): string {
  return `${target.provider}\u0000${target.model}`;
}

export function emptyImpact(): Impact {
  return {
    requests: 0,
    llmWanted: 0,
    answeredByRules: 0,
    degradedAnswers: 0,
    answersLost: 0,
    extraLatencyMs: { mean: null, p95: null },
  };
}

function rounded(figures: { meanMs: number | null; p95Ms: number | null }): {
  meanMs: number;
  p95Ms: number;
} {
  return { meanMs: roundOrNull(figures.meanMs) ?? 0, p95Ms: roundOrNull(figures.p95Ms) ?? 0 };
}

function roundOrNull(ms: number | null | undefined): number | null {
  return ms === null || ms === undefined ? null : Math.round(ms * 10) / 10;
}
