// The narrow interface every LLM provider implements. SDK imports stay inside each provider's folder;
// retries, timeouts, fallbacks and health belong to the router, so providers make exactly one HTTP attempt
// (SDK retries off) and honour the caller's AbortSignal.
import { z } from "zod";
import type { ProviderRateLimit } from "./rate-limit-headers.js";

export type { ProviderRateLimit } from "./rate-limit-headers.js";

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
  /** What the answer's rate-limit headers said (rate-limit-headers.ts); null or absent: nothing. */
  rateLimit?: ProviderRateLimit | null;
}

export interface LlmProvider {
  readonly name: ProviderName;
  /** The default model; a request may name another (per-agent overrides). */
  readonly model: string;
  complete(request: CompletionRequest): Promise<CompletionResult>;
}

/** What a model costs, in US dollars per million tokens (the price table: src/metrics/prices.ts). */
export interface ModelPrice {
  input: number;
  output: number;
}

/** A provider as the configuration enables it (src/config/providers.ts). */
export interface ProviderSettings {
  name: ProviderName;
  apiKey: string;
  baseUrl: string;
  model: string;
  /** Per-agent models, from <PREFIX>_MODEL_<AGENT> (e.g. QWEN_MODEL_PARSING); read by the router's builder. */
  agentModels: Record<string, string>;
}

/** What a provider factory takes besides its settings: a `fetch` to use instead of the global one. */
export interface ProviderOptions {
  fetch?: typeof fetch;
}

export type ProviderFactory = (settings: ProviderSettings, options?: ProviderOptions) => LlmProvider;

/**
 * What a provider uses unless configured otherwise, and how the environment names it. Kept apart from the
 * factory (no SDK import), so reading the configuration loads no SDK.
 */
export interface ProviderDefaults {
  /** Its variables: <PREFIX>_API_KEY, <PREFIX>_BASE_URL, <PREFIX>_MODEL and <PREFIX>_MODEL_<AGENT>. */
  environmentPrefix: string;
  /** Null: no default, the base URL must be configured. */
  baseUrl: string | null;
  /** Null: no default, the model must be configured. */
  model: string | null;
  /** The default model's list price when this was written (src/metrics/prices.ts); null without one. */
  price: ModelPrice | null;
  /** Hosted providers are enabled by their key; a self-hosted server needs none and is enabled by its URL. */
  enabledBy: "apiKey" | "baseUrl";
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
 * Whether each kind is worth another attempt on the same provider, unless whoever builds the error knows
 * better (an abort that Cita did not ask for is retryable: see `errorFromFailure`). The router reads only
 * `isRetryable`; other providers are tried whatever it says.
 */
const RETRYABLE: Readonly<Record<ProviderErrorKind, boolean>> = {
  rate_limited: true,
  server: true,
  overloaded: true,
  timeout: true,
  connection: true,
  // The caller's own abort: nothing to try again for.
  aborted: false,
  // The provider refused this request as such: the same request would be refused again.
  auth: false,
  context_length: false,
  content_policy: false,
  bad_request: false,
  // No usable answer even after the re-ask (src/llm/structured.ts).
  invalid_output: false,
};

export interface ProviderErrorDetails {
  /** The HTTP status, when the provider answered with one. */
  status?: number | null;
  /** From Retry-After (seconds or HTTP date), in milliseconds. */
  retryAfterMs?: number | null;
  /** Defaults to what the kind says (RETRYABLE above). */
  isRetryable?: boolean;
  /** What the error response's rate-limit headers said (a 429 says the window is spent). */
  rateLimit?: ProviderRateLimit | null;
}

/**
 * An API call that failed, typed for the router: recognised by a marker rather than `instanceof` (errors
 * cross module and realm boundaries). Never carries the upstream body or any key.
 */
export class ProviderError extends Error {
  readonly [MARKER] = true;
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  readonly rateLimit: ProviderRateLimit | null;
  /**
   * Worth another attempt on the same provider later in the same request, after a backoff: what passes
   * (rate limits, 5xx, overload, timeouts, broken connections). False when the provider refused the
   * request as such (authentication, context length, content policy, a bad request), gave no usable answer
   * even after a re-ask, or the caller aborted. The router still fails over to other providers either way.
   */
  readonly isRetryable: boolean;

  constructor(
    readonly provider: ProviderName,
    readonly kind: ProviderErrorKind,
    message: string,
    details: ProviderErrorDetails = {},
  ) {
    super(message);
    this.name = "ProviderError";
    this.status = details.status ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.rateLimit = details.rateLimit ?? null;
    this.isRetryable = details.isRetryable ?? RETRYABLE[kind];
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
}
