// OpenAI, through the shared chat-completions base. Structured output uses `response_format` with a JSON
// Schema (OpenAI's structured outputs), and the limit goes in `max_completion_tokens`, which replaced the
// deprecated `max_tokens` and is the only one reasoning models accept.
import { chatCompletionsFactory } from "../openai-compatible/index.js";

export const createOpenAiProvider = chatCompletionsFactory("openai", {
  structuredOutput: "json_schema",
  maxTokensField: "max_completion_tokens",
});
