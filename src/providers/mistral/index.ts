// Mistral, on the official @mistralai/mistralai chat API. Structured output uses `response_format` with a
// JSON Schema (Mistral's custom structured outputs), which every current chat model accepts.
import { HTTPClient, Mistral } from "@mistralai/mistralai";
import type { ChatCompletionRequest, ChatCompletionResponse } from "@mistralai/mistralai/models/components";
import {
  ConnectionError,
  MistralError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
} from "@mistralai/mistralai/models/errors";
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

const NAME = "mistral";

export function createMistralProvider(
  settings: ProviderSettings,
  options: ProviderOptions = {},
): LlmProvider {
  const httpClient = new HTTPClient(options.fetch === undefined ? {} : { fetcher: options.fetch });
  const client = new Mistral({
    apiKey: settings.apiKey,
    serverURL: settings.baseUrl,
    // The router owns retries; chat completion does not retry by default, and this keeps it that way.
    retryConfig: { strategy: "none" },
    httpClient,
  });
  const headersOf = answerHeaders(httpClient);

  return {
    name: NAME,
    model: settings.model,
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      let response: ChatCompletionResponse;
      const answered = headersOf(request.requestId);
      try {
        // The caller's signal also replaces the SDK's own per-request timeout (it only applies without one).
        response = await client.chat.complete(body(request), {
          signal: request.signal,
          headers: { "X-Request-Id": request.requestId },
          retries: { strategy: "none" },
        });
      } catch (error) {
        throw toProviderError(error, request.signal);
      } finally {
        answered.stop();
      }
      return { ...readResponse(response, request), rateLimit: readRateLimit(answered.headers()) };
    },
  };
}

/**
 * The SDK hands back no response headers (mistralai/client-ts#169), so a response hook keeps them for the
 * call that sent the request id; two calls with one id (never the case: a re-ask waits for its answer) would
 * both read the same provider's window anyway.
 */
function answerHeaders(httpClient: HTTPClient) {
  const listening = new Map<string, (headers: Headers) => void>();
  httpClient.addHook("response", (response, sent) => {
    listening.get(sent.headers.get("x-request-id") ?? "")?.(response.headers);
  });
  return (requestId: string) => {
    let received: Headers | null = null;
    listening.set(requestId, (headers) => {
      received = headers;
    });
    return { headers: () => received, stop: () => listening.delete(requestId) };
  };
}

function body(request: CompletionRequest): ChatCompletionRequest {
  const { schema } = request;
  return {
    model: request.model,
    maxTokens: request.maxTokens,
    temperature: request.temperature,
    messages: [
      { role: "system", content: request.system },
      { role: "user", content: request.user },
    ],
    responseFormat: {
      type: "json_schema",
      // Not `strict`: strict mode rejects schemas with optional properties; validation happens after.
      jsonSchema: {
        name: schema.name,
        description: schema.description,
        schemaDefinition: schema.jsonSchema,
        strict: false,
      },
    },
  };
}

function readResponse(response: ChatCompletionResponse, request: CompletionRequest): CompletionResult {
  const choice = response.choices[0];
  if (choice?.message === undefined) throw invalidOutput(NAME, "no choices in the response");
  const { content } = choice.message;
  // JSON mode answers in the message content: a string, or text chunks from models that mix in others.
  const text =
    typeof content === "string"
      ? content
      : (content ?? []).flatMap((chunk) => (chunk.type === "text" ? [chunk.text] : [])).join("");
  return {
    text,
    provider: NAME,
    model: response.model !== "" ? response.model : request.model,
    usage: {
      inputTokens: response.usage.promptTokens ?? 0,
      outputTokens: response.usage.completionTokens ?? 0,
    },
    finishReason: FINISH_REASONS[choice.finishReason] ?? "other",
  };
}

const FINISH_REASONS: Record<string, CompletionResult["finishReason"]> = {
  stop: "stop",
  length: "length",
  model_length: "length",
  tool_calls: "tool",
};

function toProviderError(error: unknown, signal: AbortSignal): ProviderError {
  if (error instanceof RequestAbortedError) return errorFromFailure(NAME, error, signal);
  if (error instanceof RequestTimeoutError) return errorFromFailure(NAME, error, signal, "timeout");
  if (error instanceof ConnectionError) return errorFromFailure(NAME, error, signal, "connection");
  // A 2xx body the SDK could not read as a chat completion.
  if (error instanceof ResponseValidationError) return invalidOutput(NAME, "not a chat completion");
  if (error instanceof MistralError) {
    return errorFromResponse(NAME, {
      status: error.statusCode,
      headers: error.headers,
      hints: hints(error.body),
    });
  }
  return errorFromFailure(NAME, error, signal);
}

/** Mistral's error body: `{"object":"error","message":…,"type":…,"code":…}`, read only to classify. */
function hints(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const error = typeof parsed.error === "object" && parsed.error !== null ? parsed.error : parsed;
    return ["message", "type", "code"].map((field) => {
      const value = (error as Record<string, unknown>)[field];
      return typeof value === "string" ? value : JSON.stringify(value ?? null);
    });
  } catch {
    return [body.slice(0, 500)];
  }
}
