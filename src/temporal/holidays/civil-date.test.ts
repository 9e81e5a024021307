import { describe, expect, it } from "vitest";
import { addDays, civilDate, dayNumber, daysInMonth, nthWeekdayOfMonth, weekdayOf } from "./civil-date.js";

describe("civil dates", () => {
  it("counts days from 1970-01-01 and back, across centuries and leap days", () => {
    expect(dayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(dayNumber({ year: 2013, month: 2, day: 12 })).toBe(Date.UTC(2013, 1, 12) / 86_400_000);
    for (let days = -200_000; days <= 200_000; days += 997) {
      const date = civilDate(days);
      expect(dayNumber(date)).toBe(days);
      expect(new Date(days * 86_400_000).toISOString().slice(0, 10)).toBe(
        `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`,
      );
    }
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2100, month: 2, day: 28 }, 1)).toEqual({ year: 2100, month: 3, day: 1 });
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2013, 12)).toBe(31);
  });

  it("gives ISO weekdays", () => {
    expect(weekdayOf(dayNumber({ year: 2013, month: 2, day: 12 }))).toBe(2);
    expect(weekdayOf(dayNumber({ year: 2024, month: 12, day: 29 }))).toBe(7);
    expect(weekdayOf(dayNumber({ year: 1969, month: 12, day: 29 }))).toBe(1);
  });

  it("finds the nth and the last weekday of a month", () => {
    expect(nthWeekdayOfMonth(2013, 11, 4, 4)).toEqual({ year: 2013, month: 11, day: 28 });
    expect(nthWeekdayOfMonth(2013, 5, 1, -1)).toEqual({ year: 2013, month: 5, day: 27 });
    expect(nthWeekdayOfMonth(2013, 3, 1, -1)).toEqual({ year: 2013, month: 3, day: 25 });
    expect(nthWeekdayOfMonth(2014, 3, 7, -1)).toEqual({ year: 2014, month: 3, day: 30 });
    expect(nthWeekdayOfMonth(2013, 10, 2, 1)).toEqual({ year: 2013, month: 10, day: 1 });
    expect(nthWeekdayOfMonth(2013, 2, 1, 5)).toBeNull();
  });
});
