// The logistic fit: it recovers known log-odds, is deterministic, and holds constrained weights on their side.
import { describe, expect, it } from "vitest";
import { fitLogistic, sigmoid } from "./fit.js";

/** Rows whose right rate is exactly sigmoid(2) without the signal and sigmoid(2 − 1.5) with it. */
function data(): { rows: number[][]; labels: boolean[] } {
  const rows: number[][] = [];
  const labels: boolean[] = [];
  const add = (signal: number, count: number, right: number) => {
    for (let index = 0; index < count; index++) {
      rows.push([signal, index % 2]);
      labels.push(index < right);
    }
  };
  add(0, 1000, Math.round(1000 * sigmoid(2)));
  add(1, 1000, Math.round(1000 * sigmoid(0.5)));
  return { rows, labels };
}

describe("fitLogistic", () => {
  const { rows, labels } = data();

  it("recovers the log-odds of each signal", () => {
    const fit = fitLogistic(rows, labels, { penalty: 0, signs: [0, 0], minimumEffect: 0 });
    expect(fit.intercept).toBeCloseTo(2, 1);
    expect(fit.weights[0]).toBeCloseTo(-1.5, 1);
    expect(fitLogistic(rows, labels, { penalty: 0, signs: [0, 0], minimumEffect: 0 })).toEqual(fit);
  });

  it("holds a weight the data puts on the wrong side at the minimum effect", () => {
    const fit = fitLogistic(rows, labels, { penalty: 1, signs: [1, -1], minimumEffect: 0.5 });
    expect(fit.weights).toEqual([0.5, -0.5]);
    const free = fitLogistic(rows, labels, { penalty: 1, signs: [-1, 0], minimumEffect: 0.5 });
    expect(free.weights[0]).toBeLessThan(-1);
  });
});
