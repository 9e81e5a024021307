// The model registry: per agent, a baseline (the router's own choice of provider and model) and optionally
// a fine-tuned model rolled out to a percentage of users (agent-models.ts), each request assigned a
// variant (assignment.ts). Each variant's calls and answers are compared over a rolling window
// (variant-statistics.ts); with `autoRollback`, a fine-tuned variant significantly worse than the
// baseline over a minimum sample goes to 0% and the registry says why (rollback.ts).
import type { CallRecord } from "../router/router.js";
import {
  type AgentModels,
  type AgentModelsUpdate,
  applyUpdate,
  type GenerationSettings,
  initialModels,
  REGISTRY_AGENTS,
  type RegistryAgent,
  type RegistryConfig,
  type Variant,
} from "./agent-models.js";
import { type Assignment, assign } from "./assignment.js";
import { worseBy } from "./rollback.js";
import { type VariantFigures, VariantStatistics } from "./variant-statistics.js";

export {
  type AgentModels,
  AgentModelsSchema,
  type AgentModelsUpdate,
  type GenerationSettings,
  REGISTRY_AGENTS,
  type RegistryAgent,
  type RegistryConfig,
  RegistryConfigSchema,
  type Variant,
} from "./agent-models.js";
export { type Assignment, bucketOf } from "./assignment.js";
export type { VariantFigures } from "./variant-statistics.js";

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

export class ModelRegistry {
  readonly #agents = new Map<RegistryAgent, AgentModels>();
  readonly #statistics: VariantStatistics;
  readonly #minSamples: number;
  readonly #clock: () => number;

  constructor(
    config: RegistryConfig,
    private readonly options: RegistryOptions,
  ) {
    this.#clock = options.clock ?? Date.now;
    this.#statistics = new VariantStatistics(options.windowMs ?? 3_600_000, this.#clock);
    this.#minSamples = options.rollbackMinSamples ?? 50;
    for (const agent of REGISTRY_AGENTS) {
      this.#agents.set(agent, initialModels(options.defaults));
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
    this.#agents.set(agent, applyUpdate(this.#agents.get(agent)!, change));
    return this.get(agent);
  }

  /** The variant for a request of `agent` by `subject` (a user or session id, or null). */
  assign(agent: RegistryAgent, subject: string | null): Assignment {
    return assign(agent, this.#agents.get(agent)!, subject);
  }

  /** Which variant a provider and model serve for an agent: the fine-tuned one, or the baseline. */
  variantOf(agent: RegistryAgent, provider: string, model: string): Variant {
    const finetuned = this.#agents.get(agent)!.finetuned;
    return finetuned !== null && finetuned.provider === provider && finetuned.model === model
      ? "finetuned"
      : "baseline";
  }

  /** A provider call of the agent (the router's CallRecord); a cancelled one says nothing. */
  recordCall(agent: RegistryAgent, call: CallRecord): void {
    if (call.outcome === "cancelled") return;
    this.#statistics.recordCall(agent, this.variantOf(agent, call.provider, call.model), call);
    this.#judge(agent);
  }

  /** The confidence credited to an answer of the agent's provider and model. */
  recordConfidence(agent: RegistryAgent, provider: string, model: string, value: number): void {
    this.#statistics.recordConfidence(agent, this.variantOf(agent, provider, model), value);
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
          baseline: this.#statistics.figures(agent, "baseline"),
          finetuned: this.#statistics.figures(agent, "finetuned"),
        },
      };
    }
    return { windowMs: this.#statistics.windowMs, agents };
  }

  /** Rolls the fine-tuned variant back when it is significantly worse than the baseline. */
  #judge(agent: RegistryAgent): void {
    const models = this.#agents.get(agent)!;
    if (!models.autoRollback || models.finetuned === null || models.rolloutPercent === 0) return;
    const reason = worseBy(
      this.#statistics.window(agent, "finetuned"),
      this.#statistics.window(agent, "baseline"),
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
