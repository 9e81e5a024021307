// OpenAI, through the shared chat-completions base. Structured output uses `response_format` with a JSON
// Schema (OpenAI's structured outputs), and the limit goes in `max_completion_tokens`, which replaced the
// deprecated `max_tokens` and is the only one reasoning models accept.
import type { ProviderSettings } from "../../config.js";
import { createChatCompletionsProvider } from "../openai-compatible/index.js";
import type { LlmProvider, ProviderOptions } from "../types.js";

export function createOpenAiProvider(settings: ProviderSettings, options: ProviderOptions = {}): LlmProvider {
  return createChatCompletionsProvider({
    ...settings,
    ...options,
    name: "openai",
    structuredOutput: "json_schema",
    maxTokensField: "max_completion_tokens",
  });
}
