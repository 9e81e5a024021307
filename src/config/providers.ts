// The LLM providers the environment enables, each read with its own variable prefix and defaults
// (src/providers/<name>/defaults.ts, through src/providers/registry.ts), and the settings that name
// providers: the preferred one and the routing weights.
import { PROVIDER_DEFAULTS } from "../providers/registry.js";
import { PROVIDER_NAMES, type ProviderName, type ProviderSettings } from "../providers/types.js";
import { REGISTRY_AGENTS } from "../registry/agent-models.js";
import { ConfigError, type Environment, list, text } from "./environment.js";

/** Agents whose model a provider may override (<PREFIX>_MODEL_<AGENT>): those that call an LLM. */
const AGENTS_WITH_MODELS = REGISTRY_AGENTS.map((agent) => agent.toUpperCase());

/** The enabled providers, in PROVIDER_NAMES order. */
export function readProviders(environment: Environment): ProviderSettings[] {
  const result: ProviderSettings[] = [];
  for (const name of PROVIDER_NAMES) {
    const { environmentPrefix: prefix, baseUrl, model, enabledBy } = PROVIDER_DEFAULTS[name];
    const key = text(environment, `${prefix}_API_KEY`);
    const configuredUrl = text(environment, `${prefix}_BASE_URL`);
    if ((enabledBy === "apiKey" ? key : configuredUrl) === null) continue;
    const url = configuredUrl ?? baseUrl;
    if (url === null || !/^https?:\/\/[^\s]+$/.test(url)) {
      throw new ConfigError(`${prefix}_BASE_URL`, "must be an http(s) URL");
    }
    const chosen = text(environment, `${prefix}_MODEL`) ?? model;
    if (chosen === null) throw new ConfigError(`${prefix}_MODEL`, "must name the model to use");
    const agentModels: Record<string, string> = {};
    for (const agent of AGENTS_WITH_MODELS) {
      const override = text(environment, `${prefix}_MODEL_${agent}`);
      if (override !== null) agentModels[agent.toLowerCase()] = override;
    }
    result.push({ name, apiKey: key ?? "not-needed", baseUrl: url, model: chosen, agentModels });
  }
  return result;
}

export function isProviderName(value: string | undefined): value is ProviderName {
  return PROVIDER_NAMES.includes(value as ProviderName);
}

export function providerName(environment: Environment, name: string): ProviderName | null {
  const value = text(environment, name)?.toLowerCase() ?? null;
  if (value !== null && !isProviderName(value)) {
    throw new ConfigError(name, `must be one of ${PROVIDER_NAMES.join(", ")}`);
  }
  return value;
}

/** LLM_WEIGHTS: "qwen=70,openai=30", routing weights by provider. */
export function weights(environment: Environment, name: string): Record<string, number> {
  const pairs = list(
    environment,
    name,
    /^\s*([a-z][a-z-]{0,30})\s*=\s*(\d{1,4})\s*$/,
    `expected provider=weight pairs such as "qwen=70,openai=30"`,
    (match) => isProviderName(match[1]),
  );
  return Object.fromEntries(pairs.map((match) => [match[1]!, Number(match[2])]));
}
