// Qwen on Alibaba Cloud Model Studio (DashScope), through its OpenAI-compatible mode
// (`…/compatible-mode/v1`) and the shared chat-completions base. DashScope accepts a JSON Schema in
// `response_format` only on some qwen-plus snapshots, while function calling with a named `tool_choice`
// works across the Qwen family in non-thinking mode, so the schema is sent as one forced tool.
import { chatCompletionsFactory } from "../openai-compatible/index.js";

export const createQwenProvider = chatCompletionsFactory("qwen", {
  structuredOutput: "tool",
  maxTokensField: "max_tokens",
});
