// A holiday's occurrences in a Gregorian year, computed once per (id, year) and kept: calendar scans are
// the expensive part, and an engine asks for the same few years over and over.

import { holidayDefinition } from "./catalog.js";
import { isSupportedYear } from "./civil-date.js";
import type { HolidayOccurrence } from "./holiday-definition.js";

const MAX_CACHED = 8192;
const cache = new Map<string, readonly HolidayOccurrence[]>();

/** All occurrences starting in the year, in order; empty for an unknown id or an unsupported year. */
export function holidayOccurrences(id: string, year: number): HolidayOccurrence[] {
  const key = `${id}:${year}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached.map(copyOccurrence);
  const definition = holidayDefinition(id);
  const occurrences = definition === undefined || !isSupportedYear(year) ? [] : definition.occurrences(year);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, occurrences);
  return occurrences.map(copyOccurrence);
}

/** Callers get their own objects, so nothing they do can change the cache. */
function copyOccurrence(occurrence: HolidayOccurrence): HolidayOccurrence {
  const copy: HolidayOccurrence = { start: { ...occurrence.start }, grain: occurrence.grain };
  if (occurrence.end !== undefined) copy.end = { ...occurrence.end };
  return copy;
}

/**
 * The holiday in a Gregorian year: the first occurrence starting in it (Islamic holidays fall twice in
 * some years; holidayOccurrences has both), or null.
 */
export function holidayOccurrence(id: string, year: number): HolidayOccurrence | null {
  return holidayOccurrences(id, year)[0] ?? null;
}
