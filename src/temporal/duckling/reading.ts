// What Duckling's reading of an expression comes to, and the small pieces of time arithmetic the policy's
// parts share (policy.ts for expressions and intervals, clock.ts for times of day, dates.ts for dates).
import type { DateTime, DateTimeUnit } from "luxon";
import type { Grain } from "./types.js";

export interface Reading {
  start: DateTime;
  grain: Grain;
  /** Exclusive end, for intervals. */
  end?: DateTime;
  /** One end only: after `start` or before `end`. */
  open?: "after" | "before";
}

export function truncate(instant: DateTime, grain: Grain): DateTime {
  return grain === "week" ? instant.startOf("week") : instant.startOf(grain as DateTimeUnit);
}

/** `minutes` after the start of `day` on the wall clock (past 24:00 runs into the next day). */
export function atWallClock(day: DateTime, minutes: number, seconds = 0): DateTime {
  const days = Math.floor(minutes / 1440);
  const rest = minutes - days * 1440;
  return day
    .startOf("day")
    .plus({ days })
    .set({ hour: Math.floor(rest / 60), minute: rest % 60, second: seconds });
}

const GRAIN_ORDER: readonly Grain[] = ["second", "minute", "hour", "day", "week", "month", "quarter", "year"];

export function finer(a: Grain, b: Grain): Grain {
  return GRAIN_ORDER.indexOf(a) <= GRAIN_ORDER.indexOf(b) ? a : b;
}
