// The model registry: per agent, a baseline (the router's own choice of provider and model) and optionally
// a fine-tuned model rolled out to a percentage of users. The assignment is sticky: a hash of the agent and
// the user or session id puts each user in one of 10 000 buckets, so a user keeps their variant while the
// rollout stands, and raising the percentage only adds users. `useFinetuned: false` is the kill switch,
// read on every request. Each variant's calls and answers are compared over a rolling window; with
// `autoRollback`, a fine-tuned variant whose error rate or confidence is significantly worse than the
// baseline's over a minimum sample goes to 0% and the registry says why.
//
// Only the Parsing agent calls an LLM today, so it is the only agent the registry accepts.
import { z } from "zod";
import { type ProviderName, ProviderNameSchema } from "../providers/types.js";
import type { CallRecord } from "../router/router.js";
import { dropBefore, mean, percentile } from "../stats.js";

export const REGISTRY_AGENTS = ["parsing"] as const;
export type RegistryAgent = (typeof REGISTRY_AGENTS)[number];
export type Variant = "baseline" | "finetuned";

const Generation = {
  maxTokens: z.number().int().min(16).max(4096).optional(),
  temperature: z.number().min(0).max(2).optional(),
};

export const AgentModelsSchema = z
  .strictObject({
    baseline: z.strictObject(Generation).optional(),
    finetuned: z
      .strictObject({ provider: ProviderNameSchema, model: z.string().min(1).max(200), ...Generation })
      .nullable()
      .optional(),
    rolloutPercent: z.number().min(0).max(100).optional(),
    useFinetuned: z.boolean().optional(),
    autoRollback: z.boolean().optional(),
  })
  .meta({ id: "AgentModels" });

export const RegistryConfigSchema = z.partialRecord(z.enum(REGISTRY_AGENTS), AgentModelsSchema);
export type RegistryConfig = z.infer<typeof RegistryConfigSchema>;
export type AgentModelsUpdate = z.infer<typeof AgentModelsSchema>;

export interface GenerationSettings {
  maxTokens: number;
  temperature: number;
}

export interface AgentModels {
  baseline: GenerationSettings;
  finetuned: (GenerationSettings & { provider: ProviderName; model: string }) | null;
  rolloutPercent: number;
  useFinetuned: boolean;
  autoRollback: boolean;
  /** Set when an automatic rollback took the fine-tuned variant to 0%. */
  rolledBack: { at: string; reason: string } | null;
}

/** What a request of an agent uses. */
export interface Assignment {
  variant: Variant;
  /** The model to try first (the fine-tuned one), or none: the router chooses. */
  pin: { provider: ProviderName; model: string } | null;
  maxTokens: number;
  temperature: number;
}

export interface RegistryOptions {
  /** Defaults for every agent's baseline. */
  defaults: GenerationSettings;
  windowMs?: number;
  /** Calls each variant needs in the window before a rollback is judged. */
  rollbackMinSamples?: number;
  clock?: () => number;
  /** Told about every automatic rollback. */
  onRollback?: (agent: RegistryAgent, reason: string) => void;
}

interface CallSample {
  at: number;
  latencyMs: number;
  error: boolean;
  answers: number;
  invalid: number;
  costUsd: number;
}

interface VariantWindow {
  calls: CallSample[];
  confidences: { at: number; value: number }[];
}

export interface VariantFigures {
  requests: number;
  p50Ms: number | null;
  p95Ms: number | null;
  errorRate: number;
  invalidJsonRate: number;
  meanConfidence: number | null;
  costUsd: number;
}

/** One-sided z (or t) past which "significantly worse" holds: about 99%. */
const SIGNIFICANT = 2.33;
/** And the difference must matter: 5 points of error rate, 0.05 of confidence. */
const MIN_ERROR_GAP = 0.05;
const MIN_CONFIDENCE_GAP = 0.05;
const MAX_SAMPLES = 5000;

export class ModelRegistry {
  readonly #agents = new Map<RegistryAgent, AgentModels>();
  readonly #windows = new Map<string, VariantWindow>();
  readonly #windowMs: number;
  readonly #minSamples: number;
  readonly #clock: () => number;

