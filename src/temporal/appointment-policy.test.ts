import { describe, expect, it } from "vitest";
import { readAppointmentTime } from "../../test/support/read-appointment-time.js";
import type { Language } from "../locales/index.js";
import { extractExpressions } from "./extract.js";
import { normalizeText } from "./text.js";

// Every case pins its reference instant and zone.
function read(
  text: string,
  now: string,
  zone: string,
  language: Language = "es",
  dayFirst = language === "es",
) {
  return readAppointmentTime(text, now, zone, language, { dayFirst });
}

// Thursday 22 January 2026, 10:30 in Madrid.
const THURSDAY = "2026-01-22T10:30:00+01:00";

describe("weekdays (rule 3)", () => {
  it.each([
    ["el lunes", "2026-01-26"],
    ["el próximo lunes", "2026-01-26"],
    ["el jueves que viene", "2026-01-29"],
    ["el jueves", "2026-01-29"],
    ["el viernes", "2026-01-23"],
    ["el lunes de la semana que viene", "2026-01-26"],
    ["el viernes de la semana que viene", "2026-01-30"],
    ["la semana que viene, el martes", "2026-01-27"],
  ])("%s → %s", (text, date) => {
    expect(read(text, THURSDAY, "Europe/Madrid").date).toBe(date);
  });

  it.each([
    ["next Monday", "2026-01-26"],
    ["this Wednesday", "2026-01-28"],
    ["on Thursday", "2026-01-29"],
    ["Friday next week", "2026-01-30"],
    ["Thursday next week", "2026-01-29"],
  ])("%s → %s", (text, date) => {
    expect(read(text, THURSDAY, "Europe/Madrid", "en").date).toBe(date);
  });
});

describe("dates without a year (rule 4)", () => {
  it("takes next year's 3 January late in December", () => {
    expect(read("el 3 de enero", "2026-12-28T09:00:00+01:00", "Europe/Madrid").date).toBe("2027-01-03");
  });
  it("takes this month's day when not past, else next month's", () => {
    expect(read("el 28", THURSDAY, "Europe/Madrid").date).toBe("2026-01-28");
    expect(read("el 20", THURSDAY, "Europe/Madrid").date).toBe("2026-02-20");
    expect(read("el 22", THURSDAY, "Europe/Madrid").date).toBe("2026-01-22");
  });
  it("flags a weekday that contradicts the day number", () => {
    const resolved = read("el viernes 29", THURSDAY, "Europe/Madrid");
    expect(resolved.date).toBeNull();
    expect(resolved.issues).toContainEqual(
      expect.objectContaining({ field: "date", reason: "weekday_mismatch" }),
    );
  });
});

describe("numeric dates (rule 5)", () => {
  it("reads day first in Spanish and en-GB, month first in en-US", () => {
    expect(read("el 3/2", THURSDAY, "Europe/Madrid").date).toBe("2026-02-03");
    expect(read("on 3/2", THURSDAY, "Europe/London", "en", true).date).toBe("2026-02-03");
    expect(read("on 3/2", THURSDAY, "America/New_York", "en", false).date).toBe("2026-03-02");
    expect(read("2026-02-14", THURSDAY, "America/New_York", "en", false).date).toBe("2026-02-14");
  });
});

describe("times (rule 6)", () => {
  it.each([
    ["a las 3", "15:00"],
    ["a las 7", "07:00"],
    ["a las 12", "12:00"],
    ["a las 3 de la tarde", "15:00"],
    ["a las 8 de la noche", "20:00"],
    ["a las 6 de la mañana", "06:00"],
    ["a las 10 y media", "10:30"],
    ["a las 5 menos cuarto", "16:45"],
    ["a las diez y cuarto", "10:15"],
    ["15 hs", "15:00"],
    ["a las 9h", "09:00"],
    ["al mediodía", "12:00"],
    ["a medianoche", "00:00"],
    ["mañana por la tarde a las 4", "16:00"],
  ])("%s → %s", (text, time) => {
    expect(read(`mañana ${text}`, THURSDAY, "Europe/Madrid").time).toBe(time);
  });

  it.each([
    ["at 4", "16:00"],
    ["at 9", "09:00"],
    ["3pm", "15:00"],
    ["12am", "00:00"],
    ["half past 4", "16:30"],
    ["quarter to 11", "10:45"],
    ["ten past 2", "14:10"],
    ["at half 3", "15:30"],
    ["at 9 in the evening", "21:00"],
    ["at noon", "12:00"],
  ])("%s → %s", (text, time) => {
    expect(read(`tomorrow ${text}`, THURSDAY, "Europe/London", "en").time).toBe(time);
  });
});

