// What an isolate tells the metrics Durable Object (src/metrics/durable-object.ts): per counter and histogram
// series, what it gained since the isolate's last flush, and the batch that carries them. Everything that
// arrives is checked here, since a batch is only JSON from another isolate: a series that is not well
// formed is refused on its own (the others still count), a batch that is not one at all is refused whole.
import type { FleetReading } from "./fleet-gauges.js";

/** A counter series' increase, by its label values in the family's label order. */
export interface CounterDelta {
  name: string;
  labels: string[];
  value: number;
}

/** A histogram series' new observations: cumulative bucket counts (the registry's `le` order), sum, count. */
export interface HistogramDelta {
  name: string;
  labels: string[];
  counts: number[];
  sum: number;
  count: number;
}

export type SeriesDelta = CounterDelta | HistogramDelta;

/**
 * One flush: the isolate (a random id it drew), its flush number (1, 2, …), the deltas, and its fleet
 * gauges' values now (src/metrics/fleet-gauges.ts; absent from an isolate that has none to tell).
 */
export interface DeltaBatch {
  isolate: string;
  sequence: number;
  series: SeriesDelta[];
  readings?: FleetReading[];
}

/** Cita's label values are short names (a route pattern, a model); anything longer is not one of them. */
export const MAX_LABEL_LENGTH = 200;
const MAX_ISOLATE_LENGTH = 64;

/**
 * The batch's frame (isolate, sequence, a list), its series and readings still unchecked; null if it is not
 * a batch.
 */
export function batchOf(
  value: unknown,
): { isolate: string; sequence: number; series: unknown[]; readings?: unknown } | null {
  const candidate = value as {
    isolate?: unknown;
    sequence?: unknown;
    series?: unknown;
    readings?: unknown;
  } | null;
  if (typeof candidate !== "object" || candidate === null) return null;
  const { isolate, sequence, series, readings } = candidate;
  const valid =
    typeof isolate === "string" &&
    isolate.length > 0 &&
    isolate.length <= MAX_ISOLATE_LENGTH &&
    Number.isSafeInteger(sequence) &&
    (sequence as number) > 0 &&
    Array.isArray(series);
  if (!valid) return null;
  return { isolate, sequence: sequence as number, series, ...(readings === undefined ? {} : { readings }) };
}

/** One series delta, or null if it is not well formed (a counter going down, a bucket count out of order). */
export function seriesDeltaOf(value: unknown): SeriesDelta | null {
  const candidate = value as Partial<CounterDelta & HistogramDelta> | null;
  if (typeof candidate !== "object" || candidate === null) return null;
  const { name, labels } = candidate;
  if (typeof name !== "string" || !Array.isArray(labels)) return null;
  if (!labels.every((label) => typeof label === "string" && label.length <= MAX_LABEL_LENGTH)) return null;
  if ("value" in candidate)
    return isIncrease(candidate.value) ? { name, labels, value: candidate.value } : null;
  const { counts, sum, count } = candidate;
  if (!Array.isArray(counts) || !isCount(count) || typeof sum !== "number" || !Number.isFinite(sum))
    return null;
  // Cumulative buckets: each holds the ones before it, and +Inf (the count) holds them all.
  const ordered = counts.every(
    (bucket, index) => isCount(bucket) && bucket >= (counts[index - 1] ?? 0) && bucket <= count,
  );
  return ordered ? { name, labels, counts, sum, count } : null;
}

function isIncrease(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
