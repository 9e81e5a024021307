// Availability on a calendar, as pure functions: which slots are free, whether a given slot can be booked,
// and the nearest free slots to offer instead. Opening hours are wall-clock times on each local date in the
// calendar's zone, so a daylight-saving day has its own instants; wall-clock times the zone skips are no
// slot at all.
import { addDays, type CivilDate, compareDates, isoDate, localDate, weekdayOf } from "../temporal/civil.js";
import { formatAtOffset, resolveWallTime, zoneFor } from "../temporal/zone.js";
import { type Booking, type Calendar, type Slot, WEEKDAY_NAMES } from "./types.js";

const MINUTE = 60_000;
const DAY_MINUTES = 1440;

export type SlotCheck = "free" | "outside_hours" | "closed" | "conflict" | "off_grid";

export type DayPart = "morning" | "afternoon" | "evening";

/** Local start hours [from, to) of each part of the day; a Spanish "tarde" runs into the early evening. */
export const DAY_PARTS: Readonly<Record<DayPart, readonly [number, number]>> = {
  morning: [0, 12],
  afternoon: [12, 20],
  evening: [18, 24],
};

export interface NearestOptions {
  count: number;
  /** Offer the requested day's slots before any other day's. */
  sameDayFirst: boolean;
  /** Only slots starting in this part of the day (local time). */
  partOfDay?: DayPart;
  /** Only slots on this ISO weekday (1 = Monday ... 7 = Sunday). */
  weekday?: number;
  /** Days after the requested one to look through. */
  horizonDays: number;
  /** No slot starts before this instant (usually now). */
  notBeforeMs?: number;
}

/** An opening interval of one local date as instants. */
interface OpenWindow {
  openMs: number;
  closeMs: number;
  /**
   * The instants of the grid's wall-clock times inside the interval, in wall-clock order: each at its first
   * occurrence, none for a time the zone skips, none before the opening.
   */
  grid: readonly number[];
}

/**
 * Opening windows already resolved, by zone, local date, interval and grid step. They depend on nothing
 * else (not on bookings, closures or the request), and resolving every grid slot's wall clock in the zone
 * is most of the cost of an availability check. Bounded by windows and by grid starts held (a 5-minute
 * grid open all day has 288 a day); the map is emptied when either bound is reached.
 */
const windows = new Map<string, OpenWindow>();
const MAX_WINDOWS = 10_000;
const MAX_GRID_STARTS = 200_000;
let gridStartsHeld = 0;

/** Free slots of `minutes` (the calendar's slot by default) on the grid that start in [fromMs, toMs) and end by toMs. */
export function freeSlots(
  calendar: Calendar,
  bookings: readonly Booking[],
  fromMs: number,
  toMs: number,
  minutes: number = calendar.slotMinutes,
): Slot[] {
  const busy = busyIntervals(calendar, bookings);
  const length = minutes * MINUTE;
  const slots: Slot[] = [];
  const last = localDate(toMs, calendar.timezone);
  for (let date = addDays(localDate(fromMs, calendar.timezone), -1); compareDates(date, last) <= 0; ) {
    for (const start of gridStarts(calendar, date, minutes)) {
      if (start >= fromMs && start + length <= toMs && !overlapsAny(busy, start, start + length)) {
        slots.push(toSlot(calendar, start, start + length));
      }
    }
    date = addDays(date, 1);
  }
  return slots;
}

/** Whether [startMs, endMs) can be booked, and if not, the first reason found. */
export function checkSlot(
  calendar: Calendar,
  bookings: readonly Booking[],
  startMs: number,
  endMs: number,
): SlotCheck {
  const date = localDate(startMs, calendar.timezone);
  const windows = openWindows(calendar, date);
  if (windows.length === 0) return "closed";
  if (!windows.some((window) => window.openMs <= startMs && endMs <= window.closeMs)) return "outside_hours";
  const offset = zoneFor(calendar.timezone).offset(startMs);
  const wallMinutes = Math.floor((startMs + offset * MINUTE) / MINUTE) % DAY_MINUTES;
  if (startMs % MINUTE !== 0 || wallMinutes % calendar.slotMinutes !== 0) return "off_grid";
  if (overlapsAny(busyIntervals(calendar, bookings), startMs, endMs)) return "conflict";
  return "free";
}

/**
 * Up to `count` free slots of `durationMinutes` nearest to `startMs`: the requested local day's first (when
 * `sameDayFirst`), then the following `horizonDays` days, each group ordered by distance to the request.
 */
