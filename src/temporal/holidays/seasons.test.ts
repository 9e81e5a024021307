import { describe, expect, it } from "vitest";
import type { HolidayOccurrence } from "./holiday-definition.js";
import { holidayOccurrence } from "./occurrence.js";
import { seasonPeriod } from "./seasons.js";

const iso = (date: { year: number; month: number; day: number }) =>
  `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
const span = (occurrence: HolidayOccurrence) => [iso(occurrence.start), iso(occurrence.end!)];

describe("seasons", () => {
  it("run between Duckling's fixed days, the last one included", () => {
    expect(span(holidayOccurrence("summer", 2013)!)).toEqual(["2013-06-21", "2013-09-24"]);
    expect(span(holidayOccurrence("winter", 2012)!)).toEqual(["2012-12-21", "2013-03-21"]);
    expect(span(holidayOccurrence("spring", 2013)!)).toEqual(["2013-03-20", "2013-06-22"]);
    expect(span(holidayOccurrence("fall", 2013)!)).toEqual(["2013-09-23", "2013-12-22"]);
    expect(holidayOccurrence("winter", 2013)!.start).toEqual({ year: 2013, month: 12, day: 21 });
  });

  it("follow Duckling's season cycle for this, last and next season", () => {
    const reference = { year: 2013, month: 2, day: 12 };
    expect(span(seasonPeriod(reference, 0))).toEqual(["2012-12-21", "2013-03-19"]);
    expect(span(seasonPeriod(reference, -1))).toEqual(["2012-09-23", "2012-12-20"]);
    expect(span(seasonPeriod(reference, 1))).toEqual(["2013-03-20", "2013-06-20"]);
    expect(span(seasonPeriod({ year: 2013, month: 12, day: 21 }, 0))).toEqual(["2013-12-21", "2014-03-19"]);
    expect(span(seasonPeriod({ year: 2013, month: 12, day: 20 }, 2))).toEqual(["2014-03-20", "2014-06-20"]);
  });
});
