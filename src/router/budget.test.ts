// The daily budget: spend adds up per UTC day; past the conservation share it reads conservation, past
// the budget exhausted, and a new UTC day starts from nothing. Time is passed in.
import { describe, expect, it } from "vitest";
import { DailyBudget } from "./budget.js";

const DAY_START = Date.parse("2026-11-22T00:00:00Z");

describe("DailyBudget", () => {
  it("goes from ok to conservation to exhausted as spend passes 80% and 100%", () => {
    const budget = new DailyBudget({ dailyUsd: 10, conservationShare: 0.8 }, DAY_START);
    budget.add(7.99, DAY_START + 1000);
    expect(budget.state(DAY_START + 1000)).toBe("ok");
    budget.add(0.01, DAY_START + 2000);
    expect(budget.state(DAY_START + 2000)).toBe("conservation");
    budget.add(1.99, DAY_START + 3000);
    expect(budget.state(DAY_START + 3000)).toBe("conservation");
    budget.add(0.01, DAY_START + 4000);
    expect(budget.snapshot(DAY_START + 4000)).toEqual({
      dailyUsd: 10,
      day: "2026-11-22",
      spentUsd: 10,
      state: "exhausted",
    });
  });

  it("starts each UTC day from nothing", () => {
    const budget = new DailyBudget({ dailyUsd: 1, conservationShare: 0.8 }, DAY_START);
    budget.add(5, DAY_START + 86_399_999);
    expect(budget.state(DAY_START + 86_399_999)).toBe("exhausted");
    expect(budget.snapshot(DAY_START + 86_400_000)).toMatchObject({
      day: "2026-11-23",
      spentUsd: 0,
      state: "ok",
    });
  });

  it("without a budget is always ok, and still counts", () => {
    const budget = new DailyBudget({ dailyUsd: null, conservationShare: 0.8 }, DAY_START);
    budget.add(1e6, DAY_START);
    expect(budget.snapshot(DAY_START)).toMatchObject({ dailyUsd: null, spentUsd: 1e6, state: "ok" });
  });

  it("ignores negative amounts", () => {
    const budget = new DailyBudget({ dailyUsd: 1, conservationShare: 0.5 }, DAY_START);
    budget.add(-3, DAY_START);
    expect(budget.snapshot(DAY_START).spentUsd).toBe(0);
  });

  it("counts the fleet's spend when shared, and never less than its own", () => {
    const told: number[] = [];
    let fleet: number | null = 9;
    const budget = new DailyBudget({ dailyUsd: 10, conservationShare: 0.8 }, DAY_START, {
      spent: (usd) => told.push(usd),
      spentToday: () => fleet,
    });
    budget.add(0.5, DAY_START + 1000);
    expect(told).toEqual([0.5]);
    expect(budget.snapshot(DAY_START + 1000)).toMatchObject({ spentUsd: 9, state: "conservation" });
    fleet = 10;
    expect(budget.state(DAY_START + 2000)).toBe("exhausted");
    // The shared store restarted empty: this instance's own spend still counts.
    fleet = null;
    expect(budget.snapshot(DAY_START + 3000)).toMatchObject({ spentUsd: 0.5, state: "ok" });
  });
});
