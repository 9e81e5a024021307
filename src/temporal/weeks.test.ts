// Rule 18 at its edges: N weeks on (+7N days); with a weekday, that weekday of the calendar week (Monday to
// Sunday) holding today + 7N; "the week after next", "Tuesday week": two calendar weeks on; a week alone
// is no day.
import { describe, expect, it } from "vitest";
import { readAppointmentTime } from "../../test/support/read-appointment-time.js";
import type { Language } from "../locales/index.js";
import { extractExpressions } from "./extract.js";
import { normalizeText } from "./text.js";

// Thursday 22 January 2026, 10:30 in Buenos Aires; its calendar week runs from Monday the 19th.
const THURSDAY = "2026-01-22T10:30:00-03:00";
const ZONE = "America/Argentina/Buenos_Aires";

function dateOf(text: string, language: Language, now = THURSDAY): string | null {
  return readAppointmentTime(text, now, ZONE, language).date;
}

describe("weeks on (rule 18)", () => {
  it.each([
    ["dentro de 2 semanas", "es", "2026-02-05"],
    ["en dos semanas", "es", "2026-02-05"],
    ["in 2 weeks", "en", "2026-02-05"],
    ["in 2 wks", "en", "2026-02-05"],
    ["in a fortnight", "en", "2026-02-05"],
    ["a fortnight from today", "en", "2026-02-05"],
    ["in 0 weeks", "en", "2026-01-22"],
    ["in 53 weeks", "en", "2027-01-28"],
  ] as const)("%s (%s) → %s", (text, language, date) => {
    expect(dateOf(text, language)).toBe(date);
  });

  it.each([
    ["in 3 weeks on a thursday", "en", "2026-02-12"],
    ["dentro de dos semanas, el martes", "es", "2026-02-03"],
    ["el martes dentro de dos semanas", "es", "2026-02-03"],
    ["on friday 2 weeks from today", "en", "2026-02-06"],
  ] as const)("with a weekday, that day of the week holding today + 7N: %s → %s", (text, language, date) => {
    expect(dateOf(text, language)).toBe(date);
  });

  it("on a Sunday, 'in 1 week on Monday' is tomorrow: today + 7 falls in the calendar week starting then", () => {
    // Sunday 8 March: today + 7 is Sunday the 15th, whose calendar week starts on Monday the 9th.
    expect(dateOf("in 1 week on monday", "en", "2026-03-08T09:00:00-03:00")).toBe("2026-03-09");
  });

  it.each([
    ["the week after next on Tuesday", "en"],
    ["tuesday the week after next", "en"],
    ["Tuesday week", "en"],
    ["a week on tuesday", "en"],
    ["el martes de la semana siguiente a la próxima", "es"],
    ["la semana después de la próxima, el martes", "es"],
  ] as const)("%s (%s) is Tuesday two calendar weeks on", (text, language) => {
    expect(dateOf(text, language)).toBe("2026-02-03");
  });

  it("'next week on Tuesday' is still next calendar week's", () => {
    expect(dateOf("next week on tuesday", "en")).toBe("2026-01-27");
    expect(dateOf("el martes de la semana que viene", "es")).toBe("2026-01-27");
  });

  it.each([
    ["next week", "en"],
    ["the week after next", "en"],
    ["la semana que viene", "es"],
    ["la próxima semana", "es"],
  ] as const)("%s alone names no day: date null, an ambiguous date", (text, language) => {
    const read = readAppointmentTime(text, THURSDAY, ZONE, language);
    expect(read.date).toBeNull();
    expect(read.issues).toContainEqual(
      expect.objectContaining({ field: "date", issue: "ambiguous", reason: "whole_week" }),
    );
  });

  it("a weekday and its week are one expression, so conversation slots and the LLM's grounding see one date", () => {
    const found = extractExpressions(
      normalizeText("the week after next on Tuesday at 2pm"),
      { language: "en", dayFirst: false },
      new Date(THURSDAY),
    );
    expect(found.map((expression) => [expression.text, expression.date])).toEqual([
      ["the week after next on Tuesday", { kind: "weekday", weekday: 2, weeksAhead: 2 }],
      ["at 2pm", undefined],
    ]);
  });

  it("a weekday far from the week, other words between, is not joined to it", () => {
    expect(dateOf("el martes con el dr lee, en 2 semanas", "es")).toBe("2026-01-27");
    expect(dateOf("el jueves, y en 3 semanas otra", "es")).toBe("2026-01-29");
  });
});
