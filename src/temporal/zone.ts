// Time-zone helpers on luxon: every local date and time is resolved in the IANA zone on the target date,
// never with the reference instant's offset.
import { IANAZone, Zone } from "luxon";

const MAX_CACHED = 10_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const validity = new Map<string, boolean>();

/** Whether `zone` is an IANA zone name. luxon builds an Intl formatter per call, so answers are kept. */
export function isValidZone(zone: string): boolean {
  let valid = validity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (validity.size >= MAX_CACHED) validity.clear();
    validity.set(zone, valid);
  }
  return valid;
}

/**
 * An IANA zone whose UTC offsets are remembered per minute. luxon asks for the offset on every operation
 * and computes it through Intl.formatToParts each time; zone rules change offsets only on whole minutes,
 * so a per-minute memo gives the same answers at a fraction of the cost.
 */
class CachedZone extends Zone {
  readonly #zone: IANAZone;
  readonly #offsets = new Map<number, number>();

  constructor(name: string) {
    super();
    this.#zone = IANAZone.create(name);
  }
  override get type(): string {
    return "iana";
  }
  override get name(): string {
    return this.#zone.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): boolean {
    return this.#zone.isValid;
  }
  override offsetName(ts: number, options: { format?: "short" | "long"; locale?: string }): string | null {
    return this.#zone.offsetName(ts, options);
  }
  override formatOffset(ts: number, format: "narrow" | "short" | "techie"): string {
    return offsetText(this.offset(ts), format === "techie" ? "" : ":", format === "narrow");
  }
  override offset(ts: number): number {
    const minute = Math.floor(ts / 60_000);
    let offset = this.#offsets.get(minute);
    if (offset === undefined) {
      offset = this.#zone.offset(ts);
      if (this.#offsets.size >= MAX_CACHED) this.#offsets.clear();
      this.#offsets.set(minute, offset);
    }
    return offset;
  }
  override equals(other: Zone): boolean {
    return other.type === "iana" && other.name === this.name;
  }
}

const zones = new Map<string, Zone>();

/** The luxon zone for an IANA name (validated by the caller), shared across requests. */
export function zoneFor(name: string): Zone {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = new CachedZone(name);
    if (zones.size >= 1000) zones.clear();
    zones.set(name, zone);
  }
  return zone;
}

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export type WallClockResolution =
  | { kind: "ok" | "repeated"; millis: number; offset: number }
  | { kind: "nonexistent" };

/**
 * Resolves a wall-clock time in a zone, telling skipped and repeated times apart: the instants that show
 * that wall-clock time are those whose own offset maps back onto it, tried with the offsets in force a
 * day either side. None means skipped (spring forward); two mean repeated (fall back), the earlier first.
 */
export function resolveWallClock(local: LocalDateTime, zone: string): WallClockResolution {
  return resolveWallTime(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute), zone);
}

/**
 * resolveWallClock for a wall-clock time given as epoch milliseconds read as UTC (Date.UTC of its fields).
 * Runs for every slot of a calendar's grid, so it allocates only its answer.
 */
export function resolveWallTime(wall: number, zone: string): WallClockResolution {
  const cached = zoneFor(zone);
  const before = cached.offset(wall - DAY_MS);
  const after = cached.offset(wall + DAY_MS);
  const early = wall - before * MINUTE_MS;
  const earlyMatches = cached.offset(early) === before;
  if (after === before) {
    return earlyMatches ? { kind: "ok", millis: early, offset: before } : { kind: "nonexistent" };
  }
  const late = wall - after * MINUTE_MS;
  const lateMatches = cached.offset(late) === after;
  if (earlyMatches && lateMatches) {
    return early <= late
      ? { kind: "repeated", millis: early, offset: before }
      : { kind: "repeated", millis: late, offset: after };
  }
  if (earlyMatches) return { kind: "ok", millis: early, offset: before };
  if (lateMatches) return { kind: "ok", millis: late, offset: after };
  return { kind: "nonexistent" };
}

/**
 * ISO-8601 for an instant shown at a given offset (minutes), to the second (milliseconds only when not
 * zero): 2026-01-23T10:00:00-06:00. UTC is written +00:00 rather than Z, so every answer has one shape.
 */
export function formatAtOffset(millis: number, offset: number): string {
  const local = new Date(millis + offset * 60_000);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const fraction =
    local.getUTCMilliseconds() === 0 ? "" : `.${String(local.getUTCMilliseconds()).padStart(3, "0")}`;
  return `${date}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}${offsetText(offset, ":", false)}`;
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** "+02:00" (or "+0200", or "+2" when narrow) for an offset in minutes. */
function offsetText(offset: number, separator: string, narrow: boolean): string {
  const sign = offset < 0 ? "-" : "+";
  const hours = Math.trunc(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  if (narrow) return minutes === 0 ? `${sign}${hours}` : `${sign}${hours}:${pad(minutes)}`;
  return `${sign}${pad(hours)}${separator}${pad(minutes)}`;
}
