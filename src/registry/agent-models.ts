// What the registry holds per agent: the baseline's generation settings, an optional fine-tuned model with
// its rollout percentage, the kill switch (`useFinetuned`) and whether it may roll back by itself; the
// schema a configuration or an admin change is validated with, and how a change applies.
//
// Only the Parsing agent calls an LLM today, so it is the only agent the registry accepts.
import { z } from "zod";
import type { AgentName } from "../coordinator/agent-names.js";
import { type ProviderName, ProviderNameSchema } from "../providers/types.js";

export const REGISTRY_AGENTS = ["parsing"] as const satisfies readonly AgentName[];
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

/** An agent before any configuration: the baseline alone. */
export function initialModels(defaults: GenerationSettings): AgentModels {
  return {
    baseline: { ...defaults },
    finetuned: null,
    rolloutPercent: 0,
    useFinetuned: true,
    autoRollback: true,
    rolledBack: null,
  };
}

/** A partial change applied (configuration at start, or the admin API). A new rollout clears a rollback. */
export function applyUpdate(current: AgentModels, change: AgentModelsUpdate): AgentModels {
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
  return next;
}
