// The Durable Object's protocol in process (workerd runs it for real in
// test/security/rate-limits.workerd.test.ts): the limiter reaches one object per subject, the object keeps
// that subject's buckets, and a malformed message is refused rather than taken as a budget.
import { describe, expect, it } from "vitest";
import { DurableObjectLimiter, type DurableObjectNamespaceLike, RateLimitObject } from "./durable-object.js";
import { perMinuteBudget } from "./settings.js";

/** The platform's part: an object per name, created on first use, as idFromName and get give. */
function namespace(): DurableObjectNamespaceLike & { names: Set<string> } {
  const objects = new Map<string, RateLimitObject>();
  return {
    names: new Set(),
    idFromName(name: string) {
      this.names.add(name);
      return name;
    },
    get(id: never) {
      const name = id as string;
      if (!objects.has(name)) objects.set(name, new RateLimitObject());
      return objects.get(name)!;
    },
  };
}

describe("DurableObjectLimiter and RateLimitObject", () => {
  it("keep one object per subject, each with its subject's buckets", async () => {
    const objects = namespace();
    const limiter = new DurableObjectLimiter(objects);
    const budget = perMinuteBudget(2);
    expect(await limiter.apply("address:a", "parse", budget, "take")).toBe(0);
    expect(await limiter.apply("address:a", "parse", budget, "take")).toBe(0);
    expect(await limiter.apply("address:a", "parse", budget, "take")).toBeGreaterThan(0);
    expect(await limiter.apply("address:a", "booking", budget, "take")).toBe(0);
    expect(await limiter.apply("address:b", "parse", budget, "take")).toBe(0);
    expect([...objects.names]).toEqual(["address:a", "address:b"]);
  });

  it("refuses a message that is not an apply message", async () => {
    const object = new RateLimitObject();
    for (const body of [
      "not json",
      "{}",
      '{"action":"parse","operation":"take","budget":{"capacity":0,"periodMs":60000}}',
    ]) {
      const answer = await object.fetch(
        new Request("https://rate-limits.internal/apply", { method: "POST", body }),
      );
      expect(answer.status, body).toBe(400);
    }
  });
});
