// The shared base for every provider that speaks OpenAI chat completions (OpenAI itself, Qwen on DashScope's
// compatible mode, self-hosted Ollama, vLLM and llama.cpp), on the official openai SDK. Providers differ only
// in the plain configuration object: where the server is, how structured output is asked for, and which
// field carries the token limit.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from "openai/resources/chat/completions";
import { errorFromFailure, errorFromResponse, invalidOutput } from "../provider-errors.js";
import { readRateLimit } from "../rate-limit-headers.js";
import type {
  CompletionRequest,
  CompletionResult,
  LlmProvider,
  ProviderError,
  ProviderFactory,
  ProviderName,
  ProviderOptions,
  ProviderSettings,
} from "../types.js";

/** How a server speaks chat completions: what differs between OpenAI, Qwen and self-hosted servers. */
export interface ChatCompletionsDialect {
  /**
   * How the JSON Schema is sent. `tool`: one function whose parameters are the schema, forced with
   * `tool_choice`. `json_schema`: `response_format: {type: "json_schema"}`. Choose what the server supports.
   */
  structuredOutput: "tool" | "json_schema";
  /** OpenAI deprecated `max_tokens` for `max_completion_tokens`; compatible servers still read `max_tokens`. */
  maxTokensField: "max_tokens" | "max_completion_tokens";
}

interface ChatCompletionsConfig extends ChatCompletionsDialect, ProviderOptions {
  name: ProviderName;
  apiKey: string;
  baseUrl: string;
  model: string;
}

/** The factory of a provider that is this base with its own name and dialect. */
export function chatCompletionsFactory(name: ProviderName, dialect: ChatCompletionsDialect): ProviderFactory {
  return (settings: ProviderSettings, options: ProviderOptions = {}) =>
    createChatCompletionsProvider({
      name,
      apiKey: settings.apiKey,
      baseUrl: settings.baseUrl,
      model: settings.model,
      ...dialect,
      ...options,
    });
}

function createChatCompletionsProvider(config: ChatCompletionsConfig): LlmProvider {
  const client = new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseUrl,
    // The router owns retries and deadlines: one HTTP attempt per call, ended by the caller's signal.
    maxRetries: 0,
    // Explicit nulls, so the SDK does not pick these up from the process environment.
    organization: null,
    project: null,
    ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
  });
  const name = config.name;

  return {
    name,
    model: config.model,
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      let answered: { data: ChatCompletion; response: Response };
      try {
        // withResponse: the same single request, with its headers (the rate-limit window) kept as well.
        answered = await client.chat.completions
          .create(body(config, request), {
            signal: request.signal,
            headers: { "X-Request-Id": request.requestId },
          })
          .withResponse();
      } catch (error) {
        throw toProviderError(name, error, request.signal);
      }
      return {
        ...readCompletion(name, answered.data, request),
        rateLimit: readRateLimit(answered.response.headers),
      };
    },
  };
}

function body(
  config: ChatCompletionsConfig,
  request: CompletionRequest,
): ChatCompletionCreateParamsNonStreaming {
  const { schema } = request;
  const params: ChatCompletionCreateParamsNonStreaming = {
    model: request.model,
    messages: [
      { role: "system", content: request.system },
      { role: "user", content: request.user },
    ],
    temperature: request.temperature,
    [config.maxTokensField]: request.maxTokens,
  };
  if (config.structuredOutput === "tool") {
    params.tools = [
      {
        type: "function",
        function: { name: schema.name, description: schema.description, parameters: schema.jsonSchema },
      },
    ];
    params.tool_choice = { type: "function", function: { name: schema.name } };
  } else {
    // Not `strict`: strict mode rejects schemas with optional properties; validation happens after.
    params.response_format = {
      type: "json_schema",
      json_schema: {
        name: schema.name,
        description: schema.description,
        schema: schema.jsonSchema,
        strict: false,
      },
    };
  }
  return params;
}

function readCompletion(
  name: ProviderName,
  completion: ChatCompletion,
  request: CompletionRequest,
): CompletionResult {
  // A body that was not JSON reaches here as a string; a JSON body without choices is no completion either.
  const choice = typeof completion === "object" && completion !== null ? completion.choices?.[0] : undefined;
  if (choice?.message === undefined) throw invalidOutput(name, "no choices in the response");
  const call = choice.message.tool_calls?.find((candidate) => candidate.type === "function");
  return {
    text: call?.function.arguments ?? choice.message.content ?? "",
    provider: name,
    model: typeof completion.model === "string" && completion.model !== "" ? completion.model : request.model,
    usage: {
      inputTokens: completion.usage?.prompt_tokens ?? 0,
      outputTokens: completion.usage?.completion_tokens ?? 0,
    },
    finishReason: FINISH_REASONS[choice.finish_reason] ?? "other",
  };
}

const FINISH_REASONS: Record<string, CompletionResult["finishReason"]> = {
  stop: "stop",
  length: "length",
  tool_calls: "tool",
  function_call: "tool",
  content_filter: "content_filter",
};

function toProviderError(name: ProviderName, error: unknown, signal: AbortSignal): ProviderError {
  if (error instanceof APIUserAbortError) return errorFromFailure(name, error, signal);
  if (error instanceof APIConnectionTimeoutError) return errorFromFailure(name, error, signal, "timeout");
  if (error instanceof APIConnectionError) return errorFromFailure(name, error, signal, "connection");
  if (error instanceof APIError && typeof error.status === "number") {
    return errorFromResponse(name, {
      status: error.status,
      headers: error.headers ?? null,
      hints: [error.code, error.type, bodyMessage(error.error)],
    });
  }
  return errorFromFailure(name, error, signal);
}

function bodyMessage(body: unknown): string | null {
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : null;
}