  constructor(
    config: RegistryConfig,
    private readonly options: RegistryOptions,
  ) {
    this.#windowMs = options.windowMs ?? 3_600_000;
    this.#minSamples = options.rollbackMinSamples ?? 50;
    this.#clock = options.clock ?? Date.now;
    for (const agent of REGISTRY_AGENTS) {
      this.#agents.set(agent, {
        baseline: { ...options.defaults },
        finetuned: null,
        rolloutPercent: 0,
        useFinetuned: true,
        autoRollback: true,
        rolledBack: null,
      });
      const entry = config[agent];
      if (entry !== undefined) this.update(agent, entry);
    }
  }

  get(agent: RegistryAgent): AgentModels {
    return structuredClone(this.#agents.get(agent)!);
  }

  all(): Record<RegistryAgent, AgentModels> {
    return Object.fromEntries(REGISTRY_AGENTS.map((agent) => [agent, this.get(agent)])) as Record<
      RegistryAgent,
      AgentModels
    >;
  }

  /** Applies a partial change (configuration at start, or the admin API). A new rollout clears a rollback. */
  update(agent: RegistryAgent, change: AgentModelsUpdate): AgentModels {
    const current = this.#agents.get(agent)!;
    const next: AgentModels = { ...current, baseline: { ...current.baseline, ...change.baseline } };
    if (change.finetuned === null) next.finetuned = null;
    else if (change.finetuned !== undefined) {
      next.finetuned = {
        maxTokens: change.finetuned.maxTokens ?? current.finetuned?.maxTokens ?? next.baseline.maxTokens,
        temperature:
          change.finetuned.temperature ?? current.finetuned?.temperature ?? next.baseline.temperature,
        provider: change.finetuned.provider,
        model: change.finetuned.model,
      };
    }
    if (change.rolloutPercent !== undefined) {
      next.rolloutPercent = change.rolloutPercent;
      next.rolledBack = null;
    }
    if (change.useFinetuned !== undefined) next.useFinetuned = change.useFinetuned;
    if (change.autoRollback !== undefined) next.autoRollback = change.autoRollback;
    this.#agents.set(agent, next);
    return this.get(agent);
  }

  /**
   * The variant for a request: fine-tuned when one is set, the kill switch is off and the subject's bucket
   * falls under the rollout. Without a subject (no user or session id) each request draws its own bucket.
   */
  assign(agent: RegistryAgent, subject: string | null): Assignment {
    const models = this.#agents.get(agent)!;
    const finetuned = models.finetuned;
    const bucket = subject === null ? Math.random() * 100 : bucketOf(`${agent}:${subject}`);
    if (finetuned !== null && models.useFinetuned && bucket < models.rolloutPercent) {
      return {
        variant: "finetuned",
        pin: { provider: finetuned.provider, model: finetuned.model },
        maxTokens: finetuned.maxTokens,
        temperature: finetuned.temperature,
      };
    }
    return { variant: "baseline", pin: null, ...models.baseline };
  }

  /** Which variant a provider and model serve for an agent: the fine-tuned one, or the baseline. */
  variantOf(agent: RegistryAgent, provider: string, model: string): Variant {
    const finetuned = this.#agents.get(agent)!.finetuned;
    return finetuned !== null && finetuned.provider === provider && finetuned.model === model
      ? "finetuned"
      : "baseline";
  }

  /** A provider call of the agent (the router's CallRecord). */
  recordCall(agent: RegistryAgent, call: CallRecord): void {
    if (call.outcome === "cancelled") return;
    const variant = this.variantOf(agent, call.provider, call.model);
    const window = this.#window(agent, variant);
    window.calls.push({
      at: this.#clock(),
      latencyMs: call.durationMs,
      error: call.outcome !== "ok",
      answers: call.answers,
      invalid: call.invalidAnswers,
      costUsd: call.costUsd,
    });
    if (window.calls.length > MAX_SAMPLES) window.calls.shift();
    this.#judge(agent);
  }

  /** The confidence credited to an answer of the agent's provider and model. */
  recordConfidence(agent: RegistryAgent, provider: string, model: string, value: number): void {
    const window = this.#window(agent, this.variantOf(agent, provider, model));
    window.confidences.push({ at: this.#clock(), value });
    if (window.confidences.length > MAX_SAMPLES) window.confidences.shift();
    this.#judge(agent);
  }

  /** Each variant's figures over the window, per agent. */
  compare(): {
    windowMs: number;
    agents: Record<string, AgentModels & { variants: Record<Variant, VariantFigures> }>;
  } {
    const agents: Record<string, AgentModels & { variants: Record<Variant, VariantFigures> }> = {};
    for (const agent of REGISTRY_AGENTS) {
      agents[agent] = {
        ...this.get(agent),
        variants: {
          baseline: this.#figures(agent, "baseline"),
          finetuned: this.#figures(agent, "finetuned"),
        },
      };
    }
    return { windowMs: this.#windowMs, agents };
  }

  #window(agent: RegistryAgent, variant: Variant): VariantWindow {
    const key = `${agent}/${variant}`;
    let window = this.#windows.get(key);
    if (window === undefined) {
      window = { calls: [], confidences: [] };
      this.#windows.set(key, window);
    }
    const since = this.#clock() - this.#windowMs;
    window.calls = dropBefore(window.calls, since);
    window.confidences = dropBefore(window.confidences, since);
    return window;
  }

  #figures(agent: RegistryAgent, variant: Variant): VariantFigures {
    const { calls, confidences } = this.#window(agent, variant);
    const latencies = calls.map((call) => call.latencyMs).sort((a, b) => a - b);
    const answers = calls.reduce((sum, call) => sum + call.answers, 0);
    return {
      requests: calls.length,
      p50Ms: latencies.length === 0 ? null : round(percentile(latencies, 0.5)),
      p95Ms: latencies.length === 0 ? null : round(percentile(latencies, 0.95)),
      errorRate: calls.length === 0 ? 0 : calls.filter((call) => call.error).length / calls.length,
      invalidJsonRate: answers === 0 ? 0 : calls.reduce((sum, call) => sum + call.invalid, 0) / answers,
      meanConfidence: confidences.length === 0 ? null : mean(confidences.map((entry) => entry.value)),
      costUsd: Math.round(calls.reduce((sum, call) => sum + call.costUsd, 0) * 1e6) / 1e6,
    };
  }

  /** Rolls the fine-tuned variant back when it is significantly worse than the baseline. */
  #judge(agent: RegistryAgent): void {
    const models = this.#agents.get(agent)!;
    if (!models.autoRollback || models.finetuned === null || models.rolloutPercent === 0) return;
    const reason = worseBy(
      this.#window(agent, "finetuned"),
      this.#window(agent, "baseline"),
      this.#minSamples,
    );
    if (reason === null) return;
    this.#agents.set(agent, {
      ...models,
      rolloutPercent: 0,
      rolledBack: { at: new Date(this.#clock()).toISOString(), reason },
    });
    this.options.onRollback?.(agent, reason);
  }
}

