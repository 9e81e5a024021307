// Rule 28 at its edges: midnight named with a day is the start of that day or its end (an ambiguity with
// both); tonight's, or today's, is the one that ends today; a literal 00:00 or 12am stays as said.
import { describe, expect, it } from "vitest";
import { readAppointmentTime } from "../../test/support/read-appointment-time.js";

const ZONE = "America/Mexico_City";
// Thursday 22 January 2026, 10:30.
const THURSDAY = "2026-01-22T10:30:00-06:00";

describe("midnight with a day (rule 28)", () => {
  it.each([
    ["el viernes a medianoche", "es"],
    ["el viernes a las 12 de la noche", "es"],
    ["la medianoche del viernes", "es"],
    ["Friday at midnight", "en"],
    ["friday 12 midnight", "en"],
    ["friday at midnite", "en"],
    ["friday at 12 at night", "en"],
  ] as const)("%s (%s): 00:00, the day named or the next", (text, language) => {
    const read = readAppointmentTime(text, THURSDAY, ZONE, language);
    expect(read.time).toBe("00:00");
    expect(read.date).toBeNull();
    expect(read.start).toBeNull();
    expect(read.issues).toEqual([
      expect.objectContaining({ field: "date", issue: "ambiguous", options: ["2026-01-23", "2026-01-24"] }),
    ]);
  });

  it.each([
    ["esta noche a las 12", "es"],
    ["esta noche a medianoche", "es"],
    ["hoy a medianoche", "es"],
    ["tonight at midnight", "en"],
    ["tonight at 12", "en"],
  ] as const)("%s (%s) is the midnight that ends today", (text, language) => {
    const read = readAppointmentTime(text, THURSDAY, ZONE, language);
    expect(read.start).toBe("2026-01-23T00:00:00-06:00");
    expect(read.issues).toEqual([]);
  });

  it("tonight at midnight, said just before or just after midnight, is the one ending that day", () => {
    expect(readAppointmentTime("tonight at midnight", "2026-01-22T23:50:00-06:00", ZONE, "en").start).toBe(
      "2026-01-23T00:00:00-06:00",
    );
    expect(readAppointmentTime("tonight at midnight", "2026-01-23T00:10:00-06:00", ZONE, "en").start).toBe(
      "2026-01-24T00:00:00-06:00",
    );
  });

  it("the day named being today, only its end is ahead; 'el viernes' said on a Friday is next week's", () => {
    const friday = "2026-01-23T10:00:00-06:00";
    expect(readAppointmentTime("hoy viernes a medianoche", friday, ZONE).date).toBe("2026-01-24");
    expect(readAppointmentTime("el viernes a medianoche", friday, ZONE).issues).toEqual([
      expect.objectContaining({ field: "date", options: ["2026-01-30", "2026-01-31"] }),
    ]);
  });

  it("a literal 00:00 or 12am, and noon, stay as said", () => {
    for (const [text, language] of [
      ["el viernes a las 00:00", "es"],
      ["friday at 12am", "en"],
    ] as const) {
      const read = readAppointmentTime(text, THURSDAY, ZONE, language);
      expect([read.date, read.time, read.issues]).toEqual(["2026-01-23", "00:00", []]);
    }
    expect(readAppointmentTime("el viernes a las 12 del mediodia", THURSDAY, ZONE).time).toBe("12:00");
  });
});
