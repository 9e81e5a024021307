// Rule 26 at its edges: a named holiday at its first occurrence on or after today, the day after or
// before it, and the days that differ by the appointment's country.
import { describe, expect, it } from "vitest";
import { readAppointmentTime } from "../../test/support/read-appointment-time.js";
import type { Language } from "../locales/index.js";
import { holidayDay } from "./regional-holidays.js";

const ZONE = "America/Mexico_City";
// Thursday 22 January 2026.
const JANUARY = "2026-01-22T10:30:00-06:00";

function dateOf(text: string, now: string, language: Language = "es", country?: string): string | null {
  return readAppointmentTime(text, now, ZONE, language, country === undefined ? {} : { country }).date;
}

describe("named holidays (rule 26)", () => {
  it.each([
    ["cita en navidad a las 10", "es", "2026-12-25"],
    ["nochebuena", "es", "2026-12-24"],
    ["en nochevieja", "es", "2026-12-31"],
    ["el dia de reyes", "es", "2027-01-06"],
    ["para reyes", "es", "2027-01-06"],
    ["año nuevo", "es", "2027-01-01"],
    ["xmas", "en", "2026-12-25"],
    ["christmas eve", "en", "2026-12-24"],
    ["new year's eve", "en", "2026-12-31"],
    ["new year's day", "en", "2027-01-01"],
  ] as const)("%s (%s) → %s", (text, language, date) => {
    expect(dateOf(text, JANUARY, language)).toBe(date);
  });

  it("a holiday that is today is today; the day after it, next year's", () => {
    expect(dateOf("navidad a las 5", "2026-12-25T09:00:00-06:00")).toBe("2026-12-25");
    expect(dateOf("navidad a las 5", "2026-12-26T09:00:00-06:00")).toBe("2027-12-25");
  });

  it("the day after or before a holiday is one day on or back, today included", () => {
    expect(dateOf("el día después de navidad", JANUARY)).toBe("2026-12-26");
    expect(dateOf("el dia siguiente a navidad", JANUARY)).toBe("2026-12-26");
    expect(dateOf("the day after christmas", JANUARY, "en")).toBe("2026-12-26");
    expect(dateOf("the day before christmas", JANUARY, "en")).toBe("2026-12-24");
    expect(dateOf("the day after christmas", "2026-12-26T08:00:00-06:00", "en")).toBe("2026-12-26");
    expect(dateOf("the day after new year's eve", "2027-01-01T08:00:00-06:00", "en")).toBe("2027-01-01");
  });

  it("'Reyes' after 'con' is a person, not 6 January", () => {
    expect(dateOf("cita con reyes el lunes", JANUARY)).toBe("2026-01-26");
  });

  it("Thanksgiving is the fourth Thursday of November in the US and the second Monday of October in Canada", () => {
    const september = "2026-09-01T10:00:00-06:00";
    expect(dateOf("thanksgiving", september, "en", "US")).toBe("2026-11-26");
    expect(dateOf("thanksgiving", september, "en", "CA")).toBe("2026-10-12");
    expect(dateOf("thanksgiving", "2026-10-13T10:00:00-06:00", "en", "CA")).toBe("2027-10-11");
    expect(dateOf("thanksgiving", "2026-11-26T08:00:00-06:00", "en", "US")).toBe("2026-11-26");
  });

  it("Father's Day is 19 March in Spain, the first Sunday of September in Australia, else June's third Sunday", () => {
    expect(dateOf("día del padre", JANUARY, "es", "ES")).toBe("2026-03-19");
    expect(dateOf("fathers day", JANUARY, "en", "AU")).toBe("2026-09-06");
    expect(dateOf("día del padre", JANUARY, "es", "MX")).toBe("2026-06-21");
  });

  it.each([
    ["MX", "2026-05-10"],
    ["ES", "2026-05-03"],
    ["AR", "2026-10-18"],
    ["US", "2026-05-10"],
    ["CO", "2026-05-10"],
    ["GB", "2026-03-15"],
    [undefined, "2026-05-10"],
  ] as const)("Mother's Day in %s is %s", (country, date) => {
    expect(dateOf("día de la madre", JANUARY, "es", country)).toBe(date);
    expect(holidayDay("mothers-day", 2026, country)).toEqual({
      year: 2026,
      month: Number(date.slice(5, 7)),
      day: Number(date.slice(8, 10)),
    });
  });
});
