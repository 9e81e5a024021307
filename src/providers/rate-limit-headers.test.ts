// The rate-limit headers of each provider family, and what is unknown: missing, malformed, negative,
// fractional or absurd values never become a figure.
import { describe, expect, it } from "vitest";
import { readRateLimit } from "./rate-limit-headers.js";

describe("readRateLimit", () => {
  it("reads OpenAI's and DashScope's x-ratelimit headers", () => {
    const headers = new Headers({
      "x-ratelimit-remaining-requests": "4999",
      "x-ratelimit-limit-requests": "5000",
      "x-ratelimit-remaining-tokens": "159000",
      "x-ratelimit-reset-requests": "12ms",
    });
    expect(readRateLimit(headers)).toEqual({
      remainingRequests: 4999,
      limitRequests: 5000,
      remainingTokens: 159_000,
    });
  });

  it("reads Anthropic's anthropic-ratelimit headers", () => {
    const headers = new Headers({
      "anthropic-ratelimit-requests-remaining": "49",
      "anthropic-ratelimit-requests-limit": "50",
      "anthropic-ratelimit-tokens-remaining": "0",
      "anthropic-ratelimit-requests-reset": "2026-01-22T10:31:00Z",
    });
    expect(readRateLimit(headers)).toEqual({ remainingRequests: 49, limitRequests: 50, remainingTokens: 0 });
  });

  it("reads Mistral's per-minute headers", () => {
    const headers = new Headers({
      "x-ratelimit-remaining-req-minute": "717",
      "x-ratelimit-limit-req-minute": "720",
      "x-ratelimit-remaining-tokens-minute": "4999911",
    });
    expect(readRateLimit(headers)).toEqual({
      remainingRequests: 717,
      limitRequests: 720,
      remainingTokens: 4_999_911,
    });
  });

  it("is null without headers or without any rate-limit header", () => {
    expect(readRateLimit(null)).toBeNull();
    expect(readRateLimit(undefined)).toBeNull();
    expect(readRateLimit(new Headers({ "content-type": "application/json" }))).toBeNull();
  });

  it.each(["-1", "12.5", "lots", "1e3", "0x10", "9999999999999999", ""])("reads %j as unknown", (value) => {
    const headers = new Headers({
      "x-ratelimit-remaining-requests": value,
      "x-ratelimit-limit-requests": "60",
    });
    expect(readRateLimit(headers)).toEqual({
      remainingRequests: null,
      limitRequests: 60,
      remainingTokens: null,
    });
  });

  it("reads zero and surrounding spaces", () => {
    const headers = new Headers({ "x-ratelimit-remaining-requests": " 0 " });
    expect(readRateLimit(headers)?.remainingRequests).toBe(0);
  });
});
