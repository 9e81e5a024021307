// The chat-completions wire shape shared by OpenAI, DashScope (Qwen), Mistral and self-hosted servers:
// messages in, choices with a message (content or tool calls) and usage out. Each provider supplies its
// own error bodies and the few places where it differs.
import type { ProviderName } from "../../../src/providers/types.js";
import { countTokens } from "../answers.js";
import {
  type Dialect,
  type ErrorKind,
  type Identity,
  isRecord,
  type SimRequest,
  type StructuredMode,
  textOf,
} from "./dialect.js";

export interface ChatCompletionsOptions {
  provider: ProviderName;
  /** The error body for a kind; `prompt` is the request's size for context-length messages. */
  errorBody(kind: ErrorKind, message: string | null, prompt: number, identity: Identity): unknown;
  /** Whether a tool_choice value forces a tool (Mistral also says "any"). */
  forcesTool?: (choice: unknown) => boolean;
  /** The finish reason when a forced tool is called: OpenAI says "stop", Mistral "tool_calls". */
  forcedToolFinish: "stop" | "tool_calls";
  /** Fields only this provider adds to the message or the response. */
  messageExtras?: Record<string, unknown>;
  responseExtras?: Record<string, unknown>;
}

function forcedName(choice: unknown): string | null {
  if (isRecord(choice) && isRecord(choice.function) && typeof choice.function.name === "string") {
    return choice.function.name;
  }
  return null;
}

export function chatCompletionsDialect(options: ChatCompletionsOptions): Dialect {
  const forces =
    options.forcesTool ?? ((choice: unknown) => choice === "required" || forcedName(choice) !== null);
  return {
    provider: options.provider,
    requestIdHeader: "x-request-id",
    checkHeaders: (headers) =>
      /^Bearer \S+/.test(headers.get("authorization") ?? "") ? null : { kind: "unauthorized", message: null },
    parse(body): SimRequest | string {
      if (!isRecord(body) || typeof body.model !== "string") return "you must provide a model parameter";
      if (!Array.isArray(body.messages) || body.messages.length === 0)
        return "messages must be a non-empty array";
      if (body.stream === true) return "stream is not supported by the Cita simulator";
      const messages = body.messages.filter(isRecord);
      const system = messages
        .filter((message) => message.role === "system" || message.role === "developer")
        .map((message) => textOf(message.content))
        .join("\n");
      const user = textOf(messages.findLast((message) => message.role === "user")?.content);
      const tools = Array.isArray(body.tools) ? body.tools.filter(isRecord) : [];
      const format = isRecord(body.response_format) ? body.response_format.type : undefined;
      let mode: StructuredMode = format === "json_object" || format === "json_schema" ? format : "text";
      let tool: SimRequest["tool"] = null;
      if (tools.length > 0 && body.tool_choice !== "none") {
        const first = isRecord(tools[0]!.function) ? String(tools[0]!.function.name) : "extract";
        tool = { name: forcedName(body.tool_choice) ?? first, forced: forces(body.tool_choice) };
        mode = "tool";
      }
      const maxTokens = body.max_completion_tokens ?? body.max_tokens;
      return {
        model: body.model,
        system,
        user,
        maxTokens: typeof maxTokens === "number" ? maxTokens : null,
        mode,
        tool,
        prefill: "",
        promptTokens: countTokens(system) + countTokens(user) + 8,
      };
    },
    success(request, answer, identity) {
      const toolCall = request.tool !== null && answer.text !== "";
      const finish =
        answer.finish === "length"
          ? "length"
          : toolCall
            ? request.tool!.forced
              ? options.forcedToolFinish
              : "tool_calls"
            : "stop";
      const message = toolCall
        ? {
            role: "assistant",
            content: null,
            tool_calls: [
              {
                id: `call_${identity.id.slice(0, 24)}`,
                type: "function",
                function: { name: request.tool!.name, arguments: answer.text },
              },
            ],
          }
        : { role: "assistant", content: answer.text };
      return {
        id: `chatcmpl-${identity.id}`,
        object: "chat.completion",
        created: identity.created,
        model: request.model,
        choices: [
          {
            index: 0,
            message: { ...message, ...options.messageExtras },
            finish_reason: finish,
            logprobs: null,
          },
        ],
        usage: {
          prompt_tokens: request.promptTokens,
          completion_tokens: answer.outputTokens,
          total_tokens: request.promptTokens + answer.outputTokens,
        },
        ...options.responseExtras,
      };
    },
    error: (kind, message, request, identity) =>
      options.errorBody(kind, message, (request?.promptTokens ?? 0) + 128_000, identity),
  };
}
