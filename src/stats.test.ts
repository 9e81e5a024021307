// Nearest-rank percentiles and means.
import { describe, expect, it } from "vitest";
import { dropBefore, mean, percentile } from "./stats.js";

describe("percentile", () => {
  it("takes the nearest rank of ascending values", () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile(values, 1)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([1, 2, 3], 0.95)).toBe(3);
    expect(percentile([7], 0.5)).toBe(7);
  });

  it("is NaN for no values", () => {
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe("mean", () => {
  it("averages", () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
  });
});

describe("dropBefore", () => {
  it("keeps the entries from an instant on", () => {
    const entries = [{ at: 1 }, { at: 5 }, { at: 9 }];
    expect(dropBefore(entries, 0)).toBe(entries);
    expect(dropBefore(entries, 5)).toEqual([{ at: 5 }, { at: 9 }]);
    expect(dropBefore(entries, 10)).toEqual([]);
  });
});
