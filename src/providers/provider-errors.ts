// Turns whatever an SDK threw into a ProviderError the router can act on. Each provider folder unpacks its
// own SDK's error classes into the two shapes below; the classification itself lives here once. Upstream
// bodies are read only to recognise a cause (context length, content policy) and never copied into the
// message, so no prompt text, upstream detail or echoed key can leak through an error.
import { readRateLimit } from "./rate-limit-headers.js";
import { ProviderError, type ProviderErrorKind, type ProviderName } from "./types.js";

/** An HTTP error response, as an SDK reports it. */
export interface HttpFailure {
  status: number;
  headers: Headers | null;
  /** The upstream error's code, type and message, only for recognising the cause. */
  hints: ReadonlyArray<string | null | undefined>;
}

const CONTEXT_LENGTH =
  /context[_ ]length|context window|maximum context|prompt is too long|too many tokens|too large for model|input length|request_too_large/;
const CONTENT_POLICY =
  /content[_ ]policy|content[_ ]filter|content management policy|data_inspection_failed|inappropriate content|safety|moderation/;

export function errorFromResponse(
  provider: ProviderName,
  failure: HttpFailure,
  now: number = Date.now(),
): ProviderError {
  const { status } = failure;
  const hints = failure.hints
    .filter((hint) => typeof hint === "string")
    .join(" ")
    .toLowerCase();
  const kind = kindOfStatus(status, hints);
  const retryAfterMs = failure.headers === null ? null : retryAfter(failure.headers, now);
  return new ProviderError(provider, kind, `${provider}: ${DESCRIPTIONS[kind]} (HTTP ${status})`, {
    status,
    retryAfterMs,
    rateLimit: readRateLimit(failure.headers),
  });
}

function kindOfStatus(status: number, hints: string): ProviderErrorKind {
  if (status === 429) return "rate_limited";
  // Anthropic's "overloaded"; a 503 whose text says overloaded stays a server error, as its status says.
  if (status === 529) return "overloaded";
  if (status === 408) return "timeout";
  if (status >= 500) return "server";
  if (status === 401 || status === 403) return "auth";
  // Anthropic answers 413 for a request body over its size limit: too much context, not a malformed call.
  if (status === 413 || CONTEXT_LENGTH.test(hints)) return "context_length";
  if (CONTENT_POLICY.test(hints)) return "content_policy";
  return "bad_request";
}

/**
 * Milliseconds to wait from `retry-after-ms` (sent by OpenAI and Anthropic) or `Retry-After`, which holds
 * either delay seconds or an HTTP date (RFC 9110 §10.2.3). Null when absent or unreadable.
 */
export function retryAfter(headers: Headers, now: number = Date.now()): number | null {
  const milliseconds = headers.get("retry-after-ms")?.trim();
  if (milliseconds && /^\d+(\.\d+)?$/.test(milliseconds)) return Math.round(Number(milliseconds));
  const value = headers.get("retry-after")?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // An HTTP date names its weekday and month; Date.parse alone would also read "-3" as a year.
  const date = /[a-z]{3}/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * An error without an HTTP response: the caller's abort (a `TimeoutError` reason means the caller's
 * deadline, anything else a cancellation), a timeout, a connection that failed or broke, or a body that
 * was not JSON. `known` is the SDK's own verdict when its error class already says which. An abort that
 * the caller's signal did not ask for is retryable, like the broken connection it most likely was.
 */
export function errorFromFailure(
  provider: ProviderName,
  error: unknown,
  signal: AbortSignal,
  known?: "timeout" | "connection",
): ProviderError {
  if (signal.aborted) {
    const timedOut = (signal.reason as { name?: unknown } | undefined)?.name === "TimeoutError";
    return timedOut
      ? new ProviderError(provider, "timeout", `${provider}: ${DESCRIPTIONS.timeout} (caller's deadline)`)
      : new ProviderError(provider, "aborted", `${provider}: ${DESCRIPTIONS.aborted}`);
  }
  const names = causeChain(error);
  if (names.includes("SyntaxError")) return invalidOutput(provider, "body is not JSON");
  if (known === "timeout" || names.some((name) => /timeout|timedout/i.test(name))) {
    return new ProviderError(provider, "timeout", `${provider}: ${DESCRIPTIONS.timeout}`);
  }
  if (known === undefined && names.includes("AbortError")) {
    return new ProviderError(provider, "aborted", `${provider}: ${DESCRIPTIONS.aborted}`, {
      isRetryable: true,
    });
  }
  const code = names.find((name) => /^E[A-Z]+$|^UND_ERR_[A-Z_]+$/.test(name));
  const detail = code === undefined ? "" : ` (${code})`;
  return new ProviderError(provider, "connection", `${provider}: ${DESCRIPTIONS.connection}${detail}`);
}

/** An answer that arrived but is not a completion the SDK could read. */
export function invalidOutput(provider: ProviderName, what: string): ProviderError {
  return new ProviderError(
    provider,
    "invalid_output",
    `${provider}: ${DESCRIPTIONS.invalid_output} (${what})`,
  );
}

/** The names and system error codes along an error's `cause` chain, never its messages. */
function causeChain(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    const { name, code } = current as { name?: unknown; code?: unknown };
    if (typeof name === "string") names.push(name);
    if (typeof code === "string") names.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return names;
}

const DESCRIPTIONS: Record<ProviderErrorKind, string> = {
  rate_limited: "rate limited",
  server: "server error",
  overloaded: "overloaded",
  timeout: "timed out",
  aborted: "request aborted by the caller",
  connection: "connection failed",
  auth: "authentication refused",
  context_length: "input exceeds the model's context length",
  content_policy: "refused by the content policy",
  bad_request: "request rejected",
  invalid_output: "unreadable response",
};
