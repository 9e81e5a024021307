// Small statistics shared by the router's health window, the model registry, the chaos suite and the
// benchmarks.

/** Nearest-rank percentile (`rank` in 0..1) of values sorted in ascending order; NaN for none. */
export function percentile(sorted: readonly number[], rank: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(rank * sorted.length) - 1))]!;
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Entries of a time-ordered list from `since` on: the samples still in a rolling window. */
export function dropBefore<T extends { at: number }>(entries: T[], since: number): T[] {
  const first = entries.findIndex((entry) => entry.at >= since);
  if (first === 0) return entries;
  return first === -1 ? [] : entries.slice(first);
}
