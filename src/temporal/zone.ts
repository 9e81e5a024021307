// Time-zone helpers on luxon: every local date and time is resolved in the IANA zone on the target date,
// never with the reference instant's offset.
import { DateTime, IANAZone } from "luxon";

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

export type LocalResolution =
  | { kind: "ok"; instant: DateTime }
  /** The wall-clock time occurs twice (fall back); `instant` is the earlier one. */
  | { kind: "repeated"; instant: DateTime }
  /** The wall-clock time is skipped (spring forward). */
  | { kind: "nonexistent" };

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Resolves a wall-clock time in a zone, telling skipped and repeated times apart. */
export function resolveLocal(local: LocalDateTime, zone: string): LocalResolution {
  const candidate = DateTime.fromObject({ ...local, second: 0, millisecond: 0 }, { zone });
  if (candidate.hour !== local.hour || candidate.minute !== local.minute || candidate.day !== local.day) {
    return { kind: "nonexistent" };
  }
  // Two offsets can map onto the same wall-clock time: look at the offsets a few hours either side.
  const offsets = new Set<number>();
  for (const shift of [-3, 3]) {
    const probe = candidate.plus({ hours: shift });
    offsets.add(probe.offset);
  }
  offsets.add(candidate.offset);
  const matches: DateTime[] = [];
  for (const offset of offsets) {
    const utcMillis =
      Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) - offset * 60_000;
    const instant = DateTime.fromMillis(utcMillis, { zone });
    if (instant.hour === local.hour && instant.minute === local.minute && instant.day === local.day) {
      matches.push(instant);
    }
  }
  matches.sort((a, b) => a.toMillis() - b.toMillis());
  const earliest = matches[0] ?? candidate;
  return matches.length > 1 ? { kind: "repeated", instant: earliest } : { kind: "ok", instant: earliest };
}

/**
 * ISO-8601 to the second with the offset in force at that instant: 2026-01-23T10:00:00-06:00. UTC is
 * written +00:00 rather than Z, so every answer has the same shape.
 */
export function formatInstant(instant: DateTime): string {
  return instant.toFormat(
    instant.millisecond === 0 ? "yyyy-MM-dd'T'HH:mm:ssZZ" : "yyyy-MM-dd'T'HH:mm:ss.SSSZZ",
  );
}
