import { describe, expect, it } from "vitest";
import { ASHVIN, lunarMonths, SHRAVANA, sankranti, tithiAt, tithiSpan } from "./hindu-calendar.js";

const MINUTE = 60_000;
/** An instant as Indian Standard Time, to the minute. */
const indian = (instant: number) => new Date(instant + 330 * MINUTE).toISOString().slice(0, 16);

describe("Hindu calendar", () => {
  it("names amanta months by the Sun's sign at their new moon, with 2023's adhika Shravana", () => {
    const months = lunarMonths(2023).map(({ month, leap, start }) => [
      month,
      leap,
      indian(start).slice(0, 10),
    ]);
    expect(months).toContainEqual([SHRAVANA, true, "2023-07-18"]);
    expect(months).toContainEqual([SHRAVANA, false, "2023-08-16"]);
    expect(months).toContainEqual([ASHVIN, false, "2023-10-14"]);
    expect(months.filter(([, leap]) => leap)).toHaveLength(1);
    expect(lunarMonths(2022).some(({ leap }) => leap)).toBe(false);
  });

  it("times the Amavasya of Diwali 2023 as the almanacs do (12 Nov 14:44 to 13 Nov 14:56 IST)", () => {
    const ashvin = lunarMonths(2023).find(({ month, leap }) => month === ASHVIN && !leap)!;
    const [start, end] = tithiSpan(ashvin, 30);
    expect(Math.abs(start - Date.parse("2023-11-12T14:44+05:30")) / MINUTE).toBeLessThan(10);
    expect(Math.abs(end - Date.parse("2023-11-13T14:56+05:30")) / MINUTE).toBeLessThan(10);
    expect(tithiAt(Date.parse("2023-11-12T20:00+05:30"))).toBe(30);
    expect(tithiAt(Date.parse("2023-11-13T20:00+05:30"))).toBe(1);
  });

  it("times sankrantis with the Lahiri ayanamsa", () => {
    // Makara Sankranti 2018 at 13:45 IST, 2019 at 19:50 IST; Mesha Sankranti 2020 at 20:23 IST.
    expect(Math.abs(sankranti(2018, 9) - Date.parse("2018-01-14T13:45+05:30")) / MINUTE).toBeLessThan(15);
    expect(Math.abs(sankranti(2019, 9) - Date.parse("2019-01-14T19:50+05:30")) / MINUTE).toBeLessThan(15);
    expect(Math.abs(sankranti(2020, 0) - Date.parse("2020-04-13T20:23+05:30")) / MINUTE).toBeLessThan(15);
  });
});
