// REDIS_URL as read at the Node entry: unset keeps the embedded state; a value that is no Redis URL, or whose
// user or password the driver could not decode, is refused naming the variable and never echoing it.
import { describe, expect, it } from "vitest";
import { readRedisUrl, SharedSettingsError } from "./settings.js";

describe("REDIS_URL", () => {
  it("is optional", () => {
    expect(readRedisUrl({})).toBeNull();
    expect(readRedisUrl({ REDIS_URL: "  " })).toBeNull();
  });

  it("takes a redis:// or rediss:// URL, with a percent-encoded password", () => {
    expect(readRedisUrl({ REDIS_URL: "rediss://cita:s3cret%2Fx@cache.example:6380" })).toBe(
      "rediss://cita:s3cret%2Fx@cache.example:6380",
    );
  });

  it("refuses a password with a malformed percent-encoding, naming REDIS_URL and not echoing it", () => {
    const read = () => readRedisUrl({ REDIS_URL: "redis://cita:s3cret%zz@127.0.0.1:6379" });
    expect(read).toThrow(SharedSettingsError);
    expect(read).toThrow("REDIS_URL: the user or password has a malformed percent-encoding");
    expect(read).not.toThrow("s3cret");
  });

  it("refuses what is no Redis URL", () => {
    expect(() => readRedisUrl({ REDIS_URL: "postgres://u:p@h/d" })).toThrow(
      "REDIS_URL: must start with redis://",
    );
    expect(() => readRedisUrl({ REDIS_URL: "not a url" })).toThrow("REDIS_URL: must be a URL");
  });
});
