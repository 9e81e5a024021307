import { describe, expect, it } from "vitest";
import type { HolidayOccurrence } from "./holiday-definition.js";
import { nextOccurrence } from "./next-occurrence.js";

const REFERENCE = { year: 2013, month: 2, day: 12 };
const iso = (occurrence: HolidayOccurrence | null) => {
  if (occurrence === null) return null;
  const { year, month, day } = occurrence.start;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
};

describe("nextOccurrence", () => {
  it("finds the next occurrence, today's included", () => {
    expect(iso(nextOccurrence("christmas", REFERENCE, "next"))).toBe("2013-12-25");
    expect(iso(nextOccurrence("thanksgiving", REFERENCE, "next", 1))).toBe("2014-11-27");
    expect(iso(nextOccurrence("shrove-tuesday", REFERENCE, "next"))).toBe("2013-02-12");
    expect(iso(nextOccurrence("mlk-day", REFERENCE, "next"))).toBe("2014-01-20");
  });

  it("counts an occurrence under way on the reference day as the next one", () => {
    expect(iso(nextOccurrence("winter", REFERENCE, "next"))).toBe("2012-12-21");
    expect(iso(nextOccurrence("hanukkah", { year: 2025, month: 1, day: 1 }, "next"))).toBe("2024-12-25");
    expect(iso(nextOccurrence("ramadan", { year: 2024, month: 3, day: 20 }, "next"))).toBe("2024-03-11");
  });

  it("finds the last occurrence, over before the reference day", () => {
    expect(iso(nextOccurrence("thanksgiving", REFERENCE, "last"))).toBe("2012-11-22");
    expect(iso(nextOccurrence("chinese-new-year", REFERENCE, "last"))).toBe("2013-02-10");
    expect(iso(nextOccurrence("mlk-day", REFERENCE, "last"))).toBe("2013-01-21");
    expect(iso(nextOccurrence("easter", REFERENCE, "last"))).toBe("2012-04-08");
    expect(iso(nextOccurrence("shrove-tuesday", REFERENCE, "last"))).toBe("2012-02-21");
    expect(iso(nextOccurrence("eid-al-fitr", { year: 2000, month: 12, day: 31 }, "last", 1))).toBe(
      "2000-01-08",
    );
  });

  it("finds the nearest occurrences in either direction", () => {
    expect(iso(nextOccurrence("christmas", REFERENCE, "nearest"))).toBe("2012-12-25");
    expect(iso(nextOccurrence("christmas", REFERENCE, "nearest", 1))).toBe("2013-12-25");
    expect(iso(nextOccurrence("christmas", REFERENCE, "nearest", 2))).toBe("2011-12-25");
  });

  it("answers null for an unknown holiday", () => {
    expect(nextOccurrence("no-such-day", REFERENCE, "next")).toBeNull();
    expect(nextOccurrence("no-such-day", REFERENCE, "nearest")).toBeNull();
  });
});
