// Builds the router from the configuration: the configured providers, each with its Parsing model, and the
// router settings, weights, preferred provider and conservation mode read at start-up.
import type { Config } from "../config.js";
import type { LlmProvider } from "../providers/types.js";
import type { SharedState } from "../shared/state.js";
import { type CallRecord, type Clock, LlmRouter, type RouterEvent } from "./router.js";

export interface CreateRouterOptions {
  clock?: Clock;
  random?: () => number;
  onEvent?: (event: RouterEvent) => void;
  onCall?: (call: CallRecord) => void;
  onConfidence?: (provider: LlmProvider["name"], model: string, confidence: number) => void;
  shared?: SharedState;
}

/** The router over `providers`, or null when none is configured (every request reads by rules). */
export function createRouter(
  config: Config,
  providers: readonly LlmProvider[],
  options: CreateRouterOptions = {},
): LlmRouter | null {
  if (providers.length === 0) return null;
  return new LlmRouter({
    providers,
    settings: config.llm.router,
    weights: config.llm.weights,
    preferred: config.llm.preferredProvider,
    conservation: config.llm.conservationMode,
    prices: config.llm.prices,
    modelFor: (provider) =>
      config.llm.providers.find((entry) => entry.name === provider.name)?.agentModels.parsing ??
      provider.model,
    ...options,
  });
}

export { LlmRouter, RouterError, type RouterSnapshot, type RouterState } from "./router.js";
