// Rule 23: numbers of other kinds are never dates or times; real times beside them stay.
import { describe, expect, it } from "vitest";
import { extractExpressions } from "../../../src/temporal/extract.js";
import { normalizeText } from "../../../src/temporal/text.js";
import { maskNotTimes, notTimes } from "./not-times.js";

function kept(text: string): string[] {
  const masked = maskNotTimes(normalizeText(text));
  const reference = new Date("2019-03-01T18:00:00Z");
  return extractExpressions(masked, { language: "en", dayFirst: false }, reference).map(
    (found) => found.text,
  );
}

function covered(text: string): string[] {
  const normalized = normalizeText(text);
  return notTimes(normalized).map(({ from, to }) => normalized.folded.slice(from, to));
}

describe("numbers that are not times", () => {
  it.each([
    ["They are rated 4.5 and are at 2737 20th Street", "20th street"],
    ["The address is 14475 South Bascom Ave", "14475 south bascom ave"],
    ["apartment visit march 6th 1290 san tomas aquino road 3 pm", "1290 san tomas aquino road"],
    ["their phone number is 408-739-6520", "408-739-6520"],
    ["rated 4.5", "rated 4.5"],
    ["it costs $500", "$500"],
    ["Valor $35.000.", "$35.000"],
    ["son 500 pesos", "500"],
    ["llamá al +34 600 123 456", "+34 600 123 456"],
    ["call (408) 739-6520", "(408) 739-6520"],
    ["una mesa para 2 personas", "2 personas"],
    ["en Av. 9 de Julio 1500", "av. 9 de julio 1500"],
    ["How about 17 Jewels Salon in Oakland", "17 jewels salon"],
  ])("%j covers %j", (text, span) => {
    expect(covered(text).some((found) => found.includes(span))).toBe(true);
  });

  it("keeps the times and dates beside them", () => {
    expect(kept("How about 17 Jewels Salon on March 2nd at 10:30 am?")).toEqual([
      "on March 2nd",
      "at 10:30 am",
    ]);
    expect(kept("apartment visit march 6th 1290 san tomas aquino road 3 pm")).toEqual(["march 6th", "3 pm"]);
  });

  it("an ISO date, a clock time or a short number is no phone", () => {
    expect(covered("el 2026-03-05 a las 10:30")).toEqual([]);
    expect(kept("el 2026-03-05 a las 10:30")).toHaveLength(2);
  });

  it("a time before a street stays a time", () => {
    expect(kept("meet at 3 on main street")).toEqual(["at 3"]);
    expect(kept("dentist appointment tomorrow at 3 pm with Dr. Robert S. Gilbert")).toEqual([
      "tomorrow",
      "at 3 pm",
    ]);
  });
});

describe("rule 23 at its edges", () => {
  function keptIn(text: string, language: "es" | "en"): string[] {
    const masked = maskNotTimes(normalizeText(text));
    const reference = new Date("2026-03-05T18:00:00Z");
    return extractExpressions(masked, { language, dayFirst: language === "es" }, reference).map(
      (found) => found.text,
    );
  }

  it("a house number that could be an hour is the address; the hour after it stays", () => {
    expect(covered("meeting at 10 Downing St at 3")).toEqual(["10 downing st"]);
    expect(kept("meeting at 10 Downing St at 3")).toEqual(["at 3"]);
  });

  it("'calle 10 a las 10': the street's number, then the time", () => {
    expect(covered("cita en la calle 10 a las 10")).toEqual(["calle 10"]);
    expect(keptIn("cita en la calle 10 a las 10", "es")).toEqual(["a las 10"]);
  });

  it("a word after a door number is the street's only when it is no time word", () => {
    expect(covered("dentist in suite 200 tmrw at 11")).toEqual(["suite 200"]);
    expect(covered("calle 10 norte")).toEqual(["calle 10 norte"]);
  });

  it("a phone number written with spaces", () => {
    expect(covered("mi cel es 11 4567 8901 mañana a las 10")).toEqual(["11 4567 8901"]);
    expect(keptIn("mi cel es 11 4567 8901 mañana a las 10", "es")).toEqual(["mañana", "a las 10"]);
    expect(covered("el 15 a las 10 30")).toEqual([]);
  });

  it.each([
    ["oil change $49.99 tomorrow at 9", "$49.99"],
    ["son 45,50 euros", "45,50"],
    ["cuesta €12.50", "€12.50"],
  ])("a price with a decimal: %j", (text, price) => {
    expect(covered(text)).toEqual([price]);
  });

  it("'2 people at 7': the count, then the time", () => {
    expect(covered("table for 2 people at 7")).toEqual(["2 people"]);
    expect(kept("table for 2 people at 7")).toEqual(["at 7"]);
  });

  it("an ordinal before a street word is a street; before a ranking or nothing it is a date", () => {
    expect(covered("Apple store on 5th Ave friday")).toEqual(["5th ave"]);
    expect(covered("drinks on 42nd St tonight")).toEqual(["42nd st"]);
    expect(covered("she finished 5th place")).toEqual([]);
    expect(kept("see you on the 5th at 3")).toEqual(["on the 5th", "at 3"]);
  });

  it.each([
    ["cita en la calle Alcalá 45 el jueves", "calle alcala 45"],
    ["turno en av corrientes 1234 el lunes", "av corrientes 1234"],
    ["cita en jr. de la union 456 el viernes", "jr. de la union 456"],
  ])("a Spanish street word, its name and the door number: %j", (text, span) => {
    expect(covered(text)).toEqual([span]);
  });

  it("a street word before time words is no address", () => {
    expect(covered("nos vemos en la avenida el lunes 10")).toEqual([]);
  });

  it("a lower-case business needs a number of three digits: '5 barber shop' may be an hour", () => {
    expect(covered("haircut at 1512 barber shop")).toEqual(["1512 barber shop"]);
    expect(covered("haircut tomorrow at 5 barber shop")).toEqual([]);
  });

  it("capitals after an hour that are a clock word keep the hour", () => {
    expect(covered("call at 10 AM EST")).toEqual([]);
    expect(covered("at 128 El Cerrito Plz")).toEqual(["128 el cerrito plz"]);
  });

  it("tells each number's kind", () => {
    const normalized = normalizeText("22 Baker Street, rated 4.5, $20, 2 people, 415-555-0123");
    expect(notTimes(normalized).map((found) => found.kind)).toEqual([
      "address",
      "rating",
      "price",
      "count",
      "phone",
    ]);
  });
});

describe("capitals that tell no business name", () => {
  it("in a text written in capitals, or before a preposition", () => {
    expect(covered("CANCELAR MI CITA DE MAÑANA A LAS 3 CON EL DENTISTA")).toEqual([]);
    expect(covered("CITA MAÑANA A LAS 3 DRA PEREZ")).toEqual([]);
    expect(covered("Tomorrow At 3 With Dr Lee Smith")).toEqual([]);
    expect(covered("How about 17 Jewels Salon in Oakland")).toEqual(["17 jewels salon"]);
  });
});
