// Anthropic, on the official @anthropic-ai/sdk Messages API. Structured output is one tool whose
// input_schema is the JSON Schema, forced with `tool_choice: {type: "tool"}`; the answer is that tool_use
// block's input. The API hands the input over already parsed, so it is serialised back to text here and
// validated later like every other provider's answer. The request's temperature is not sent: the current
// Messages API has no sampling parameters.
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from "@anthropic-ai/sdk";
import type {
  Message,
  MessageCreateParamsNonStreaming,
  StopReason,
} from "@anthropic-ai/sdk/resources/messages";
import { errorFromFailure, errorFromResponse, invalidOutput } from "../provider-errors.js";
import { readRateLimit } from "../rate-limit-headers.js";
import type {
  CompletionRequest,
  CompletionResult,
  LlmProvider,
  ProviderError,
  ProviderOptions,
  ProviderSettings,
} from "../types.js";

const NAME = "anthropic";

export function createAnthropicProvider(
  settings: ProviderSettings,
  options: ProviderOptions = {},
): LlmProvider {
  const client = new Anthropic({
    apiKey: settings.apiKey,
    baseURL: settings.baseUrl,
    // The router owns retries and deadlines: one HTTP attempt per call, ended by the caller's signal.
    maxRetries: 0,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });

  return {
    name: NAME,
    model: settings.model,
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      let answered: { data: Message; response: Response };
      try {
        // withResponse: the same single request, with its headers (the rate-limit window) kept as well.
        answered = await client.messages
          .create(body(request), {
            signal: request.signal,
            headers: { "X-Request-Id": request.requestId },
          })
          .withResponse();
      } catch (error) {
        throw toProviderError(error, request.signal);
      }
      return { ...readMessage(answered.data, request), rateLimit: readRateLimit(answered.response.headers) };
    },
  };
}

function body(request: CompletionRequest): MessageCreateParamsNonStreaming {
  const { schema } = request;
  return {
    model: request.model,
    max_tokens: request.maxTokens,
    system: request.system,
    messages: [{ role: "user", content: request.user }],
    tools: [
      {
        name: schema.name,
        description: schema.description,
        input_schema: { type: "object", ...schema.jsonSchema },
      },
    ],
    tool_choice: { type: "tool", name: schema.name },
  };
}

function readMessage(message: Message, request: CompletionRequest): CompletionResult {
  if (typeof message !== "object" || message === null || !Array.isArray(message.content)) {
    throw invalidOutput(NAME, "no content in the response");
  }
  const call = message.content.find((block) => block.type === "tool_use");
  const text =
    call === undefined
      ? message.content.flatMap((block) => (block.type === "text" ? [block.text] : [])).join("")
      : JSON.stringify(call.input ?? null);
  const usage = message.usage;
  return {
    text,
    provider: NAME,
    model: typeof message.model === "string" && message.model !== "" ? message.model : request.model,
    usage: {
      // Cached prompt tokens are reported apart from input_tokens; all of them were read.
      inputTokens:
        (usage?.input_tokens ?? 0) +
        (usage?.cache_creation_input_tokens ?? 0) +
        (usage?.cache_read_input_tokens ?? 0),
      outputTokens: usage?.output_tokens ?? 0,
    },
    finishReason: message.stop_reason === null ? "other" : (STOP_REASONS[message.stop_reason] ?? "other"),
  };
}

const STOP_REASONS: Partial<Record<StopReason, CompletionResult["finishReason"]>> = {
  end_turn: "stop",
  stop_sequence: "stop",
  tool_use: "tool",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  refusal: "content_filter",
};

function toProviderError(error: unknown, signal: AbortSignal): ProviderError {
  if (error instanceof APIUserAbortError) return errorFromFailure(NAME, error, signal);
  if (error instanceof APIConnectionTimeoutError) return errorFromFailure(NAME, error, signal, "timeout");
  if (error instanceof APIConnectionError) return errorFromFailure(NAME, error, signal, "connection");
  if (error instanceof APIError && typeof error.status === "number") {
    return errorFromResponse(NAME, {
      status: error.status,
      headers: error.headers ?? null,
      hints: [error.type, error.errorCode, error.apiMessage],
    });
  }
  return errorFromFailure(NAME, error, signal);
}
