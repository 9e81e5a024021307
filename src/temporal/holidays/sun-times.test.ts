import { describe, expect, it } from "vitest";
import { dayNumber } from "./civil-date.js";
import { NEW_DELHI, sunrise, sunset } from "./sun-times.js";

/** Minutes after local midnight in India (UTC+5:30). */
const indianClock = (instant: number) => (((instant / 60_000 + 330) % 1440) + 1440) % 1440;

describe("sunrise and sunset", () => {
  it("matches New Delhi's almanac times to a few minutes", () => {
    const june = dayNumber({ year: 2024, month: 6, day: 21 });
    const december = dayNumber({ year: 2024, month: 12, day: 21 });
    expect(Math.abs(indianClock(sunrise(june, NEW_DELHI)) - (5 * 60 + 24))).toBeLessThan(4);
    expect(Math.abs(indianClock(sunset(june, NEW_DELHI)) - (19 * 60 + 22))).toBeLessThan(4);
    expect(Math.abs(indianClock(sunrise(december, NEW_DELHI)) - (7 * 60 + 10))).toBeLessThan(4);
    expect(Math.abs(indianClock(sunset(december, NEW_DELHI)) - (17 * 60 + 29))).toBeLessThan(4);
  });
});
