// Mistral chat: the chat-completions wire, "any" to force a tool, and Mistral's error bodies.
import { chatCompletionsDialect } from "./chat-completions.js";
import { type Dialect, type ErrorKind, type Identity, isRecord } from "./dialect.js";

const ERRORS: Record<ErrorKind, [string, string, string]> = {
  rateLimit: ["rate_limited", "1300", "Requests rate limit exceeded"],
  serverError: ["internal_server_error", "1000", "Internal server error"],
  badGateway: ["internal_server_error", "1000", "Bad gateway"],
  unavailable: ["service_unavailable", "1000", "Service unavailable."],
  overloaded: ["service_tier_capacity_exceeded", "3505", "Service tier capacity exceeded for this model."],
  contextLength: ["invalid_request_message_error", "3051", ""],
  contentPolicy: ["invalid_request_prompt", "3230", "The prompt was blocked by the moderation system."],
  unauthorized: ["unauthorized", "1000", "Unauthorized"],
  badRequest: ["invalid_request_error", "3000", "Invalid request"],
};

function mistralError(kind: ErrorKind, message: string | null, prompt: number, identity: Identity): unknown {
  if (kind === "unauthorized") return { message: "Unauthorized", request_id: identity.requestId };
  const [type, code, text] = ERRORS[kind];
  const context = `Prompt contains ${prompt} tokens and 0 draft tokens, too large for model with 131072 maximum context length`;
  return {
    object: "error",
    message: message ?? (kind === "contextLength" ? context : text),
    type,
    param: null,
    code,
  };
}

export function mistralDialect(): Dialect {
  return chatCompletionsDialect({
    provider: "mistral",
    errorBody: mistralError,
    forcesTool: (choice) =>
      choice === "any" || choice === "required" || (isRecord(choice) && isRecord(choice.function)),
    forcedToolFinish: "tool_calls",
  });
}
