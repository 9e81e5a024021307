// Times of day as Duckling reads them: a bare hour is its next occurrence (AM or PM), a part of the day
// picks the half it means in the request's language, and a zone said with the time ("4pm CET") holds.
import { type DateTime, FixedOffsetZone } from "luxon";
import { type Language, LOCALES } from "../../locales/index.js";
import type { PartOfDay, TimeSpec } from "../types.js";
import { atWallClock } from "./reading.js";
import type { Grain } from "./types.js";

/** Parts of the day as Duckling reads them in a language: [from, to) hours. */
export function partHours(language: Language, part: PartOfDay): readonly [number, number] {
  return LOCALES[language].temporal.duckling.partsOfDay[part];
}

export function timeGrain(time: TimeSpec): Grain {
  if (time.second !== undefined) return "second";
  return time.minuteGiven || time.minute !== 0 || time.minutesBefore ? "minute" : "hour";
}

export function readTime(
  time: TimeSpec,
  part: PartOfDay | undefined,
  day: DateTime | null,
  reference: DateTime,
  language: Language,
): DateTime | null {
  if (time.utcOffset !== undefined) {
    // "4pm CET": the wall clock of that offset, answered in the requested zone.
    const zone = FixedOffsetZone.instance(time.utcOffset);
    const local = readTime(
      { ...time, utcOffset: undefined },
      part,
      day ? day.setZone(zone, { keepLocalTime: true }) : null,
      reference.setZone(zone),
      language,
    );
    return local ? local.setZone(reference.zone) : null;
  }
  const candidates = hourCandidates(time, part, language);
  // Wall-clock fields, not elapsed hours: on a daylight-saving day "10am" is still 10:00.
  const at = (base: DateTime, hour: number) =>
    atWallClock(base, hour * 60 + time.minute - (time.minutesBefore ?? 0), time.second ?? 0);
  if (day) return at(day, candidates[0]!);
  for (const offset of [0, 1]) {
    const base = reference.startOf("day").plus({ days: offset });
    for (const hour of candidates) {
      const instant = at(base, hour);
      // Duckling keeps a time within the current hour as today's ("at 4:23" said at 4:30).
      if (instant >= reference.startOf("hour")) return instant;
    }
  }
  return null;
}

/** The 24-hour readings of an hour, earliest first: "3" is 3:00 or 15:00, "3pm" only 15:00. */
function hourCandidates(time: TimeSpec, part: PartOfDay | undefined, language: Language): number[] {
  const { hour } = time;
  if (time.meridiem === "pm") return [hour < 12 ? hour + 12 : hour];
  if (time.meridiem === "am") return [hour === 12 ? 0 : hour];
  if (time.clock24 || hour > 12 || hour === 0) return [hour % 24];
  if (part) {
    const [from] = partHours(language, part);
    // "this evening at 12", "this morning at 12": Duckling reads the midnight that ends that day.
    if (hour === 12 && part !== "noon") return [24];
    if (from >= 12 || part === "noon")
      return [hour < 12 && !(part === "noon" && hour === 12) ? hour + 12 : hour];
    return [hour === 12 ? 0 : hour];
  }
  return hour === 12 ? [12, 0] : [hour, hour + 12];
}
