// Qwen through DashScope's OpenAI-compatible mode: OpenAI's wire with DashScope's error codes.
import { chatCompletionsDialect } from "./chat-completions.js";
import type { Dialect, ErrorKind, Identity } from "./dialect.js";

const ERRORS: Record<ErrorKind, [string, string]> = {
  rateLimit: ["limit_requests", "Requests rate limit exceeded, please try again later."],
  serverError: [
    "internal_error",
    "An internal error has occured, please try again later or contact service support.",
  ],
  badGateway: ["internal_error", "Bad gateway."],
  unavailable: ["ServiceUnavailable", "The service is temporarily unavailable, please try again later."],
  overloaded: ["ServiceUnavailable", "The model is overloaded, please try again later."],
  contextLength: ["invalid_parameter_error", "Range of input length should be [1, 129024]"],
  contentPolicy: ["data_inspection_failed", "Input data may contain inappropriate content."],
  unauthorized: ["invalid_api_key", "Incorrect API key provided. "],
  badRequest: ["invalid_parameter_error", "Invalid parameter."],
};

function dashScopeError(
  kind: ErrorKind,
  message: string | null,
  _prompt: number,
  identity: Identity,
): unknown {
  const [code, text] = ERRORS[kind];
  const type = kind === "contextLength" || kind === "badRequest" ? "invalid_request_error" : code;
  return { error: { message: message ?? text, type, param: null, code }, request_id: identity.requestId };
}

export function qwenDialect(): Dialect {
  return chatCompletionsDialect({
    provider: "qwen",
    errorBody: dashScopeError,
    forcedToolFinish: "tool_calls",
    responseExtras: { system_fingerprint: null },
  });
}
