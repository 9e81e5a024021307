// Builds the configured providers, one per settings entry in the configuration's order. Each provider lives
// in its own folder with its SDK (index.ts, its factory) and its defaults (defaults.ts, in ./registry.ts);
// nothing outside these folders imports an SDK.
import { createAnthropicProvider } from "./anthropic/index.js";
import { createMistralProvider } from "./mistral/index.js";
import { createOpenAiProvider } from "./openai/index.js";
import { createOpenAiCompatibleProvider } from "./openai-compatible/index.js";
import { createQwenProvider } from "./qwen/index.js";
import type {
  LlmProvider,
  ProviderFactory,
  ProviderName,
  ProviderOptions,
  ProviderSettings,
} from "./types.js";

const FACTORIES: Readonly<Record<ProviderName, ProviderFactory>> = {
  qwen: createQwenProvider,
  openai: createOpenAiProvider,
  anthropic: createAnthropicProvider,
  mistral: createMistralProvider,
  "openai-compatible": createOpenAiCompatibleProvider,
};

export function createProviders(settings: ProviderSettings[], options: ProviderOptions = {}): LlmProvider[] {
  return settings.map((entry) => FACTORIES[entry.name](entry, options));
}

export type {
  CompletionRequest,
  CompletionResult,
  LlmProvider,
  ProviderErrorKind,
  ProviderName,
  ProviderOptions,
  ProviderSettings,
} from "./types.js";
export { isProviderError, ProviderError } from "./types.js";