describe("part of day without an hour (rule 7)", () => {
  it("leaves the time empty and flags it", () => {
    const resolved = read("mañana por la tarde", THURSDAY, "Europe/Madrid");
    expect(resolved.date).toBe("2026-01-23");
    expect(resolved.time).toBeNull();
    expect(resolved.issues).toContainEqual(expect.objectContaining({ field: "time", reason: "part_of_day" }));
  });
});

describe('"de mañana": tomorrow\'s appointment, or the morning', () => {
  it.each([
    ["mi cita de mañana a las 3", "2026-01-23", "15:00"],
    ["cancelar el turno de mañana", "2026-01-23", null],
    ["la limpieza dental de mañana a las 10", "2026-01-23", "10:00"],
    ["a las 8 de mañana", null, "08:00"],
    ["un turno de mañana a las 9", null, "09:00"],
    ["cancelar el turno del dentista de mañana a las 3", "2026-01-23", "15:00"],
    ["mover la cita con la Dra. Ruiz de mañana a las 10", "2026-01-23", "10:00"],
    ["quiero una cita de mañana", null, null],
  ])("%s → %s %s", (text, date, time) => {
    const resolved = read(text, THURSDAY, "Europe/Madrid");
    expect([resolved.date, resolved.time]).toEqual([date, time]);
  });
});

describe("daylight saving (rule 15)", () => {
  it("uses the target date's offset, not the reference's", () => {
    // Madrid springs forward on Sunday 29 March 2026.
    expect(read("el lunes a las 10", "2026-03-26T10:00:00+01:00", "Europe/Madrid").start).toBe(
      "2026-03-30T10:00:00+02:00",
    );
  });
  it("flags a skipped local time", () => {
    const resolved = read(
      "el domingo a las 2:30 de la madrugada",
      "2026-03-26T10:00:00+01:00",
      "Europe/Madrid",
    );
    expect(resolved.start).toBeNull();
    expect(resolved.issues).toContainEqual(expect.objectContaining({ issue: "nonexistent_time" }));
  });
  it("takes the earlier of a repeated local time and flags it", () => {
    // New York falls back on Sunday 1 November 2026.
    const resolved = read("Sunday at 1:30am", "2026-10-29T10:00:00-04:00", "America/New_York", "en");
    expect(resolved.start).toBe("2026-11-01T01:30:00-04:00");
    expect(resolved.issues).toContainEqual(
      expect.objectContaining({ field: "time", reason: "repeated_time" }),
    );
  });
});

describe("offsets from now", () => {
  it("adds hours to the reference instant", () => {
    const resolved = read("in 2 hours", THURSDAY, "Europe/Madrid", "en");
    expect([resolved.date, resolved.time]).toEqual(["2026-01-22", "12:30"]);
  });
});

