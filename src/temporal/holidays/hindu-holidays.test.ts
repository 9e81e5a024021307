// Published dates (national holiday lists and New Delhi almanacs) across years. The Duckling corpus is
// checked as one more sample in corpus.test.ts.
import { describe, expect, it } from "vitest";
import type { CivilDate } from "./civil-date.js";
import { holidayOccurrence, holidayOccurrences } from "./occurrence.js";

const iso = (date: CivilDate) =>
  `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
const dayOf = (id: string) => (published: string) => {
  const occurrence = holidayOccurrence(id, Number(published.slice(0, 4)));
  return occurrence === null ? null : iso(occurrence.start);
};

/** Each id with dates it was kept on; the computation must give every one of them. */
const PUBLISHED: Readonly<Record<string, readonly string[]>> = {
  diwali: [
    "2013-11-03",
    "2018-11-07",
    "2019-10-27",
    "2020-11-14",
    "2021-11-04",
    "2022-10-24",
    "2023-11-12",
  ].concat(["2024-10-31", "2025-10-20"]),
  dhanteras: ["2017-10-17", "2019-10-25", "2020-11-13", "2021-11-02", "2023-11-10", "2024-10-29"],
  "naraka-chaturdashi": ["2019-10-26", "2021-11-03", "2022-10-23", "2023-11-11", "2024-10-30"],
  "bhai-dooj": ["2018-11-09", "2019-10-29", "2020-11-16", "2021-11-06", "2024-11-03"],
  chhath: ["2019-11-02", "2020-11-20", "2021-11-10", "2022-10-30", "2023-11-19", "2024-11-07"],
  "holika-dahan": ["2019-03-20", "2022-03-17", "2023-03-07", "2024-03-24", "2025-03-13"],
  holi: [
    "2013-03-27",
    "2018-03-02",
    "2019-03-21",
    "2020-03-10",
    "2021-03-29",
    "2022-03-18",
    "2023-03-08",
  ].concat(["2024-03-25", "2025-03-14"]),
  ugadi: ["2018-03-18", "2019-04-06", "2020-03-25", "2021-04-13", "2022-04-02", "2023-03-22", "2024-04-09"],
  "rama-navami": ["2020-04-02", "2021-04-21", "2022-04-10", "2023-03-30", "2024-04-17", "2025-04-06"],
  "mahavir-jayanti": ["2019-04-17", "2020-04-06", "2021-04-25", "2022-04-14", "2023-04-04", "2024-04-21"],
  "hanuman-jayanti": ["2021-04-27", "2022-04-16", "2023-04-06", "2024-04-23"],
  "akshaya-tritiya": ["2019-05-07", "2020-04-26", "2021-05-14", "2022-05-03", "2023-04-22", "2024-05-10"],
  "buddha-purnima": ["2013-05-25", "2018-04-30", "2019-05-18", "2020-05-07", "2021-05-26", "2022-05-16"],
  // Sri Lanka's Vesak poya: a day before India's Buddha Purnima in 2018 and 2022.
  vesak: ["2013-05-24", "2018-04-29", "2022-05-15", "2023-05-05", "2024-05-23"],
  "ratha-yatra": ["2018-07-14", "2019-07-04", "2020-06-23", "2021-07-12", "2022-07-01", "2023-06-20"],
  "guru-purnima": ["2020-07-05", "2021-07-24", "2022-07-13", "2023-07-03", "2024-07-21"],
  "raksha-bandhan": ["2018-08-26", "2020-08-03", "2021-08-22", "2022-08-11", "2023-08-30", "2025-08-09"],
  // The Smarta date (Ashtami at midnight); Vaishnava calendars are often a day later.
  "krishna-janmashtami": ["2018-09-02", "2019-08-23", "2020-08-11", "2022-08-18", "2023-09-06", "2024-08-26"],
  "ganesh-chaturthi": ["2018-09-13", "2019-09-02", "2020-08-22", "2021-09-10", "2022-08-31", "2023-09-19"],
  "maha-saptami": ["2021-10-12", "2022-10-02", "2023-10-21", "2024-10-10"],
  vijayadashami: ["2018-10-19", "2019-10-08", "2020-10-25", "2021-10-15", "2022-10-05", "2023-10-24"].concat([
    "2024-10-12",
    "2025-10-02",
  ]),
  "valmiki-jayanti": ["2018-10-24", "2019-10-13", "2020-10-31", "2021-10-20", "2022-10-09", "2023-10-28"],
  "karva-chauth": ["2018-10-27", "2019-10-17", "2020-11-04", "2021-10-24", "2022-10-13", "2023-11-01"].concat(
    ["2024-10-20", "2025-10-10"],
  ),
  "guru-nanak-jayanti": ["2019-11-12", "2020-11-30", "2021-11-19", "2022-11-08", "2023-11-27", "2024-11-15"],
  "guru-gobind-singh-jayanti": ["2014-01-07", "2020-01-02", "2021-01-20", "2022-01-09", "2024-01-17"],
  "vasant-panchami": ["2018-01-22", "2019-02-10", "2020-01-29", "2021-02-16", "2022-02-05", "2023-01-26"],
  "guru-ravidas-jayanti": ["2018-01-31", "2019-02-19", "2020-02-09", "2021-02-27", "2022-02-16"],
  "dayananda-saraswati-jayanti": ["2018-02-10", "2020-02-18", "2021-03-08", "2022-02-26", "2023-02-15"],
  "maha-shivaratri": ["2019-03-04", "2020-02-21", "2021-03-11", "2022-03-01", "2023-02-18", "2024-03-08"],
};

describe("Hindu, Sikh, Jain and Buddhist lunar festivals", () => {
  for (const [id, dates] of Object.entries(PUBLISHED)) {
    it(`dates ${id} as published`, () => {
      expect(dates.map(dayOf(id))).toEqual(dates);
    });
  }

  it("gives Navaratri from Pratipada to the eve of Vijayadashami, Durga Puja from Shashthi through Dashami", () => {
    const span = (id: string, year: number) => {
      const occurrence = holidayOccurrence(id, year)!;
      return [iso(occurrence.start), iso(occurrence.end!)];
    };
    expect(span("navaratri", 2019)).toEqual(["2019-09-29", "2019-10-08"]);
    expect(span("navaratri", 2023)).toEqual(["2023-10-15", "2023-10-24"]);
    expect(span("durga-puja", 2021)).toEqual(["2021-10-11", "2021-10-16"]);
  });

  it("finds Guru Gobind Singh Jayanti twice in some years and not at all in others", () => {
    expect(holidayOccurrences("guru-gobind-singh-jayanti", 2022).map(({ start }) => iso(start))).toEqual([
      "2022-01-09",
      "2022-12-29",
    ]);
    expect(holidayOccurrences("guru-gobind-singh-jayanti", 2023)).toEqual([]);
  });

  it("keeps festivals out of adhika months (2023's adhika Shravana)", () => {
    expect(dayOf("raksha-bandhan")("2023")).toBe("2023-08-30");
    expect(dayOf("krishna-janmashtami")("2023")).toBe("2023-09-06");
  });
});
