import { describe, expect, it } from "vitest";
import { dayNumber } from "./civil-date.js";
import { HEBREW } from "./hebrew-holidays.js";
import type { HolidayOccurrence } from "./holiday-definition.js";
import { holidayOccurrence } from "./occurrence.js";

const iso = (date: { year: number; month: number; day: number }) =>
  `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
const span = (occurrence: HolidayOccurrence | null) =>
  occurrence === null
    ? null
    : [iso(occurrence.start), occurrence.end === undefined ? null : iso(occurrence.end)];
const eve = (id: string, year: number) => iso(holidayOccurrence(id, year)!.start);

describe("Hebrew calendar holidays (dated by their eve)", () => {
  it("reads every month of a 19-year cycle under one name", () => {
    const months = new Set<string>();
    const from = dayNumber({ year: 2000, month: 1, day: 1 });
    for (let days = from; days < from + 19 * 366; days += 7) months.add(HEBREW.dayOf(days).month);
    expect([...months].sort()).toEqual(
      ["adar", "adar i", "adar ii", "av", "elul", "heshvan", "iyar", "kislev", "nisan", "shevat", "sivan"]
        .concat(["tamuz", "tevet", "tishri"])
        .sort(),
    );
  });

  it("dates Rosh Hashanah from its eve, two days and the eve", () => {
    // 1 Tishri 5779 was 10 September 2018; the holiday begins at sunset on the 9th.
    expect(span(holidayOccurrence("rosh-hashanah", 2018))).toEqual(["2018-09-09", "2018-09-12"]);
    expect(span(holidayOccurrence("rosh-hashanah", 2023))).toEqual(["2023-09-15", "2023-09-18"]);
    expect(span(holidayOccurrence("rosh-hashanah", 2024))).toEqual(["2024-10-02", "2024-10-05"]);
    expect(eve("rosh-hashanah", 2025)).toBe("2025-09-22");
  });

  it("dates the autumn and winter holidays", () => {
    expect(eve("yom-kippur", 2018)).toBe("2018-09-18");
    expect(eve("yom-kippur", 2024)).toBe("2024-10-11");
    expect(span(holidayOccurrence("sukkot", 2018))).toEqual(["2018-09-23", "2018-10-02"]);
    expect(eve("shemini-atzeret", 2018)).toBe("2018-09-30");
    expect(eve("simchat-torah", 2018)).toBe("2018-10-01");
    expect(span(holidayOccurrence("hanukkah", 2018))).toEqual(["2018-12-02", "2018-12-10"]);
    // Hanukkah 2024 runs into 2025: the occurrence belongs to the year it starts in.
    expect(span(holidayOccurrence("hanukkah", 2024))).toEqual(["2024-12-25", "2025-01-02"]);
    expect(eve("tu-bishvat", 2018)).toBe("2018-01-30");
  });

  it("dates Purim in Adar, or in Adar II in a leap year", () => {
    expect(eve("purim", 2013)).toBe("2013-02-23");
    expect(eve("shushan-purim", 2013)).toBe("2013-02-24");
    expect(eve("purim", 2024)).toBe("2024-03-23");
    expect(eve("purim", 2025)).toBe("2025-03-13");
  });

  it("dates the spring and summer holidays", () => {
    expect(span(holidayOccurrence("passover", 2018))).toEqual(["2018-03-30", "2018-04-08"]);
    expect(span(holidayOccurrence("passover", 2024))).toEqual(["2024-04-22", "2024-05-01"]);
    expect(eve("lag-baomer", 2017)).toBe("2017-05-13");
    expect(span(holidayOccurrence("shavuot", 2018))).toEqual(["2018-05-19", "2018-05-22"]);
  });

  it("moves Israeli observances off the Sabbath as the law does", () => {
    // Yom HaAtzmaut: 5 Iyar on a Friday (2018) back to Thursday; on a Monday (2024) on to Tuesday; on a
    // Saturday (2025) back to Thursday; a Monday before 2004 (1997) stays.
    expect(eve("yom-haatzmaut", 2018)).toBe("2018-04-18");
    expect(eve("yom-haatzmaut", 2024)).toBe("2024-05-13");
    expect(eve("yom-haatzmaut", 2025)).toBe("2025-04-30");
    expect(eve("yom-haatzmaut", 1997)).toBe("1997-05-11");
    // Yom HaShoah: 27 Nisan on a Sunday (2024) on to Monday; on a Friday (2025) back to Thursday.
    expect(eve("yom-hashoah", 2018)).toBe("2018-04-11");
    expect(eve("yom-hashoah", 2024)).toBe("2024-05-05");
    expect(eve("yom-hashoah", 2025)).toBe("2025-04-23");
    // Tisha B'Av: 9 Av on the Sabbath (2018, 2019) is kept on Sunday.
    expect(eve("tisha-bav", 2018)).toBe("2018-07-21");
    expect(eve("tisha-bav", 2019)).toBe("2019-08-10");
    expect(eve("tisha-bav", 2024)).toBe("2024-08-12");
  });
});
