import { describe, expect, it } from "vitest";
import { orthodoxEaster, westernEaster } from "./computus.js";
import { holidayOccurrence } from "./occurrence.js";

const iso = (date: { year: number; month: number; day: number }) =>
  `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;

// Published Easter dates, 2013-2030 (Western and Orthodox).
const WESTERN = [
  "2013-03-31",
  "2014-04-20",
  "2015-04-05",
  "2016-03-27",
  "2017-04-16",
  "2018-04-01",
  "2019-04-21",
  "2020-04-12",
  "2021-04-04",
  "2022-04-17",
  "2023-04-09",
  "2024-03-31",
  "2025-04-20",
  "2026-04-05",
  "2027-03-28",
  "2028-04-16",
  "2029-04-01",
  "2030-04-21",
];
const ORTHODOX = [
  "2013-05-05",
  "2014-04-20",
  "2015-04-12",
  "2016-05-01",
  "2017-04-16",
  "2018-04-08",
  "2019-04-28",
  "2020-04-19",
  "2021-05-02",
  "2022-04-24",
  "2023-04-16",
  "2024-05-05",
  "2025-04-20",
  "2026-04-12",
  "2027-05-02",
  "2028-04-16",
  "2029-04-08",
  "2030-04-28",
];

describe("computus", () => {
  it("dates Western Easter 2013-2030, and the edges of its range", () => {
    expect(WESTERN.map((_, index) => iso(westernEaster(2013 + index)))).toEqual(WESTERN);
    expect(iso(westernEaster(1818))).toBe("1818-03-22");
    expect(iso(westernEaster(1943))).toBe("1943-04-25");
  });

  it("dates Orthodox Easter 2013-2030", () => {
    expect(ORTHODOX.map((_, index) => iso(orthodoxEaster(2013 + index)))).toEqual(ORTHODOX);
  });

  it("counts the moveable feasts from Easter", () => {
    const day = (id: string, year: number) => iso(holidayOccurrence(id, year)!.start);
    expect(day("shrove-tuesday", 2013)).toBe("2013-02-12");
    expect(day("ash-wednesday", 2024)).toBe("2024-02-14");
    expect(day("palm-sunday", 2013)).toBe("2013-03-24");
    expect(day("maundy-thursday", 2013)).toBe("2013-03-28");
    expect(day("good-friday", 2024)).toBe("2024-03-29");
    expect(day("easter-monday", 2013)).toBe("2013-04-01");
    expect(day("ascension", 2024)).toBe("2024-05-09");
    expect(day("pentecost", 2013)).toBe("2013-05-19");
    expect(day("whit-monday", 2013)).toBe("2013-05-20");
    expect(day("trinity-sunday", 2013)).toBe("2013-05-26");
    expect(day("corpus-christi", 2024)).toBe("2024-05-30");
    expect(day("clean-monday", 2018)).toBe("2018-02-19");
    expect(day("lazarus-saturday", 2018)).toBe("2018-03-31");
    expect(day("orthodox-good-friday", 2020)).toBe("2020-04-17");
  });

  it("gives Lent, Great Lent and Holy Week as runs of days with an exclusive end", () => {
    const lent = holidayOccurrence("lent", 2018)!;
    expect([iso(lent.start), iso(lent.end!)]).toEqual(["2018-02-14", "2018-04-01"]);
    const greatLent = holidayOccurrence("great-lent", 2018)!;
    expect([iso(greatLent.start), iso(greatLent.end!)]).toEqual(["2018-02-19", "2018-03-31"]);
    const holyWeek = holidayOccurrence("holy-week", 2025)!;
    expect([iso(holyWeek.start), iso(holyWeek.end!)]).toEqual(["2025-04-13", "2025-04-21"]);
  });
});