describe("numbers beside a clock that make it no clock (rules 8 and 23)", () => {
  it.each([
    ["the session takes about 15 minutes", "en"],
    ["a 30 min call", "en"],
    ["they are rated at 4.8", "en"],
  ] as const)("%j has no time", (text, language) => {
    expect(read(text, THURSDAY, "Europe/Madrid", language).time).toBeNull();
  });

  it("'at 4.30' is still half past four, and 'about 15' fifteen o'clock", () => {
    expect(read("at 4.30 pm", THURSDAY, "Europe/Madrid", "en").time).toBe("16:30");
    expect(read("tomorrow about 15", THURSDAY, "Europe/Madrid", "en").time).toBe("15:00");
  });

  it("'12:30 y 18:00' lists two times: 'y 18' adds no minutes to a time that has them", () => {
    const found = extractExpressions(
      normalizeText("hoy tengo 12:30 y 18:00"),
      { language: "es", dayFirst: true },
      new Date(THURSDAY),
    );
    expect(
      found.filter((expression) => expression.time !== undefined).map((expression) => expression.time),
    ).toEqual([
      expect.objectContaining({ hour: 12, minute: 30 }),
      expect.objectContaining({ hour: 18, minute: 0 }),
    ]);
    expect(read("a las 3 y 20", THURSDAY, "Europe/Madrid").time).toBe("15:20");
  });

  it("'el 23 y necesito…' is the 23rd; only 'y media', 'y cuarto' or minutes after 'y' make a clock", () => {
    expect(read("se casa el 23 y necesito peinado", THURSDAY, "Europe/Madrid").date).toBe("2026-01-23");
  });
});

describe("no impossible output", () => {
  it("a date outside the years 1900–2199 is no date", () => {
    expect(
      read("turno en Av. 9 de Julio 1500 a las 10", THURSDAY, "America/Argentina/Buenos_Aires").date,
    ).not.toBe("1500-07-09");
    expect(read("cita el 3 de mayo de 2400 a las 10", THURSDAY, "Europe/Madrid").date).toBeNull();
    expect(read("cita el 3 de mayo de 2199 a las 10", THURSDAY, "Europe/Madrid").date).toBe("2199-05-03");
    expect(read("cita el 3 de mayo de 1900 a las 10", THURSDAY, "Europe/Madrid").date).toBe("1900-05-03");
    expect(read("cita el 3 de mayo de 1899 a las 10", THURSDAY, "Europe/Madrid").date).toBeNull();
  });

  it("an offset of local mean time is written to the whole minute, the wall clock as read", () => {
    // Kathmandu kept its local mean time, +05:41:16, until 1920.
    expect(read("cita el 3 de mayo de 1910 a las 10", THURSDAY, "Asia/Kathmandu").start).toBe(
      "1910-05-03T10:00:00+05:41",
    );
  });
});

describe("a part of the day around a bare hour, either order (rule 19)", () => {
  it.each([
    ["tomorrow evening 5", "en", "2026-01-23", "17:00"],
    ["morning 11 tomorrow", "en", "2026-01-23", "11:00"],
    ["tomorrow afternoon 3", "en", "2026-01-23", "15:00"],
    ["arvo 4 tomorrow", "en", "2026-01-23", "16:00"],
    ["tonight 8", "en", "2026-01-22", "20:00"],
    ["this morning at 9", "en", "2026-01-22", "09:00"],
    ["tomorrow 9:15 in the night", "en", "2026-01-23", "21:15"],
    ["tomorrow at quarter to 12 in the morning", "en", "2026-01-23", "11:45"],
    ["tomorrow at ten to 12 at night", "en", "2026-01-23", "23:50"],
    ["tomorrow at 12 in the afternoon", "en", "2026-01-23", "12:00"],
    // A bare "quarter to 7" keeps the bare-hour rule on the hour said.
    ["tomorrow at quarter to 7", "en", "2026-01-23", "06:45"],
    ["tomorrow morning 2 hours", "en", "2026-01-23", null],
    ["el viernes tarde 5", "es", "2026-01-23", "17:00"],
    ["mañana a la noche 9", "es", "2026-01-23", "21:00"],
    ["el lunes por la mañana 10", "es", "2026-01-26", "10:00"],
    ["esta noche 8", "es", "2026-01-22", "20:00"],
    // Without its article "mañana" is tomorrow, not the morning.
    ["mañana 10 personas", "es", "2026-01-23", null],
  ] as const)("%j", (text, language, date, time) => {
    const resolved = read(text, THURSDAY, "Europe/Madrid", language);
    expect([resolved.date, resolved.time]).toEqual([date, time]);
  });
});
