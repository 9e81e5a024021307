// Time-zone helpers on luxon: every local date and time is resolved in the IANA zone on the target date,
// never with the reference instant's offset. Zone names reach luxon and Intl only in one spelling per zone
// (canonicalZone): both keep a formatter per spelling forever, and Intl accepts a name in any letter case.
import { IANAZone, Zone } from "luxon";
import { IANA_ZONE_NAMES } from "./iana-zones.js";

const MAX_SPELLINGS = 1000;
/** Offsets one zone remembers, and all zones together (a zone's memo is keyed by clients' instants). */
const MAX_OFFSETS_PER_ZONE = 10_000;
const MAX_OFFSETS = 200_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** IANA's spelling of each identifier, by its lower-case form. */
const IANA_SPELLING = new Map(IANA_ZONE_NAMES.map((name) => [name.toLowerCase(), name]));
/**
 * The characters of every zone name Intl accepts on Node 20 and workerd: anything else is refused without
 * building a formatter (and an offset such as "+02:00", which later runtimes take, stays refused on all).
 */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;
/** Names as sent, to their canonical spelling (null: not a zone); bounded, as the names are clients'. */
const canonical = new Map<string, string | null>();

/**
 * The one spelling of a time-zone name, or null when it names no zone this runtime knows. Any letter case
 * of an IANA identifier gives IANA's spelling of that identifier (`us/eastern` → `US/Eastern`); links stay
 * links, as ECMA-402 now specifies, so `Asia/Kolkata` is not turned into ICU's `Asia/Calcutta`. A name
 * IANA's list lacks but the runtime accepts gets the runtime's canonical name. Intl sees each IANA spelling
 * once; a name missing from IANA's list is handed to it as sent, once per miss of the bounded map.
 */
export function canonicalZone(name: string): string | null {
  let known = canonical.get(name);
  if (known === undefined) {
    known = resolveZone(name);
    if (canonical.size >= MAX_SPELLINGS) canonical.clear();
    canonical.set(name, known);
  }
  return known;
}

/** Whether this runtime knows each IANA spelling asked about: at most one entry per identifier. */
const supported = new Map<string, boolean>();

function resolveZone(name: string): string | null {
  if (!ZONE_NAME.test(name)) return null;
  const spelled = IANA_SPELLING.get(name.toLowerCase());
  if (spelled === undefined) return runtimeZone(name);
  let known = supported.get(spelled);
  if (known === undefined) {
    known = runtimeZone(spelled) !== null;
    supported.set(spelled, known);
  }
  return known ? spelled : null;
}

/** The runtime's canonical name for a zone, or null; builds a formatter, so it runs once per spelling. */
function runtimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Whether `zone` is a time-zone name, in any letter case. */
export function isValidZone(zone: string): boolean {
  return canonicalZone(zone) !== null;
}

/** Offsets remembered by the zones zoneFor hands out; they are all forgotten together past MAX_OFFSETS. */
interface OffsetBudget {
  held: number;
}

/**
 * An IANA zone whose UTC offsets are remembered per minute. luxon asks for the offset on every operation
 * and computes it through Intl.formatToParts each time; zone rules change offsets only on whole minutes,
 * so a per-minute memo gives the same answers at a fraction of the cost.
 */
class CachedZone extends Zone {
  readonly #zone: IANAZone;
  readonly #offsets = new Map<number, number>();
  readonly #budget: OffsetBudget;

  constructor(name: string, budget: OffsetBudget) {
    super();
    this.#zone = IANAZone.create(name);
    this.#budget = budget;
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
      if (this.#offsets.size >= MAX_OFFSETS_PER_ZONE) {
        this.#budget.held -= this.#offsets.size;
        this.#offsets.clear();
      }
      this.#offsets.set(minute, offset);
      if (++this.#budget.held > MAX_OFFSETS) forgetZones();
    }
    return offset;
  }
  override equals(other: Zone): boolean {
    return other.type === "iana" && other.name === this.name;
  }
}

const zones = new Map<string, Zone>();
let budget: OffsetBudget = { held: 0 };

/** Drops every zone and its offsets (a zone still in use counts against a budget no longer checked). */
function forgetZones(): void {
  zones.clear();
  budget = { held: 0 };
}

/**
 * The luxon zone for a zone name (validated by the caller), shared across requests. It is built on the
 * name's canonical spelling, so luxon never sees another.
 */
export function zoneFor(name: string): Zone {
  let zone = zones.get(name);
  if (zone === undefined) {
    if (zones.size >= MAX_SPELLINGS) forgetZones();
    zone = new CachedZone(canonicalZone(name) ?? name, budget);
    zones.set(name, zone);
  }
  return zone;
}

/** How much the zone caches hold now: the bounds above are what keeps them finite. */
export function zoneCacheSizes(): { spellings: number; zones: number; offsets: number } {
  return { spellings: canonical.size, zones: zones.size, offsets: budget.held };
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

/**
 * "+02:00" (or "+0200", or "+2" when narrow) for an offset in minutes. Local mean times had offsets in
 * seconds (Kathmandu +05:41:16 until 1920): the text rounds them to the whole minute the contract's
 * format can say, and the wall clock beside it stays as read.
 */
function offsetText(exact: number, separator: string, narrow: boolean): string {
  const offset = Math.round(exact);
  const sign = offset < 0 ? "-" : "+";
  const hours = Math.trunc(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  if (narrow) return minutes === 0 ? `${sign}${hours}` : `${sign}${hours}:${pad(minutes)}`;
  return `${sign}${pad(hours)}${separator}${pad(minutes)}`;
}
