// Self-hosted OpenAI-compatible servers (Ollama, vLLM, llama.cpp). They all read `response_format` with a
// JSON Schema (grammar-constrained decoding), while forcing a named tool with `tool_choice` is not honoured
// everywhere (Ollama ignores it), so the schema goes through `response_format`.
import { chatCompletionsFactory } from "./chat-completions.js";

export const createOpenAiCompatibleProvider = chatCompletionsFactory("openai-compatible", {
  structuredOutput: "json_schema",
  maxTokensField: "max_tokens",
});
