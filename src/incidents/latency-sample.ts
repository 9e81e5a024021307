// A bounded sample of latencies: the count and sum of all of them (for the mean) and a uniform reservoir
// of at most `capacity` (for the p95), so that recording is O(1) and memory fixed whatever the traffic.
// Under the capacity the sample is every value and the percentile exact; over it, samples taken together
// weigh each kept value by the values it stands for.
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

/**
 * Mean and p95 over samples taken together; null for none. Each kept value stands for count / kept values
 * of its sample: a busy slice that kept 64 of 1,000 weighs as 1,000 calls, not as 64 (weighed equally, a
 * quiet slow slice would pass for a share of the calls it never had). Nearest rank, as stats.percentile:
 * with every value kept (each weighs 1) it is exactly that percentile of them all.
 */
export function latencyOf(samples: readonly LatencySample[]): {
  count: number;
  meanMs: number | null;
  p95Ms: number | null;
} {
  let count = 0;
  let sum = 0;
  const weighed: { ms: number; weight: number }[] = [];
  for (const sample of samples) {
    count += sample.count;
    sum += sample.sum;
    const weight = sample.count / sample.values.length;
    for (const ms of sample.values) weighed.push({ ms, weight });
  }
  return {
    count,
    meanMs: count === 0 ? null : sum / count,
    p95Ms: weightedPercentile(weighed, 0.95),
  };
}

/** The smallest value whose values up to it weigh at least `rank` of the whole; null for none. */
function weightedPercentile(weighed: { ms: number; weight: number }[], rank: number): number | null {
  if (weighed.length === 0) return null;
  weighed.sort((a, b) => a.ms - b.ms);
  const total = weighed.reduce((sum, entry) => sum + entry.weight, 0);
  // A hair under the rank: fractional weights summed in floating point must not skip the value reaching it.
  const wanted = rank * total * (1 - Number.EPSILON * weighed.length);
  let below = 0;
  for (const entry of weighed) {
    below += entry.weight;
    if (below >= wanted) return entry.ms;
  }
  return weighed.at(-1)!.ms;
}
