import { describe, expect, it } from "vitest";
import type { Language } from "../locales/index.js";
import { extractExpressions } from "./extract.js";
import { normalizeText } from "./text.js";

// Texts that must yield no date or time: numbers, prices, scores, greetings, words that look like times.
const NEGATIVES: [Language, string][] = [
  ["es", "tengo 3 perros y 2 gatos"],
  ["es", "mi teléfono es 555 1234"],
  ["es", "buenas tardes"],
  ["es", "buenas noches, gracias"],
  ["es", "cuesta 10.30 euros"],
  ["es", "llegué tarde otra vez"],
  ["es", "el partido quedó 3-1"],
  ["es", "vivo en la calle 12"],
  ["en", "I have 2 kids"],
  ["en", "the cat sat on the mat"],
  ["en", "the sun is out"],
  ["en", "good night"],
  ["en", "version 10.30 is out"],
  ["en", "it costs 100 dollars"],
  ["en", "the score was 3-1"],
  ["en", "may I ask something?"],
];

describe("negative cases", () => {
  it.each(NEGATIVES)("%s: %s", (language, text) => {
    const expressions = extractExpressions(
      normalizeText(text),
      { language, dayFirst: language === "es" },
      new Date("2026-01-22T10:30:00Z"),
    );
    expect(expressions.filter((expression) => expression.durationMinutes === undefined)).toEqual([]);
  });
});
