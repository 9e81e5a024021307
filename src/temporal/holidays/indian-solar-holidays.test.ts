import { describe, expect, it } from "vitest";
import type { CivilDate } from "./civil-date.js";
import { holidayOccurrence } from "./occurrence.js";

const iso = (date: CivilDate) =>
  `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
const days = (id: string, published: readonly string[]) =>
  published.map((date) => iso(holidayOccurrence(id, Number(date.slice(0, 4)))!.start));

describe("Indian solar festivals", () => {
  it("keeps Makar Sankranti and Pongal on the day of the ingress into Capricorn, the next if after sunset", () => {
    const sankranti = ["2018-01-14", "2019-01-15", "2020-01-15", "2021-01-14", "2022-01-14", "2023-01-15"];
    expect(days("makar-sankranti", sankranti)).toEqual(sankranti);
    expect(days("thai-pongal", sankranti)).toEqual(sankranti);
    expect(days("bhogi", ["2018"])).toEqual(["2018-01-13"]);
    expect(days("mattu-pongal", ["2018"])).toEqual(["2018-01-15"]);
    expect(days("kaanum-pongal", ["2018"])).toEqual(["2018-01-16"]);
  });

  it("keeps Vaisakhi on the Hindu day (sunrise to sunrise) of the ingress into Aries", () => {
    const vaisakhi = ["2018-04-14", "2019-04-14", "2020-04-13", "2021-04-13", "2022-04-14", "2024-04-13"];
    expect(days("vaisakhi", vaisakhi.concat("2025-04-13"))).toEqual(vaisakhi.concat("2025-04-13"));
    expect(days("puthandu", ["2020-04-14", "2024-04-14"])).toEqual(["2020-04-14", "2024-04-14"]);
    expect(days("vishu", ["2023-04-15", "2024-04-14"])).toEqual(["2023-04-15", "2024-04-14"]);
  });

  it("dates Rabindra Jayanti 25 Boishakh, counting Boishakh from the day after the sankranti", () => {
    const jayanti = ["2018-05-09", "2019-05-09", "2020-05-08", "2022-05-09", "2024-05-08"];
    expect(days("rabindra-jayanti", jayanti)).toEqual(jayanti);
    expect(days("pohela-boishakh", ["2018-04-15", "2020-04-14"])).toEqual(["2018-04-15", "2020-04-14"]);
  });

  it("dates Onam on Thiruvonam in Chingam, the second one when there are two (2024)", () => {
    const onam = ["2013-09-16", "2018-08-24", "2019-09-11", "2020-08-31", "2021-08-21", "2022-09-08"];
    const later = ["2023-08-29", "2024-09-15", "2025-09-05"];
    expect(days("onam", onam.concat(later))).toEqual(onam.concat(later));
  });
});
