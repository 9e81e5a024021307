// Qwen on Alibaba Cloud Model Studio (DashScope), through its OpenAI-compatible mode
// (`…/compatible-mode/v1`) and the shared chat-completions base. DashScope accepts a JSON Schema in
// `response_format` only on some qwen-plus snapshots, while function calling with a named `tool_choice`
// works across the Qwen family in non-thinking mode, so the schema is sent as one forced tool.
import type { ProviderSettings } from "../../config.js";
import { createChatCompletionsProvider } from "../openai-compatible/index.js";
import type { LlmProvider, ProviderOptions } from "../types.js";

export function createQwenProvider(settings: ProviderSettings, options: ProviderOptions = {}): LlmProvider {
  return createChatCompletionsProvider({
    ...settings,
    ...options,
    name: "qwen",
    structuredOutput: "tool",
    maxTokensField: "max_tokens",
  });
}
