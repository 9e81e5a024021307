// A latency distribution kept small enough for reports/bench.json and drawn by the HTML report
// (npm run bench -- --report): the latency at a fixed list of percentiles, from the measured samples or
// from autocannon's histogram.
import type { Histogram } from "autocannon";
import { percentile } from "../../src/stats.js";

export interface LatencyCurve {
  /** Percentiles, 0 (the fastest) to 100 (the slowest). */
  ranks: number[];
  /** Milliseconds at each rank. */
  ms: number[];
}

/** The ranks of the in-process and router curves: the body, then the tail in finer steps. */
const CURVE_RANKS = [0, 10, 25, 50, 75, 90, 95, 99, 99.9, 100];

/** The curve of samples sorted in ascending order (nearest rank, as every figure of the benchmark). */
export function latencyCurve(sorted: readonly number[]): LatencyCurve {
  return {
    ranks: [...CURVE_RANKS],
    ms: CURVE_RANKS.map((rank) => roundMicroseconds(percentile(sorted, rank / 100))),
  };
}

/**
 * autocannon's percentile fields (p2_5 is 2.5%) from 1% to 99.9%, and the minimum and maximum, as a curve.
 * Its finer ranks (p0_001, p99_999...) would need far more requests than a run of seconds makes to mean
 * anything.
 */
export function histogramCurve(histogram: Histogram): LatencyCurve {
  const points: [number, number][] = [[0, histogram.min]];
  for (const [name, value] of Object.entries(histogram)) {
    const rank = Number(/^p(\d+(?:_\d+)?)$/.exec(name)?.[1]?.replace("_", "."));
    if (rank >= 1 && rank <= 99.9 && typeof value === "number") points.push([rank, value]);
  }
  points.push([100, histogram.max]);
  points.sort((a, b) => a[0] - b[0]);
  return { ranks: points.map(([rank]) => rank), ms: points.map(([, ms]) => ms) };
}

const roundMicroseconds = (ms: number) => Math.round(ms * 1000) / 1000;
