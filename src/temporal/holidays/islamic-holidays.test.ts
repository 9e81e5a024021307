import { describe, expect, it } from "vitest";
import { dayNumber } from "./civil-date.js";
import type { HolidayOccurrence } from "./holiday-definition.js";
import { HIJRI } from "./islamic-holidays.js";
import { holidayOccurrence, holidayOccurrences } from "./occurrence.js";

const iso = (date: { year: number; month: number; day: number }) =>
  `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
const day = (id: string, year: number) => iso(holidayOccurrence(id, year)!.start);
const span = (occurrence: HolidayOccurrence) => [iso(occurrence.start), iso(occurrence.end!)];

describe("Islamic holidays", () => {
  it("reads Umm al-Qura from 1 Muharram 1420 and the astronomical calendar before, without a seam", () => {
    const seam = dayNumber({ year: 1999, month: 4, day: 17 });
    expect(HIJRI.dayOf(seam)).toMatchObject({ month: "1", day: 1, year: 1420 });
    expect(HIJRI.dayOf(seam - 1)).toMatchObject({ month: "12", year: 1419 });
    expect(holidayOccurrences("islamic-new-year", 1999).map((occurrence) => iso(occurrence.start))).toEqual([
      "1999-04-17",
    ]);
  });

  it("dates Eid al-Fitr as Saudi Arabia kept it", () => {
    const published = [
      "2018-06-15",
      "2019-06-04",
      "2020-05-24",
      "2021-05-13",
      "2022-05-02",
      "2023-04-21",
    ].concat(["2024-04-10", "2025-03-30"]);
    expect(published.map((_, index) => day("eid-al-fitr", 2018 + index))).toEqual(published);
    // Before 1999, from the astronomical calendar.
    expect(day("eid-al-fitr", 1975)).toBe("1975-10-06");
    expect(day("eid-al-fitr", 1988)).toBe("1988-05-16");
  });

  it("gives both occurrences when a holiday falls twice in a Gregorian year", () => {
    expect(holidayOccurrences("eid-al-fitr", 2000).map((occurrence) => iso(occurrence.start))).toEqual([
      "2000-01-08",
      "2000-12-27",
    ]);
    expect(day("eid-al-fitr", 2000)).toBe("2000-01-08");
  });

  it("dates Eid al-Adha, the new year, Ashura and Mawlid", () => {
    const adha = ["2018-08-21", "2019-08-11", "2020-07-31", "2021-07-20", "2022-07-09", "2023-06-28"].concat([
      "2024-06-16",
      "2025-06-06",
    ]);
    expect(adha.map((_, index) => day("eid-al-adha", 2018 + index))).toEqual(adha);
    expect(day("eid-al-adha", 1980)).toBe("1980-10-19");
    expect(day("islamic-new-year", 2018)).toBe("2018-09-11");
    expect(day("islamic-new-year", 2024)).toBe("2024-07-07");
    expect(day("ashura", 2017)).toBe("2017-09-30");
    expect(day("mawlid", 2017)).toBe("2017-11-30");
    expect(day("isra-and-miraj", 2018)).toBe("2018-04-13");
  });

  it("gives Ramadan up to Eid al-Fitr, and the days counted in it", () => {
    expect(span(holidayOccurrence("ramadan", 2018)!)).toEqual(["2018-05-16", "2018-06-15"]);
    expect(span(holidayOccurrence("ramadan", 2024)!)).toEqual(["2024-03-11", "2024-04-10"]);
    expect(span(holidayOccurrence("ramadan", 2046)!)).toEqual(["2046-07-05", "2046-08-04"]);
    expect(day("laylat-al-qadr", 2018)).toBe("2018-06-11");
    // The last Friday before Eid, even when Eid itself is a Friday (2018).
    expect(day("jumuatul-wida", 2018)).toBe("2018-06-08");
    expect(day("jumuatul-wida", 2017)).toBe("2017-06-23");
  });
});
