// Small statistics for the chaos suite: shares, counts, ratios. Percentiles are src/stats.ts's nearest rank.

/** The share (0–1) of items that satisfy the predicate; null for no items. */
export function share<T>(items: readonly T[], predicate: (item: T) => boolean): number | null {
  if (items.length === 0) return null;
  return items.filter(predicate).length / items.length;
}

/** How many items fall under each key. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const name = key(item);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** A ratio rounded to 3 decimals, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 1000;
}

/** Milliseconds rounded to whole numbers, keeping null. */
export function roundMs(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
