// Rule 17 at its edges: an ordinal weekday of a named month in the first year where it is not before
// today, "del mes" / "of the month" as this month (the next once this month's has passed), typed forms.
import { describe, expect, it } from "vitest";
import { readAppointmentTime } from "../../test/support/read-appointment-time.js";

// Thursday 22 January 2026, 10:30 in Mexico City.
const THURSDAY = "2026-01-22T10:30:00-06:00";
const ZONE = "America/Mexico_City";

describe("ordinal weekdays of a month (rule 17)", () => {
  it.each([
    ["cita el primer lunes de abril a las 9", "es", "2026-04-06"],
    ["el 1er lunes de julio", "es", "2026-07-06"],
    ["el 1ero lunes de marzo", "es", "2026-03-02"],
    ["el 2do martes de febrero", "es", "2026-02-10"],
    ["el segundo jueves de octubre", "es", "2026-10-08"],
    ["el penultimo viernes de marzo", "es", "2026-03-20"],
    ["el primer lunes del mes que viene", "es", "2026-02-02"],
    ["the second tuesday of march 2027", "en", "2027-03-09"],
    ["the 1st mon of july", "en", "2026-07-06"],
    ["the last friday of the month", "en", "2026-01-30"],
  ] as const)("%s (%s) → %s", (text, language, date) => {
    expect(readAppointmentTime(text, THURSDAY, ZONE, language).date).toBe(date);
  });

  it("the first Monday of this month, already past, is next year's", () => {
    expect(readAppointmentTime("the first monday of january", THURSDAY, ZONE, "en").date).toBe("2027-01-04");
    expect(readAppointmentTime("el primer lunes de enero", THURSDAY, ZONE).date).toBe("2027-01-04");
  });

  it("the last Friday of a month that is today is today", () => {
    const friday = "2026-01-30T08:00:00-06:00";
    expect(readAppointmentTime("el último viernes de enero a las 10", friday, ZONE).start).toBe(
      "2026-01-30T10:00:00-06:00",
    );
    expect(readAppointmentTime("el ultimo viernes del mes", friday, ZONE).date).toBe("2026-01-30");
  });

  it("'del mes' once this month's has passed is next month's", () => {
    const saturday = "2026-01-31T10:00:00-06:00";
    expect(readAppointmentTime("el último viernes del mes", saturday, ZONE).date).toBe("2026-02-27");
    expect(readAppointmentTime("the last friday of the month", saturday, ZONE, "en").date).toBe("2026-02-27");
  });

  it("a fifth weekday no year in reach has is an invalid date, not another day", () => {
    const read = readAppointmentTime("el quinto lunes de febrero", THURSDAY, ZONE);
    expect(read.date).toBeNull();
    expect(read.issues).toEqual([expect.objectContaining({ field: "date", reason: "invalid_date" })]);
  });
});
