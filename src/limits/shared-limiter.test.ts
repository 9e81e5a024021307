// The per-client limiter of a fleet, over a shared state written here by hand: the tokens the others took
// are charged before this instance's own check, and only the tokens this instance takes or charges are told.
import { describe, expect, it } from "vitest";
import { SharedLimiter } from "./shared-limiter.js";

const BUDGET = { capacity: 3, periodMs: 60_000 };

function fleet() {
  const told: string[] = [];
  const others = new Map<string, number>();
  const limiter = new SharedLimiter(
    {
      tookToken: (bucket: string) => told.push(bucket),
      takeOthersTokens: (bucket: string) => {
        const count = others.get(bucket) ?? 0;
        others.delete(bucket);
        return count;
      },
    },
    { clock: () => 0 },
  );
  return { limiter, told, others };
}

describe("a shared limiter", () => {
  it("charges the tokens the others took before its own check", async () => {
    const { limiter, others } = fleet();
    others.set("parse 198.51.100.1", 2);
    expect(await limiter.apply("198.51.100.1", "parse", BUDGET, "take")).toBe(0);
    expect(await limiter.apply("198.51.100.1", "parse", BUDGET, "take")).toBeGreaterThan(0);
    // Another subject's bucket is untouched.
    expect(await limiter.apply("198.51.100.2", "parse", BUDGET, "take")).toBe(0);
  });

  it("tells the tokens it takes and charges, not a peek nor a refused take", async () => {
    const { limiter, told } = fleet();
    for (let index = 0; index < 4; index++) await limiter.apply("a", "parse", BUDGET, "take");
    await limiter.apply("a", "auth", BUDGET, "peek");
    await limiter.apply("a", "auth", BUDGET, "charge");
    expect(told).toEqual(["parse a", "parse a", "parse a", "auth a"]);
  });
});
