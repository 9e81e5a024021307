// The calibration table's figures on answers whose buckets and ECE are worked out by hand.
import { describe, expect, it } from "vitest";
import { calibration, formatCalibration } from "./table.js";

const answer = (confidence: number, right: boolean, appointment = true) => ({
  confidence,
  right,
  appointment,
});

describe("calibration table", () => {
  const result = calibration([
    answer(0.95, true),
    answer(0.95, false),
    answer(1, true),
    answer(0.9, true),
    answer(0.25, false),
    answer(0.89, true),
    answer(0, true, false),
  ]);

  it("puts answers in ten equal-width buckets, 1.0 and 0.9 in the last", () => {
    expect(result.buckets.map(({ from, count }) => [from, count])).toEqual([
      [0.2, 1],
      [0.8, 1],
      [0.9, 4],
    ]);
    expect(result.buckets[2]!.meanConfidence).toBeCloseTo(0.95, 10);
    expect(result.buckets[2]!.rightRate).toBe(0.75);
  });

  it("weights each bucket's gap between exact match and mean confidence by its share", () => {
    // (1·|0 − 0.25| + 1·|1 − 0.89| + 4·|0.75 − 0.95|) / 6
    expect(result.ece).toBeCloseTo((0.25 + 0.11 + 0.8) / 6, 10);
  });

  it("counts answers with confidence ≥ 0.9 and those without an appointment apart", () => {
    expect(result.count).toBe(6);
    expect(result.high).toEqual({ count: 4, right: 3 });
    expect(result.none).toEqual({ count: 1, right: 1 });
    expect(calibration([]).ece).toBe(0);
  });

  it("prints the buckets, the ECE and the high-confidence precision", () => {
    const text = formatCalibration(result);
    expect(text).toContain("0.9–1.0");
    expect(text).toContain("ECE (10 equal-width buckets): 0.193");
    expect(text).toContain("confidence ≥ 0.9: 3/4 right (75.0%)");
  });
});