/** Why the fine-tuned window is significantly worse than the baseline's, or null. */
export function worseBy(
  finetuned: VariantWindow,
  baseline: VariantWindow,
  minSamples: number,
): string | null {
  const nf = finetuned.calls.length;
  const nb = baseline.calls.length;
  if (nf >= minSamples && nb >= minSamples) {
    const ef = finetuned.calls.filter((call) => call.error).length;
    const eb = baseline.calls.filter((call) => call.error).length;
    const pf = ef / nf;
    const pb = eb / nb;
    const pooled = (ef + eb) / (nf + nb);
    const spread = Math.sqrt(pooled * (1 - pooled) * (1 / nf + 1 / nb));
    const z = spread === 0 ? 0 : (pf - pb) / spread;
    if (z > SIGNIFICANT && pf - pb >= MIN_ERROR_GAP) {
      return `error rate ${percent(pf)} vs baseline ${percent(pb)} over ${nf} and ${nb} calls (z = ${z.toFixed(1)})`;
    }
  }
  const cf = finetuned.confidences.map((entry) => entry.value);
  const cb = baseline.confidences.map((entry) => entry.value);
  if (cf.length >= minSamples && cb.length >= minSamples) {
    const mf = mean(cf);
    const mb = mean(cb);
    const spread = Math.sqrt(variance(cf, mf) / cf.length + variance(cb, mb) / cb.length);
    const t = spread === 0 ? (mb > mf ? Number.POSITIVE_INFINITY : 0) : (mb - mf) / spread;
    if (t > SIGNIFICANT && mb - mf >= MIN_CONFIDENCE_GAP) {
      return `mean confidence ${mf.toFixed(2)} vs baseline ${mb.toFixed(2)} over ${cf.length} and ${cb.length} answers (t = ${Number.isFinite(t) ? t.toFixed(1) : "∞"})`;
    }
  }
  return null;
}

/** A stable bucket in [0, 100) with two decimals of resolution: FNV-1a over the key. */
export function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  // A final avalanche step (murmur3's fmix32), so keys differing in their last characters spread out.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return ((hash >>> 0) % 10_000) / 100;
}

function variance(values: readonly number[], average: number): number {
  if (values.length < 2) return 0;
  return values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