export function nearestFreeSlots(
  calendar: Calendar,
  bookings: readonly Booking[],
  startMs: number,
  durationMinutes: number,
  options: NearestOptions,
): Slot[] {
  const busy = busyIntervals(calendar, bookings);
  const length = durationMinutes * MINUTE;
  const requested = localDate(startMs, calendar.timezone);
  const offsetOf = zoneFor(calendar.timezone);
  const candidates: { start: number; sameDay: boolean }[] = [];
  for (let day = 0; day <= options.horizonDays; day++) {
    const date = addDays(requested, day);
    if (options.weekday !== undefined && weekdayOf(date) !== options.weekday) continue;
    for (const window of openWindows(calendar, date)) {
      for (const start of windowStarts(window, durationMinutes)) {
        if (start < (options.notBeforeMs ?? Number.NEGATIVE_INFINITY)) continue;
        if (overlapsAny(busy, start, start + length)) continue;
        if (options.partOfDay !== undefined) {
          const hour = new Date(start + offsetOf.offset(start) * MINUTE).getUTCHours();
          const [from, to] = DAY_PARTS[options.partOfDay];
          if (hour < from || hour >= to) continue;
        }
        candidates.push({ start, sameDay: day === 0 });
      }
    }
    // Every slot of a later day is farther from the requested start than any we hold from this one or
    // the requested day, so once enough are found past the requested day the nearest are all in hand.
    if (day >= 1 && candidates.length >= options.count) break;
  }
  candidates.sort(
    (a, b) =>
      (options.sameDayFirst ? Number(b.sameDay) - Number(a.sameDay) : 0) ||
      Math.abs(a.start - startMs) - Math.abs(b.start - startMs) ||
      a.start - b.start,
  );
  return candidates.slice(0, options.count).map(({ start }) => toSlot(calendar, start, start + length));
}

/** Whether a local date is inside one of the calendar's closures (inclusive). */
export function isClosed(calendar: Calendar, date: CivilDate): boolean {
  const day = isoDate(date);
  return calendar.closures.some((closure) => closure.from <= day && day <= closure.to);
}

/** The date's opening intervals as instants; none on a closed day or a weekday without hours. */
function openWindows(calendar: Calendar, date: CivilDate): OpenWindow[] {
  if (isClosed(calendar, date)) return [];
  const weekday = WEEKDAY_NAMES[weekdayOf(date) - 1];
  const intervals = weekday === undefined ? [] : (calendar.openingHours[weekday] ?? []);
  return intervals.map((interval) =>
    openWindow(
      calendar.timezone,
      date,
      clockMinutes(interval.from),
      clockMinutes(interval.to),
      calendar.slotMinutes,
    ),
  );
}

/** One opening interval [fromMinute, toMinute) of a local date in `zone`, with its grid of `step` minutes. */
function openWindow(
  zone: string,
  date: CivilDate,
  fromMinute: number,
  toMinute: number,
  step: number,
): OpenWindow {
  const midnight = Date.UTC(date.year, date.month - 1, date.day);
  const key = `${zone} ${midnight} ${fromMinute} ${toMinute} ${step}`;
  let window = windows.get(key);
  if (window === undefined) {
    const openMs = firstInstantAtOrAfter(zone, date, fromMinute);
    const closeMs = firstInstantAtOrAfter(zone, date, toMinute);
    const grid: number[] = [];
    for (let minute = Math.ceil(fromMinute / step) * step; minute < toMinute; minute += step) {
      // Minute 1440 ("24:00") is the next day's midnight: the wall-clock milliseconds carry over.
      const resolved = resolveWallTime(midnight + minute * MINUTE, zone);
      // A wall-clock time the zone skips (spring forward) starts no slot; a repeated one (fall back) starts
      // one, at its first occurrence.
      if (resolved.kind !== "nonexistent" && resolved.millis >= openMs) grid.push(resolved.millis);
    }
    window = { openMs, closeMs, grid };
    if (windows.size >= MAX_WINDOWS || gridStartsHeld + grid.length > MAX_GRID_STARTS) {
      windows.clear();
      gridStartsHeld = 0;
    }
    windows.set(key, window);
    gridStartsHeld += grid.length;
  }
  return window;
}

/** Grid starts inside the date's opening intervals where a slot of `minutes` fits. */
function gridStarts(calendar: Calendar, date: CivilDate, minutes: number): number[] {
  return openWindows(calendar, date).flatMap((window) => windowStarts(window, minutes));
}

function windowStarts(window: OpenWindow, minutes: number): number[] {
  const length = minutes * MINUTE;
  return window.grid.filter((start) => start + length <= window.closeMs);
}

/** Confirmed bookings widened by the calendar's buffer on both sides. */
function busyIntervals(calendar: Calendar, bookings: readonly Booking[]): [number, number][] {
  const buffer = calendar.bufferMinutes * MINUTE;
  return bookings
    .filter((booking) => booking.status === "confirmed")
    .map((booking) => [Date.parse(booking.start) - buffer, Date.parse(booking.end) + buffer]);
}

function overlapsAny(busy: readonly [number, number][], startMs: number, endMs: number): boolean {
  return busy.some(([from, to]) => startMs < to && endMs > from);
}

/** The instant a wall-clock time happens, or, when the zone skips it, the instant the clock jumps past it. */
export function firstInstantAtOrAfter(zone: string, date: CivilDate, minute: number): number {
  const midnight = Date.UTC(date.year, date.month - 1, date.day);
  for (let shift = 0; shift <= 180; shift++) {
    const resolved = resolveWallTime(midnight + (minute + shift) * MINUTE, zone);
    if (resolved.kind !== "nonexistent") return resolved.millis;
  }
  throw new Error(`No instant found for ${isoDate(date)} minute ${minute} in ${zone}`);
}

function clockMinutes(text: string): number {
  const [hours = "0", minutes = "0"] = text.split(":");
  return Number(hours) * 60 + Number(minutes);
}

function toSlot(calendar: Calendar, startMs: number, endMs: number): Slot {
  const zone = zoneFor(calendar.timezone);
  return {
    start: formatAtOffset(startMs, zone.offset(startMs)),
    end: formatAtOffset(endMs, zone.offset(endMs)),
  };
}
