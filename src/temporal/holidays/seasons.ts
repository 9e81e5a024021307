// Seasons as Duckling dates them: fixed days near the solstices and equinoxes (not the astronomical
// instants), northern hemisphere. A named season is a closed run of days: summer is 21 June to 23 September
// inclusive. "This/next/last season" uses Duckling's season cycle instead, where a season ends the day
// before the next one starts, taken as an exclusive end (winter 2012-12-21 to 2013-03-19).
import { type CivilDate, civilDate, dayNumber } from "./civil-date.js";
import {
  daySpan,
  type HolidayDefinition,
  type HolidayNames,
  type HolidayOccurrence,
} from "./holiday-definition.js";

/** "Fall", but not the verb: not after a subject or a modal ("I fall", "might fall"), nor "fall asleep". */
const FALL =
  "(?<!(?:i|you|he|she|we|they|it|will|would|could|might|may|can|should|must|to|not|don't|didn't|never) )" +
  "fall(?! (?:asleep|down|behind|off|over|apart|back|for|into|in love|out|through|short|under|on|ill|sick)" +
  "(?![a-z]))";

interface SeasonBounds {
  id: "spring" | "summer" | "fall" | "winter";
  names: HolidayNames;
  /** First day, and last day (inclusive; in the next year for winter). */
  from: [month: number, day: number];
  to: [month: number, day: number];
}

const SEASONS: readonly SeasonBounds[] = [
  { id: "spring", names: { en: ["spring"], es: ["primavera"] }, from: [3, 20], to: [6, 21] },
  { id: "summer", names: { en: ["summer"], es: ["verano"] }, from: [6, 21], to: [9, 23] },
  { id: "fall", names: { en: [FALL, "autumn"], es: ["otono"] }, from: [9, 23], to: [12, 21] },
  { id: "winter", names: { en: ["winter"], es: ["invierno"] }, from: [12, 21], to: [3, 20] },
];

function seasonDefinition({ id, names, from, to }: SeasonBounds): HolidayDefinition {
  return {
    id,
    kind: "season",
    names,
    occurrences(year): HolidayOccurrence[] {
      const start = dayNumber({ year, month: from[0], day: from[1] });
      const endYear = to[0] < from[0] ? year + 1 : year;
      return [daySpan(start, dayNumber({ year: endYear, month: to[0], day: to[1] }) + 1)];
    },
  };
}

export const SEASON_HOLIDAYS: readonly HolidayDefinition[] = SEASONS.map(seasonDefinition);

/** First day of the season containing a day: the last 20 Mar, 21 Jun, 23 Sep or 21 Dec on or before it. */
function seasonStartOnOrBefore(days: number): number {
  const { year } = civilDate(days);
  const starts = [year - 1, year].flatMap((y) =>
    SEASONS.map(({ from }) => dayNumber({ year: y, month: from[0], day: from[1] })),
  );
  return Math.max(...starts.filter((start) => start <= days));
}

/**
 * Duckling's season cycle ("this season", "next season", "last season"): the season containing the
 * reference day moved by `offset` seasons, from its first day to the day before the next season starts,
 * that day being the exclusive end (Duckling's own reading, one day short of the named season).
 */
export function seasonPeriod(reference: CivilDate, offset: number): HolidayOccurrence {
  let start = seasonStartOnOrBefore(dayNumber(reference));
  for (let step = 0; step < Math.abs(offset); step++) {
    start = offset > 0 ? seasonStartOnOrBefore(start + 100) : seasonStartOnOrBefore(start - 1);
  }
  const nextStart = seasonStartOnOrBefore(start + 100);
  return daySpan(start, nextStart - 1);
}
