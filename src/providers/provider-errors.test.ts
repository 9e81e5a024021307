// The classification the contract suite cannot reach through the simulator (it accepts any bearer key, so
// no 401/403), and Retry-After parsing against a pinned clock.
import { describe, expect, it } from "vitest";
import { errorFromFailure, errorFromResponse, invalidOutput, retryAfter } from "./provider-errors.js";
import { ProviderError, type ProviderErrorKind } from "./types.js";

const NOW = Date.parse("2026-01-22T10:30:00Z");

describe("errorFromResponse", () => {
  it.each([
    [401, [], "auth"],
    [403, [], "auth"],
    [404, ["model_not_found"], "bad_request"],
    [408, [], "timeout"],
    [413, ["request_too_large"], "context_length"],
    [422, ["Input should be a valid integer"], "bad_request"],
    [400, ["invalid_request_error", "prompt is too long: 210000 tokens > 200000 maximum"], "context_length"],
    [400, ["data_inspection_failed", "Input data may contain inappropriate content."], "content_policy"],
    [503, ["server_error", "The engine is currently overloaded"], "server"],
    [504, [], "server"],
    [529, ["overloaded_error"], "overloaded"],
  ] as const)("HTTP %i with %j is %s", (status, hints, kind) => {
    const error = errorFromResponse("openai", { status, headers: null, hints }, NOW);

    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    for (const hint of hints) expect(error.message).not.toContain(hint);
  });
});

describe("retryAfter", () => {
  it.each([
    ["120", 120_000],
    ["0", 0],
    ["1.5", 1500],
    ["Thu, 22 Jan 2026 10:30:45 GMT", 45_000],
    ["Thu, 22 Jan 2026 10:29:00 GMT", 0],
    ["soon", null],
    ["-3", null],
  ])("Retry-After %j is %j ms", (value, expected) => {
    expect(retryAfter(new Headers({ "retry-after": value }), NOW)).toBe(expected);
  });

  it("prefers retry-after-ms and is null without either header", () => {
    expect(retryAfter(new Headers({ "retry-after-ms": "250", "retry-after": "9" }), NOW)).toBe(250);
    expect(retryAfter(new Headers(), NOW)).toBeNull();
  });
});

describe("errorFromFailure", () => {
  const live = new AbortController().signal;

  it("names a system error code but no message", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9 sk-sentinel-x"), {
      code: "ECONNREFUSED",
    });

    const error = errorFromFailure("mistral", new TypeError("fetch failed", { cause }), live);

    expect(error.kind).toBe("connection");
    expect(error.message).toBe("mistral: connection failed (ECONNREFUSED)");
  });

  it("reads a body that is not JSON as invalid output, and an SDK timeout as a timeout", () => {
    expect(errorFromFailure("qwen", new SyntaxError("Unexpected token <"), live).kind).toBe("invalid_output");
    expect(errorFromFailure("qwen", new Error("Request timed out."), live, "timeout").kind).toBe("timeout");
  });
});

describe("isRetryable", () => {
  const live = new AbortController().signal;

  it.each<[ProviderErrorKind, boolean]>([
    ["rate_limited", true],
    ["server", true],
    ["overloaded", true],
    ["timeout", true],
    ["connection", true],
    ["aborted", false],
    ["auth", false],
    ["context_length", false],
    ["content_policy", false],
    ["bad_request", false],
    ["invalid_output", false],
  ])("is %s → %s unless the builder says otherwise", (kind, retryable) => {
    expect(new ProviderError("qwen", kind, `qwen: ${kind}`).isRetryable).toBe(retryable);
    expect(new ProviderError("qwen", kind, `qwen: ${kind}`, { isRetryable: !retryable }).isRetryable).toBe(
      !retryable,
    );
  });

  it.each([
    [429, true],
    [500, true],
    [529, true],
    [408, true],
    [401, false],
    [413, false],
    [400, false],
  ])("follows the kind of an HTTP %i", (status, retryable) => {
    expect(errorFromResponse("openai", { status, headers: null, hints: [] }, NOW).isRetryable).toBe(
      retryable,
    );
  });

  it("is false for the caller's abort, true for an abort the caller's signal did not ask for", () => {
    const caller = new AbortController();
    caller.abort();
    const abort = new DOMException("The operation was aborted.", "AbortError");

    expect(errorFromFailure("anthropic", abort, caller.signal)).toMatchObject({
      kind: "aborted",
      isRetryable: false,
    });
    expect(errorFromFailure("anthropic", abort, live)).toMatchObject({ kind: "aborted", isRetryable: true });
  });

  it("is false for an unreadable answer, true for the caller's deadline", () => {
    const deadline = new AbortController();
    deadline.abort(new DOMException("The deadline passed.", "TimeoutError"));

    expect(invalidOutput("mistral", "no choices").isRetryable).toBe(false);
    expect(errorFromFailure("mistral", new Error("aborted"), deadline.signal)).toMatchObject({
      kind: "timeout",
      isRetryable: true,
    });
  });
});
