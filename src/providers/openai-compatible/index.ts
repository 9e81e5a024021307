// The OpenAI chat-completions base shared by OpenAI, Qwen and self-hosted servers, and the self-hosted preset.
export { type ChatCompletionsDialect, chatCompletionsFactory } from "./chat-completions.js";
export { createOpenAiCompatibleProvider } from "./openai-compatible-provider.js";
