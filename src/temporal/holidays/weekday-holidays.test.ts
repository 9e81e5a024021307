import { describe, expect, it } from "vitest";
import { holidayOccurrence } from "./occurrence.js";

const days = (id: string, years: readonly number[]) =>
  years.map((year) => {
    const { start } = holidayOccurrence(id, year)!;
    return `${start.year}-${String(start.month).padStart(2, "0")}-${String(start.day).padStart(2, "0")}`;
  });

describe("holidays on a weekday of a month", () => {
  it("date US Thanksgiving on the fourth Thursday of November, and Black Friday after it", () => {
    expect(days("thanksgiving", [2012, 2013, 2014, 2016, 2017, 2018, 2019, 2024, 2025])).toEqual([
      "2012-11-22",
      "2013-11-28",
      "2014-11-27",
      "2016-11-24",
      "2017-11-23",
      "2018-11-22",
      "2019-11-28",
      "2024-11-28",
      "2025-11-27",
    ]);
    expect(days("black-friday", [2013, 2017, 2024])).toEqual(["2013-11-29", "2017-11-24", "2024-11-29"]);
    expect(days("cyber-monday", [2013, 2024])).toEqual(["2013-12-02", "2024-12-02"]);
  });

  it("date the US Monday holidays", () => {
    expect(days("mlk-day", [2012, 2013, 2014, 2021, 2025])).toEqual([
      "2012-01-16",
      "2013-01-21",
      "2014-01-20",
      "2021-01-18",
      "2025-01-20",
    ]);
    expect(days("presidents-day", [2013, 2025])).toEqual(["2013-02-18", "2025-02-17"]);
    expect(days("memorial-day", [2013, 2021, 2024, 2025])).toEqual([
      "2013-05-27",
      "2021-05-31",
      "2024-05-27",
      "2025-05-26",
    ]);
    expect(days("labor-day", [2013, 2020, 2025])).toEqual(["2013-09-02", "2020-09-07", "2025-09-01"]);
    expect(days("columbus-day", [2013, 2025])).toEqual(["2013-10-14", "2025-10-13"]);
    expect(days("election-day", [2016, 2020, 2024])).toEqual(["2016-11-08", "2020-11-03", "2024-11-05"]);
  });

  it("date Mother's and Father's Day on the second Sunday of May and the third of June", () => {
    expect(days("mothers-day", [2013, 2020, 2024, 2025])).toEqual([
      "2013-05-12",
      "2020-05-10",
      "2024-05-12",
      "2025-05-11",
    ]);
    expect(days("fathers-day", [2013, 2020, 2024, 2025])).toEqual([
      "2013-06-16",
      "2020-06-21",
      "2024-06-16",
      "2025-06-15",
    ]);
  });

  it("date Boss's Day on the weekday closest to 16 October", () => {
    expect(days("bosses-day", [2013, 2016, 2021, 2022])).toEqual([
      "2013-10-16",
      "2016-10-17",
      "2021-10-15",
      "2022-10-17",
    ]);
  });

  it("date the International Day of Cooperatives on the first Saturday of July", () => {
    expect(days("international-day-of-cooperatives", [2013, 2019, 2025])).toEqual([
      "2013-07-06",
      "2019-07-06",
      "2025-07-05",
    ]);
  });
});
