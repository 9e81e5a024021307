// The occurrence of a holiday relative to a reference day: the next one (an occurrence under way on the
// reference day counts, as in Duckling's reading of a bare "Hanukkah" during Hanukkah), the last one (over
// before the reference day) or the nearest one, skipping `skip` of them ("the second closest Christmas").
import { type CivilDate, dayNumber } from "./civil-date.js";
import type { HolidayOccurrence } from "./holiday-definition.js";
import { holidayOccurrences } from "./occurrence.js";

export type OccurrenceDirection = "next" | "last" | "nearest";

/** How far from the reference year to look before giving up (a holiday can skip a Gregorian year). */
const MAX_YEARS = 60;

interface Placed {
  occurrence: HolidayOccurrence;
  start: number;
  /** Exclusive end, in days. */
  end: number;
}

function placed(id: string, year: number): Placed[] {
  return holidayOccurrences(id, year).map((occurrence) => {
    const start = dayNumber(occurrence.start);
    const end = occurrence.end === undefined ? start + 1 : dayNumber(occurrence.end);
    // A timed occurrence (Earth Hour) ends within its day: it covers that whole day for a day reference.
    return { occurrence, start, end: Math.max(end, start + 1) };
  });
}

function distance(reference: number, { start, end }: Placed): number {
  return reference < start ? start - reference : reference >= end ? reference - end + 1 : 0;
}

export function nextOccurrence(
  id: string,
  reference: CivilDate,
  direction: OccurrenceDirection,
  skip = 0,
): HolidayOccurrence | null {
  const day = dayNumber(reference);
  const wanted = skip + 1;
  if (direction === "next") {
    const found: Placed[] = [];
    // From the year before: an occurrence that started then (winter, Hanukkah) may still be under way.
    for (let year = reference.year - 1; year <= reference.year + MAX_YEARS && found.length < wanted; year++) {
      found.push(...placed(id, year).filter(({ end }) => end > day));
    }
    return found[skip]?.occurrence ?? null;
  }
  if (direction === "last") {
    const found: Placed[] = [];
    for (let year = reference.year; year >= reference.year - MAX_YEARS && found.length < wanted; year--) {
      found.push(
        ...placed(id, year)
          .filter(({ end }) => end <= day)
          .reverse(),
      );
    }
    return found[skip]?.occurrence ?? null;
  }
  const window = skip + 2;
  const candidates: Placed[] = [];
  for (let year = reference.year - window; year <= reference.year + window; year++) {
    candidates.push(...placed(id, year));
  }
  candidates.sort((a, b) => distance(day, a) - distance(day, b) || a.start - b.start);
  return candidates[skip]?.occurrence ?? null;
}
