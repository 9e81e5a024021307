// Builds the configured providers, one per settings entry in the configuration's order. Each provider lives
// in its own folder with its SDK; nothing outside these folders imports an SDK.
import type { ProviderSettings } from "../config.js";
import { createAnthropicProvider } from "./anthropic/index.js";
import { createMistralProvider } from "./mistral/index.js";
import { createOpenAiProvider } from "./openai/index.js";
import { createOpenAiCompatibleProvider } from "./openai-compatible/index.js";
import { createQwenProvider } from "./qwen/index.js";
import type { LlmProvider, ProviderName, ProviderOptions } from "./types.js";

const FACTORIES: Record<ProviderName, (settings: ProviderSettings, options: ProviderOptions) => LlmProvider> =
  {
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
} from "./types.js";
export { isProviderError, ProviderError } from "./types.js";
