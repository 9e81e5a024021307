// The calibration gate (issue 15, item 4): over own fixtures, SGD and MASSIVE together, in rules mode, the
// confidence keeps today's calibration — ECE (10 equal-width buckets) and the share of answers with
// confidence ≥ 0.9 that are right. All three sets are read (≈4,200 requests, a few seconds in process).
// After the readers change, re-run `npm run calibrate`; a figure that then gets worse is a finding.
import { describe, expect, it } from "vitest";
import { collectAnswers, SETS } from "./collect.js";
import { calibration } from "./table.js";

/** Today's figures (npm run calibration, all sets together): ECE 0.013, ≥ 0.9 right 2,878 / 2,947 (97.7%). */
const MAXIMUM_ECE = 0.0132;
const MINIMUM_HIGH_PRECISION = 0.9765;

describe("confidence calibration over own fixtures, SGD and MASSIVE", () => {
  it("keeps ECE and the precision of confidence ≥ 0.9 at today's figures", { timeout: 180_000 }, async () => {
    const answers = await collectAnswers();
    expect(new Set(answers.map((answer) => answer.set))).toEqual(new Set(SETS));
    const result = calibration(answers);
    expect(result.ece).toBeLessThanOrEqual(MAXIMUM_ECE);
    expect(result.high.right / result.high.count).toBeGreaterThanOrEqual(MINIMUM_HIGH_PRECISION);
    // Every answer that read an appointment carried the signals its confidence came from.
    expect(answers.filter((answer) => answer.appointment && answer.signals === null)).toEqual([]);
  });
});
