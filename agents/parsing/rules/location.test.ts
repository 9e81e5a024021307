// The place a text names: an address is the location (rule 23), a place phrase after a preposition is one
// unless its first word never names a place; "to" and "a" bring none.
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../../src/temporal/text.js";
import { readText } from "./read.js";

function read(text: string, language: "es" | "en") {
  const readable = { text: normalizeText(text), language, foreign: false, dayFirst: language === "es" };
  return readText(readable, new Date("2026-03-05T18:00:00Z"));
}

function location(text: string, language: "es" | "en" = "en"): string | null {
  return read(text, language).location;
}

describe("an address is the location", () => {
  it.each([
    ["turno en Av. 9 de Julio 1500 el sábado", "Av. 9 de Julio 1500", "es"],
    ["appointment at 22 Baker Street on Monday at 10", "22 Baker Street", "en"],
    ["Apple store on 5th Ave friday", "5th Ave", "en"],
    ["meeting at 1375 Montecito Avenue tomorrow", "1375 Montecito Avenue", "en"],
    ["cita en la carrera 7 # 45-10 el martes a las 9", "carrera 7 # 45-10", "es"],
    ["haircut at 1512 Barber Shop saturday 3pm", "1512 Barber Shop", "en"],
  ] as const)("%j → %j", (text, expected, language) => {
    expect(location(text, language)).toBe(expected);
  });

  it("and its numbers are read as no date or time", () => {
    const texts = (text: string, language: "es" | "en") =>
      read(text, language).expressions.map((expression) => expression.text);
    expect(texts("appointment at 22 Baker Street on Monday at 10", "en")).toEqual(["on Monday", "at 10"]);
    expect(texts("turno en Av. 9 de Julio 1500 el sábado", "es")).toEqual(["el sábado"]);
  });

  it("addresses next to one another are one location", () => {
    expect(location("meet at unit 12, 40 King St on Monday at 9:30")).toBe("unit 12, 40 King St");
  });

  it("a place phrase the address continues keeps both", () => {
    expect(location("cita en la clínica Sur, Av. Horacio 123 el lunes", "es")).toBe(
      "clínica Sur, Av. Horacio 123",
    );
  });

  it("a phone, a price or a rating is no location", () => {
    expect(location("call 415-555-0123 to book tmrw at 2pm")).toBeNull();
    expect(location("the salon is rated 4.5, book me saturday at 11")).toBeNull();
  });
});

describe("words that never start a place", () => {
  it.each([
    "dentist tmrw at 4pm, put it in my calendar",
    "remind me about the meeting in advance",
    "remind me to pay my bills at the start of every month",
    "look at the pasta tomorrow at 5",
    "i need to turn in my assignment tonight by eleven",
    "cita mañana a las 10 en persona",
  ])("%j has none", (text) => {
    expect(location(text, /cita/.test(text) ? "es" : "en")).toBeNull();
  });

  it("the same words after a real place keep it", () => {
    expect(location("meeting at the library at 5 and put it in my calendar")).toBe("library");
  });
});

describe("'to' and 'a' bring no place", () => {
  it("before a person as often as a place, or a verb", () => {
    expect(location("cita el lunes a las 10, avisale a Rosario", "es")).toBeNull();
    expect(location("remind me to go to the gym friday at 6")).toBeNull();
  });
});
