// What the environment says of models rather than providers: their prices (LLM_PRICES, over the defaults)
// and the model registry's variants and rollouts (MODEL_REGISTRY).
import { DEFAULT_PRICES } from "../metrics/prices.js";
import type { ModelPrice, ProviderSettings } from "../providers/types.js";
import { type RegistryConfig, RegistryConfigSchema } from "../registry/agent-models.js";
import { ConfigError, type Environment, list, text } from "./environment.js";

/** LLM_PRICES, "qwen-plus=0.4/1.2,my-model=0/0": USD per million input/output tokens, over the defaults. */
export function prices(environment: Environment, name: string): Record<string, ModelPrice> {
  const entries = list(
    environment,
    name,
    /^\s*([A-Za-z0-9._:/-]{1,100})\s*=\s*(\d{1,6}(?:\.\d{1,6})?)\s*\/\s*(\d{1,6}(?:\.\d{1,6})?)\s*$/,
    `expected model=input/output USD per million tokens, such as "qwen-plus=0.4/1.2"`,
  );
  return {
    ...DEFAULT_PRICES,
    ...Object.fromEntries(
      entries.map((match) => [match[1]!, { input: Number(match[2]), output: Number(match[3]) }]),
    ),
  };
}

/** MODEL_REGISTRY: JSON such as {"parsing": {"finetuned": {"provider": "qwen", "model": "…"}, "rolloutPercent": 10}}. */
export function registry(
  environment: Environment,
  name: string,
  enabled: readonly ProviderSettings[],
): RegistryConfig {
  const value = text(environment, name);
  if (value === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new ConfigError(name, "must be JSON");
  }
  const result = RegistryConfigSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(name, `${issue.path.join(".") || "value"}: ${issue.message}`);
  }
  for (const [agent, entry] of Object.entries(result.data)) {
    const provider = entry?.finetuned?.provider;
    if (provider !== undefined && !enabled.some((settings) => settings.name === provider)) {
      throw new ConfigError(name, `${agent}.finetuned.provider: ${provider} is not configured`);
    }
  }
  return result.data;
}
