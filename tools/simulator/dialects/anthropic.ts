// Anthropic Messages: system apart from the messages, tool use as a `tool_use` content block, structured
// output through `output_config.format`, prefill continued, and Anthropic's error envelope.
import { countTokens } from "../answers.js";
import {
  type Dialect,
  type ErrorKind,
  isRecord,
  type SimRequest,
  type StructuredMode,
  textOf,
} from "./dialect.js";

const ERRORS: Record<ErrorKind, [string, string]> = {
  rateLimit: [
    "rate_limit_error",
    "This request would exceed the rate limit for your organization of 50 requests per minute.",
  ],
  serverError: ["api_error", "Internal server error"],
  badGateway: ["api_error", "Bad gateway"],
  unavailable: ["api_error", "Service unavailable"],
  overloaded: ["overloaded_error", "Overloaded"],
  contextLength: ["invalid_request_error", ""],
  contentPolicy: ["invalid_request_error", "Output blocked by content filtering policy"],
  unauthorized: ["authentication_error", "invalid x-api-key"],
  badRequest: ["invalid_request_error", "Invalid request"],
};

function structuredMode(body: Record<string, unknown>): StructuredMode {
  const config = isRecord(body.output_config) ? body.output_config.format : body.output_format;
  return isRecord(config) && config.type === "json_schema" ? "json_schema" : "text";
}

export function anthropicDialect(): Dialect {
  return {
    provider: "anthropic",
    requestIdHeader: "request-id",
    checkHeaders(headers) {
      if (!headers.get("x-api-key") && !/^Bearer \S+/.test(headers.get("authorization") ?? "")) {
        return { kind: "unauthorized", message: null };
      }
      if (!headers.get("anthropic-version")) {
        return { kind: "badRequest", message: "anthropic-version: header is required" };
      }
      return null;
    },
    parse(body): SimRequest | string {
      if (!isRecord(body) || typeof body.model !== "string") return "model: Field required";
      if (typeof body.max_tokens !== "number") return "max_tokens: Field required";
      if (!Array.isArray(body.messages) || body.messages.length === 0) return "messages: Field required";
      if (body.stream === true) return "stream is not supported by the Cita simulator";
      const messages = body.messages.filter(isRecord);
      const last = messages[messages.length - 1];
      const system = textOf(body.system);
      const user = textOf(messages.findLast((message) => message.role === "user")?.content);
      const tools = Array.isArray(body.tools) ? body.tools.filter(isRecord) : [];
      const choice = isRecord(body.tool_choice) ? body.tool_choice : { type: "auto" };
      const useTool = tools.length > 0 && choice.type !== "none";
      const named = choice.type === "tool" && typeof choice.name === "string" ? choice.name : null;
      return {
        model: body.model,
        system,
        user,
        maxTokens: body.max_tokens,
        mode: useTool ? "tool" : structuredMode(body),
        tool: useTool
          ? { name: named ?? String(tools[0]!.name), forced: choice.type === "tool" || choice.type === "any" }
          : null,
        prefill: last?.role === "assistant" ? textOf(last.content) : "",
        promptTokens: countTokens(system) + countTokens(user) + 8,
      };
    },
    success(request, answer, identity) {
      const toolUse = request.tool !== null && answer.value !== null;
      const text =
        request.prefill !== "" && answer.text.startsWith(request.prefill)
          ? answer.text.slice(request.prefill.length)
          : answer.text;
      const content = toolUse
        ? [
            {
              type: "tool_use",
              id: `toolu_${identity.id.slice(0, 24)}`,
              name: request.tool!.name,
              input: answer.value,
            },
          ]
        : text === ""
          ? []
          : [{ type: "text", text }];
      return {
        id: `msg_${identity.id.slice(0, 24)}`,
        type: "message",
        role: "assistant",
        model: request.model,
        content,
        stop_reason: answer.finish === "length" ? "max_tokens" : toolUse ? "tool_use" : "end_turn",
        stop_sequence: null,
        usage: {
          input_tokens: request.promptTokens,
          output_tokens: answer.outputTokens,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          service_tier: "standard",
        },
      };
    },
    error(kind, message, request, identity) {
      const [type, text] = ERRORS[kind];
      const prompt = (request?.promptTokens ?? 0) + 200_000;
      const tooLong = `prompt is too long: ${prompt} tokens > 200000 maximum`;
      return {
        type: "error",
        error: { type, message: message ?? (kind === "contextLength" ? tooLong : text) },
        request_id: identity.requestId,
      };
    },
  };
}
