// The narrow interface every LLM provider implements. SDK imports stay inside each provider's folder;
// retries, timeouts, fallbacks and health belong to the router, so providers make exactly one HTTP attempt
// (SDK retries off) and honour the caller's AbortSignal.
import { z } from "zod";

export const PROVIDER_NAMES = ["qwen", "openai", "anthropic", "mistral", "openai-compatible"] as const;

export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** A provider's name in a request body or a configuration value. */
export const ProviderNameSchema = z.enum(PROVIDER_NAMES);

export interface CompletionRequest {
  /** The system prompt (instructions; the user's text is data, never instructions). */
  system: string;
  /** The user message: the text to read, framed as data. */
  user: string;
  /** The structured output wanted: a JSON Schema, used through the provider's JSON or tool mode. */
  schema: { name: string; description: string; jsonSchema: Record<string, unknown> };
  model: string;
  maxTokens: number;
  temperature: number;
  signal: AbortSignal;
  /** Sent upstream as X-Request-Id, so provider logs join Cita's. */
  requestId: string;
}

export interface CompletionResult {
  /** The model's structured answer as raw text (JSON, possibly malformed: validation comes after). */
  text: string;
  provider: ProviderName;
  model: string;
  usage: { inputTokens: number; outputTokens: number };
  finishReason: "stop" | "length" | "tool" | "content_filter" | "other";
}

export interface LlmProvider {
  readonly name: ProviderName;
  /** The default model; a request may name another (per-agent overrides). */
  readonly model: string;
  /** Per-agent model overrides from the configuration (e.g. `{ parsing: "qwen-turbo" }`). */
  readonly agentModels?: Readonly<Record<string, string>>;
  complete(request: CompletionRequest): Promise<CompletionResult>;
}

/** What a provider factory takes besides its settings: a `fetch` to use instead of the global one. */
export interface ProviderOptions {
  fetch?: typeof fetch;
}

export type ProviderErrorKind =
  | "rate_limited"
  | "server"
  | "overloaded"
  | "timeout"
  | "aborted"
  | "connection"
  | "auth"
  | "context_length"
  | "content_policy"
  | "bad_request"
  | "invalid_output";

const MARKER = Symbol.for("cita.providerError");

/**
 * An API call that failed, typed for the router: recognised by a marker rather than `instanceof` (errors
 * cross module and realm boundaries). Never carries the upstream body or any key.
 */
export class ProviderError extends Error {
  readonly [MARKER] = true;
  constructor(
    readonly provider: ProviderName,
    readonly kind: ProviderErrorKind,
    message: string,
    readonly status: number | null = null,
    /** From Retry-After (seconds or HTTP date), in milliseconds. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "ProviderError";
  }

  /** Worth another attempt (on this or another provider): rate limits, 5xx, timeouts, connection errors. */
  get retryable(): boolean {
    return ["rate_limited", "server", "overloaded", "timeout", "connection"].includes(this.kind);
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
}
