// A bounded sample of latencies: the count and sum of all of them (for the mean) and a uniform reservoir
// of at most `capacity` (for the p95), so that recording is O(1) and memory fixed whatever the traffic.
// Under the capacity the sample is every value and the percentile exact.
import { percentile } from "../stats.js";

export class LatencySample {
  count = 0;
  sum = 0;
  readonly values: number[] = [];

  constructor(
    private readonly capacity: number,
    private readonly random: () => number = Math.random,
  ) {}

  record(ms: number): void {
    this.count++;
    this.sum += ms;
    if (this.values.length < this.capacity) {
      this.values.push(ms);
      return;
    }
    // Reservoir sampling: each value seen so far stays with the same chance.
    const slot = Math.floor(this.random() * this.count);
    if (slot < this.capacity) this.values[slot] = ms;
  }

  clear(): void {
    this.count = 0;
    this.sum = 0;
    this.values.length = 0;
  }
}

/** Mean and p95 over samples taken together; null for none. */
export function latencyOf(samples: readonly LatencySample[]): {
  count: number;
  meanMs: number | null;
  p95Ms: number | null;
} {
  let count = 0;
  let sum = 0;
  const values: number[] = [];
  for (const sample of samples) {
    count += sample.count;
    sum += sample.sum;
    values.push(...sample.values);
  }
  values.sort((a, b) => a - b);
  return {
    count,
    meanMs: count === 0 ? null : sum / count,
    p95Ms: values.length === 0 ? null : percentile(values, 0.95),
  };
}
