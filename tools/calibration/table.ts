// Calibration of `confidence` against whether answers were right (docs/confidence.md): ten equal-width
// confidence buckets with their count, mean confidence and exact-match rate, the expected calibration error
// (ECE: the bucket-weighted mean of |exact-match rate − mean confidence| over those ten buckets) and how
// often an answer with confidence ≥ 0.9 is right. Answers that read no appointment have confidence 0 by
// contract (there is no appointment to be sure of) and are counted apart, not in the buckets.
import { percent, table } from "../report-table.js";

export interface Observation {
  confidence: number;
  right: boolean;
  /** False when the answer read no appointment (intent `none`). */
  appointment: boolean;
}

export interface Bucket {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  rightRate: number;
}

export interface Calibration {
  /** Answers that read an appointment: the ones the buckets hold. */
  count: number;
  buckets: Bucket[];
  /** Expected calibration error over 10 equal-width buckets; 0 when there is nothing to count. */
  ece: number;
  /** Answers with confidence ≥ 0.9, and how many of them are right. */
  high: { count: number; right: number };
  /** Answers that read no appointment, and how many of them are right. */
  none: { count: number; right: number };
}

export const BUCKETS = 10;
export const HIGH_CONFIDENCE = 0.9;

export function calibration(observations: readonly Observation[]): Calibration {
  const read = observations.filter((observation) => observation.appointment);
  const none = observations.filter((observation) => !observation.appointment);
  const buckets: Bucket[] = [];
  let ece = 0;
  for (let index = 0; index < BUCKETS; index++) {
    const from = index / BUCKETS;
    const to = (index + 1) / BUCKETS;
    const inside = read.filter(({ confidence }) => bucketOf(confidence) === index);
    if (inside.length === 0) continue;
    const meanConfidence = inside.reduce((sum, { confidence }) => sum + confidence, 0) / inside.length;
    const rightRate = inside.filter(({ right }) => right).length / inside.length;
    buckets.push({ from, to, count: inside.length, meanConfidence, rightRate });
    ece += (inside.length / read.length) * Math.abs(rightRate - meanConfidence);
  }
  const high = read.filter(({ confidence }) => confidence >= HIGH_CONFIDENCE);
  return {
    count: read.length,
    buckets,
    ece,
    high: { count: high.length, right: high.filter(({ right }) => right).length },
    none: { count: none.length, right: none.filter(({ right }) => right).length },
  };
}

/** 0.0–0.1 is bucket 0, …, 0.9–1.0 (1.0 included) bucket 9. */
function bucketOf(confidence: number): number {
  return Math.min(BUCKETS - 1, Math.floor(confidence * BUCKETS + 1e-9));
}

export function formatCalibration(result: Calibration): string {
  const rows = result.buckets.map((bucket) => [
    `${bucket.from.toFixed(1)}–${bucket.to.toFixed(1)}`,
    String(bucket.count),
    bucket.meanConfidence.toFixed(3),
    percent(bucket.rightRate),
  ]);
  const { high, none } = result;
  return [
    `Calibration (${result.count} answers that read an appointment; right = the set's exact match)`,
    table([["confidence", "answers", "mean confidence", "exact match"], ...rows]),
    `  ECE (10 equal-width buckets): ${result.ece.toFixed(3)}`,
    `  confidence ≥ ${HIGH_CONFIDENCE}: ${high.right}/${high.count} right (${percent(high.count === 0 ? null : high.right / high.count)})`,
    `  no appointment read (confidence 0, not bucketed): ${none.count} answers, ${none.right} right`,
  ].join("\n");
}
