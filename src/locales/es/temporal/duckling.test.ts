// Spanish parsers for Duckling's reading rules: what each one proposes (the expression's fields), on our own
// sentences rather than the corpus's, and a few readings end to end in Europe/Madrid.
import { describe, expect, it } from "vitest";
import { parseDuckling } from "../../../temporal/duckling/engine.js";
import { extractExpressions } from "../../../temporal/extract.js";
import { normalizeText } from "../../../temporal/text.js";
import type { TemporalExpression } from "../../../temporal/types.js";
import { spanishDucklingParsers } from "./duckling.js";

/** Thursday 2026-01-22 11:30 in Madrid. */
const REFERENCE = new Date("2026-01-22T10:30:00Z");
const ZONE = "Europe/Madrid";

function longest(text: string): TemporalExpression {
  const expressions = extractExpressions(
    normalizeText(text),
    { language: "es", dayFirst: true },
    REFERENCE,
    spanishDucklingParsers,
  );
  const found = expressions.reduce<TemporalExpression | undefined>(
    (best, expression) =>
      best === undefined || expression.end - expression.index > best.end - best.index ? expression : best,
    undefined,
  );
  expect(found, `nothing found in "${text}"`).toBeDefined();
  return found!;
}

describe("Spanish Duckling parsers", () => {
  it.each([
    ["quedamos ahora mismo", { kind: "now" }],
    ["lo antes posible, por favor", { kind: "now" }],
    ["en este preciso momento", { kind: "relative", days: 0 }],
    ["para el trimestre que viene", { kind: "cycle", unit: "quarter", offset: 1 }],
    ["durante el mes anterior", { kind: "cycle", unit: "month", offset: -1 }],
    ["la siguiente semana", { kind: "cycle", unit: "week", offset: 1 }],
    ["este año no", { kind: "cycle", unit: "year", offset: 0 }],
    ["el sábado que viene", { kind: "weekday", weekday: 6, skipNearest: true }],
    ["el viernes de esta semana", { kind: "weekday", weekday: 5, week: "this" }],
    ["el jueves de la semana anterior", { kind: "weekday", weekday: 4, week: "previous" }],
    ["nos vemos el vie.", { kind: "weekday", weekday: 5 }],
    ["el sáb 7", { kind: "calendar", day: 7, weekday: 6 }],
    ["el día veintiuno", { kind: "calendar", day: 21 }],
    ["el treinta y uno de diciembre", { kind: "calendar", day: 31, month: 12 }],
    ["junio 9 del 2027", { kind: "calendar", day: 9, month: 6, year: 2027 }],
    ["el 24-6", { kind: "calendar", day: 24, month: 6 }],
    [
      "nació el dos de junio de mil novecientos ochenta y cuatro",
      { kind: "calendar", day: 2, month: 6, year: 1984 },
    ],
    ["dos mil veintisiete", { kind: "year", year: 2027 }],
    ["en el año 1810", { kind: "year", year: 1810 }],
    ["el próximo finde", { kind: "weekend", offset: 1 }],
    ["el segundo jueves de abril", { kind: "nthWeekday", ordinal: 2, weekday: 4, month: 4, year: undefined }],
    ["el último lunes del mes pasado", { kind: "nthWeekday", ordinal: -1, weekday: 1, monthOffset: -1 }],
    ["el tercer trimestre del 2027", { kind: "quarter", quarter: 3, year: 2027 }],
  ])("%s", (text, date) => {
    expect(longest(text).date).toEqual(date);
  });

  it.each([
    ["los próximos cuatro días", { count: 4, unit: "day", direction: "next" }],
    ["las últimas 2 semanas", { count: 2, unit: "week", direction: "past" }],
    ["dos próximos trimestres", { count: 2, unit: "quarter", direction: "next" }],
    ["cinco años que vienen", { count: 5, unit: "year", direction: "next" }],
  ])("span: %s", (text, span) => {
    expect(longest(text).span).toEqual(span);
  });

  it.each([
    ["llego en 10 minutos", { amount: 10, unit: "minute" }, undefined],
    ["en media hora", { amount: 30, unit: "minute" }, undefined],
    ["en dos horas y media", { amount: 150, unit: "minute" }, undefined],
    ["hace un par de días", { amount: -2, unit: "day" }, undefined],
    ["cuatro semanas atrás", { amount: -4, unit: "week" }, undefined],
    ["dentro de cinco minutos", { amount: 5, unit: "minute" }, true],
  ])("shift: %s", (text, shift, within) => {
    const expression = longest(text);
    expect(expression.shift).toEqual(shift);
    expect(expression.within).toBe(within);
  });

  it.each([
    ["a las nueve y cincuenta y cinco", { hour: 9, minute: 55 }],
    ["las siete cero cinco pm", { hour: 7, minute: 5, minuteGiven: true, meridiem: "pm" }],
    ["a las 8 0 7 am", { hour: 8, minute: 7, minuteGiven: true, meridiem: "am" }],
    ["ocho veinte de la noche", { hour: 8, minute: 20, minuteGiven: true, meridiem: "pm" }],
    ["diez de la mañana", { hour: 10, minute: 0, meridiem: "am" }],
    ["a las 18.45", { hour: 18, minute: 45, minuteGiven: true }],
    ["a las 10:00", { hour: 10, minute: 0, minuteGiven: true }],
    ["4 y media", { hour: 4, minute: 30 }],
    ["la una menos diez", { hour: 1, minute: 0, minutesBefore: 10 }],
    ["a las 20 horas", { hour: 20, minute: 0, clock24: true }],
  ])("time: %s", (text, time) => {
    expect(longest(text).time).toEqual(time);
  });

  it("reads a range of days in one month, words included", () => {
    expect(longest("del dos al cinco de agosto").interval).toEqual({
      from: { date: { kind: "calendar", day: 2, month: 8, year: undefined } },
      to: { date: { kind: "calendar", day: 5, month: 8, year: undefined } },
    });
    expect(longest("entre el 29 y el 2 de marzo").interval?.from?.date).toEqual({
      kind: "calendar",
      day: 29,
      month: 2,
      year: undefined,
    });
  });

  it.each(["dos mil pesos", "mil gracias", "cuesta 10.30 euros", "a 5 km de la oficina", "de 9 a 11"])(
    "reads no time in %s",
    (text) => {
      const expressions = extractExpressions(
        normalizeText(text),
        { language: "es", dayFirst: true },
        REFERENCE,
        spanishDucklingParsers,
      );
      expect(expressions.filter((expression) => expression.time || expression.date)).toEqual([]);
    },
  );

  it("answers as Duckling in the requested zone", () => {
    const read = (text: string) =>
      parseDuckling(text, { locale: "es_ES", zone: ZONE, reference: REFERENCE.getTime(), dims: ["time"] })[0]
        ?.value;
    expect(read("la semana que viene")).toMatchObject({
      value: "2026-01-26T00:00:00.000+01:00",
      grain: "week",
    });
    expect(read("el próximo martes")).toMatchObject({ value: "2026-02-03T00:00:00.000+01:00", grain: "day" });
    expect(read("hace tres días")).toMatchObject({ value: "2026-01-19T11:00:00.000+01:00", grain: "hour" });
    expect(read("las nueve cuarenta de la noche")).toMatchObject({
      value: "2026-01-22T21:40:00.000+01:00",
      grain: "minute",
    });
    expect(read("próximos 2 meses")).toMatchObject({
      type: "interval",
      from: { value: "2026-02-01T00:00:00.000+01:00", grain: "month" },
      // Summer time has begun by April.
      to: { value: "2026-04-01T00:00:00.000+02:00", grain: "month" },
    });
  });
});
