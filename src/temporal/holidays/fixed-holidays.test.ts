import { describe, expect, it } from "vitest";
import { HOLIDAY_IDS } from "./catalog.js";
import { holidayOccurrence } from "./occurrence.js";

const day = (id: string, year: number) => {
  const { start } = holidayOccurrence(id, year)!;
  return `${start.year}-${String(start.month).padStart(2, "0")}-${String(start.day).padStart(2, "0")}`;
};

describe("fixed-date holidays", () => {
  it("fall on their month and day every year", () => {
    for (const year of [1999, 2013, 2024, 2100]) {
      expect(day("christmas", year)).toBe(`${year}-12-25`);
      expect(day("christmas-eve", year)).toBe(`${year}-12-24`);
      expect(day("new-years-eve", year)).toBe(`${year}-12-31`);
      expect(day("new-years-day", year)).toBe(`${year}-01-01`);
      expect(day("valentines-day", year)).toBe(`${year}-02-14`);
      expect(day("halloween", year)).toBe(`${year}-10-31`);
      expect(day("st-patricks-day", year)).toBe(`${year}-03-17`);
    }
  });

  it("date the Spanish corpus's observances as Duckling does", () => {
    expect(day("april-fools", 2013)).toBe("2013-04-01");
    expect(day("holy-innocents", 2013)).toBe("2013-12-28");
    expect(day("arabic-language-day", 2013)).toBe("2013-12-18");
    expect(day("zero-discrimination-day", 2013)).toBe("2013-03-01");
    expect(day("world-prematurity-day", 2013)).toBe("2013-11-17");
    expect(day("world-vegan-day", 2013)).toBe("2013-11-01");
  });

  it("has unique ids", () => {
    expect(new Set(HOLIDAY_IDS).size).toBe(HOLIDAY_IDS.length);
  });
});
