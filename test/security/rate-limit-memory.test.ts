// The limiter keeps state per client key and address, both chosen by the client: a flood from ever new
// addresses (an IPv6 client has 2^64 of them, a botnet thousands) must not grow it without bound. Through
// the app, 3,000 clients against a limiter bounded to 500 buckets: it never keeps more, each new client is
// still served, and a client that spent its budget a moment ago is still refused.
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_BUCKETS, MemoryLimiter } from "../../src/limits/limiter.js";
import { JSON_HEADERS, limitedApps, START } from "../support/limited-clients.js";

const open = limitedApps();

describe("the in-memory limiter's bound", () => {
  it("keeps at most its bound of buckets, however many addresses call", async () => {
    const time = { now: START };
    const limiter = new MemoryLimiter({ maxBuckets: 500, clock: () => time.now });
    const app = await open({}, { limiter });
    for (let client = 0; client < 3_000; client++) {
      // A body the route refuses (400) after the limiter has taken its token: the cheapest request.
      const answer = await app.request(
        `10.${client >> 16}.${(client >> 8) & 255}.${client & 255}`,
        "/v1/appointments/parse",
        {
          method: "POST",
          headers: JSON_HEADERS,
          body: "{}",
        },
      );
      expect(answer.status).toBe(400);
      expect(limiter.size).toBeLessThanOrEqual(500);
    }
    expect(limiter.size).toBe(500);
  });

  it("still refuses a client that spent its budget while fewer new clients than the bound came after it", async () => {
    const limiter = new MemoryLimiter({ maxBuckets: 500 });
    const app = await open({ ADDRESS_RATE_LIMITS: "parse=1" }, { limiter });
    const parse = (from: string) =>
      app.request(from, "/v1/appointments/parse", { method: "POST", headers: JSON_HEADERS, body: "{}" });
    expect((await parse("203.0.113.50")).status).toBe(400);
    for (let client = 0; client < 400; client++) await parse(`10.1.${client >> 8}.${client & 255}`);
    expect((await parse("203.0.113.50")).status).toBe(429);
  });

  it("is bounded by default to 10,000 buckets", () => {
    expect(DEFAULT_MAX_BUCKETS).toBe(10_000);
  });
});
