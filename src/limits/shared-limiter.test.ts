// The per-client limiter of a fleet, over a shared state written here by hand: the tokens the others took
// are charged before this instance's own check, and only the tokens this instance takes or charges are told.
import { describe, expect, it, vi } from "vitest";
import { MemoryLimiter } from "./limiter.js";
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

  it("charges the others' tokens in one step, into debt as deep as one by one and no deeper", async () => {
    const waits: number[] = [];
    for (const count of [4, 6, 1_000_000]) {
      const { limiter, others } = fleet();
      others.set("parse a", count);
      const applied = vi.spyOn(MemoryLimiter.prototype, "applyNow");
      await limiter.apply("a", "parse", BUDGET, "take");
      expect(applied).toHaveBeenCalledTimes(2);
      applied.mockRestore();
      waits.push(await limiter.apply("a", "parse", BUDGET, "peek"));
    }
    // 4 taken of 3: one token short (20 s); 6 or a million: one whole budget of debt (one period plus a token).
    expect(waits).toEqual([40_000, 80_000, 80_000]);
  });
});
