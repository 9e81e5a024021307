// OpenAI chat completions, and the same wire for self-hosted OpenAI-compatible servers.
import type { ProviderName } from "../../../src/providers/types.js";
import { chatCompletionsDialect } from "./chat-completions.js";
import type { Dialect, ErrorKind } from "./dialect.js";

function openAiError(kind: ErrorKind, message: string | null, prompt: number): unknown {
  const error = (text: string, type: string, code: string | null, param: string | null = null) => ({
    error: { message: message ?? text, type, param, code },
  });
  switch (kind) {
    case "rateLimit":
      return error(
        "Rate limit reached for requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 120ms.",
        "requests",
        "rate_limit_exceeded",
      );
    case "contextLength":
      return error(
        `This model's maximum context length is 128000 tokens. However, your messages resulted in ${prompt} tokens. Please reduce the length of the messages.`,
        "invalid_request_error",
        "context_length_exceeded",
        "messages",
      );
    case "contentPolicy":
      return error(
        "Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.",
        "invalid_request_error",
        "content_policy_violation",
      );
    case "unauthorized":
      return error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
    case "badRequest":
      return error("Invalid request.", "invalid_request_error", null);
    case "unavailable":
    case "overloaded":
      return error("The engine is currently overloaded, please try again later.", "server_error", null);
    default:
      return error(
        "The server had an error while processing your request. Sorry about that!",
        "server_error",
        null,
      );
  }
}

export function openAiDialect(provider: ProviderName = "openai"): Dialect {
  return chatCompletionsDialect({
    provider,
    errorBody: openAiError,
    forcedToolFinish: "stop",
    messageExtras: { refusal: null, annotations: [] },
    responseExtras: { service_tier: "default", system_fingerprint: "fp_cita_sim" },
  });
}
