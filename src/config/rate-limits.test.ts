// The rate-limit settings at their edges: defaults, a partial list over them, 0 to turn one off, and the
// refusals that name the variable.
import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMITS } from "../limits/settings.js";
import { ConfigError } from "./environment.js";
import { readRateLimits } from "./rate-limits.js";

describe("readRateLimits", () => {
  it("gives the defaults when nothing is set", () => {
    expect(readRateLimits({})).toEqual(DEFAULT_RATE_LIMITS);
    expect(DEFAULT_RATE_LIMITS).toEqual({
      perKey: { parse: 600, duckling: 600, booking: 60 },
      perAddress: { parse: 60, duckling: 60, booking: 10 },
      failedAuthLimit: 10,
      failedAuthWindowMinutes: 15,
    });
  });

  it("takes the actions a list names, keeps the others' defaults, and 0 for no limit", () => {
    const limits = readRateLimits({
      KEY_RATE_LIMITS: " booking = 5 , parse=0",
      ADDRESS_RATE_LIMITS: "duckling=1",
      FAILED_AUTH_LIMIT: "0",
      FAILED_AUTH_WINDOW_MINUTES: "60",
    });
    expect(limits).toEqual({
      perKey: { parse: 0, duckling: 600, booking: 5 },
      perAddress: { parse: 60, duckling: 1, booking: 10 },
      failedAuthLimit: 0,
      failedAuthWindowMinutes: 60,
    });
  });

  it.each([
    ["KEY_RATE_LIMITS", "parse"],
    ["KEY_RATE_LIMITS", "parse=-1"],
    ["KEY_RATE_LIMITS", "admin=5"],
    ["ADDRESS_RATE_LIMITS", "booking=1.5"],
    ["ADDRESS_RATE_LIMITS", "booking=12345678"],
    ["FAILED_AUTH_LIMIT", "ten"],
    ["FAILED_AUTH_WINDOW_MINUTES", "0"],
  ])("refuses %s=%s, naming the variable", (name, value) => {
    expect(() => readRateLimits({ [name]: value })).toThrow(ConfigError);
    expect(() => readRateLimits({ [name]: value })).toThrow(new RegExp(`^${name}: `));
  });
});
