import { describe, expect, it } from "vitest";
import { holidayOccurrence, holidayOccurrences } from "./occurrence.js";

const days = (id: string, years: readonly number[]) =>
  years.map((year) => {
    const { start } = holidayOccurrence(id, year)!;
    return `${start.year}-${String(start.month).padStart(2, "0")}-${String(start.day).padStart(2, "0")}`;
  });

describe("holidays with rules of their own", () => {
  it("date Chinese New Year from the Chinese calendar", () => {
    expect(days("chinese-new-year", [2013, 2014, 2018, 2020, 2021, 2022, 2023, 2024, 2025, 2026])).toEqual([
      "2013-02-10",
      "2014-01-31",
      "2018-02-16",
      "2020-01-25",
      "2021-02-12",
      "2022-02-01",
      "2023-01-22",
      "2024-02-10",
      "2025-01-29",
      "2026-02-17",
    ]);
  });

  it("gives Earth Hour from 20:30 to 21:30 on the last Saturday of March, not on Holy Saturday", () => {
    expect(holidayOccurrence("earth-hour", 2013)).toEqual({
      start: { year: 2013, month: 3, day: 23, hour: 20, minute: 30 },
      end: { year: 2013, month: 3, day: 23, hour: 21, minute: 30 },
      grain: "minute",
    });
    expect(days("earth-hour", [2016, 2018, 2019, 2023, 2024])).toEqual([
      "2016-03-19",
      "2018-03-24",
      "2019-03-30",
      "2023-03-25",
      "2024-03-23",
    ]);
  });

  it("date King's Day on 27 April, or the 26th when the 27th is a Sunday", () => {
    expect(days("kings-day", [2014, 2018, 2025])).toEqual(["2014-04-26", "2018-04-27", "2025-04-26"]);
  });

  it("date the Parsi New Year every 365 days, the Shahenshahi year having no leap day", () => {
    expect(days("parsi-new-year", [2018, 2019, 2020, 2022, 2024])).toEqual([
      "2018-08-17",
      "2019-08-17",
      "2020-08-16",
      "2022-08-16",
      "2024-08-15",
    ]);
    expect(holidayOccurrences("parsi-new-year", 2021)).toHaveLength(1);
  });
});
