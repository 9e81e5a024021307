// Nearest-rank percentiles and means.
import { describe, expect, it } from "vitest";
import { mean, percentile } from "./stats.js";

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
