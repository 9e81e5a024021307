import { describe, expect, it } from "vitest";
import { lahiriAyanamsa, lunarPhase, moonLongitude, solveAngle, sunLongitude } from "./astronomy.js";

const MINUTE = 60_000;

describe("astronomy", () => {
  it("gives Meeus's worked examples (TT taken as UT plus a minute)", () => {
    // Example 47.a, 1992-04-12 0h TT: λ = 133.162655° before nutation.
    expect(moonLongitude(Date.UTC(1992, 3, 12) - MINUTE)).toBeCloseTo(133.1627, 2);
    // Example 25.a, 1992-10-13 0h TT: apparent λ = 199.90895°, of which nutation is +0.00476°.
    expect(sunLongitude(Date.UTC(1992, 9, 13) - MINUTE)).toBeCloseTo(199.9042, 2);
  });

  it("puts the Lahiri ayanamsa at 23.857° at J2000 and 24.2° in 2024", () => {
    expect(lahiriAyanamsa(Date.UTC(2000, 0, 1, 12))).toBeCloseTo(23.857, 3);
    expect(lahiriAyanamsa(Date.UTC(2024, 0, 1))).toBeCloseTo(24.19, 2);
  });

  it("times new and full moons to a few minutes", () => {
    const near = (instant: number, expected: number) =>
      expect(Math.abs(instant - expected) / MINUTE).toBeLessThan(4);
    const phaseSpeed = 360 / 29.530588861;
    // The total solar eclipse of 8 April 2024 (new moon 18:21 UTC); the full moon of 25 March 2024, 07:00.
    near(solveAngle(lunarPhase, 0, Date.UTC(2024, 3, 7), phaseSpeed), Date.UTC(2024, 3, 8, 18, 21));
    near(solveAngle(lunarPhase, 180, Date.UTC(2024, 2, 24), phaseSpeed), Date.UTC(2024, 2, 25, 7, 0));
    // 1 January 2000's new moon was on 6 January, 18:14 UTC.
    near(solveAngle(lunarPhase, 0, Date.UTC(2000, 0, 5), phaseSpeed), Date.UTC(2000, 0, 6, 18, 14));
  });
});
