// From a span of the folded text back to the text as sent, in code points: what the edge's cleaning
// (trim, invisible characters removed, NFC) moved is retraced, and a text whose NFC form cannot be retraced
// character by character is counted in its cleaned form instead.
import { describe, expect, it } from "vitest";
import { cleanText } from "../http/schemas/clean-text.js";
import { normalizeText } from "../temporal/text.js";
import { sentText } from "./offsets.js";

/** The span of `words` in the text as read, mapped back to `sent`. */
function spanOf(sent: string, words: string) {
  const cleaned = cleanText(sent);
  const read = normalizeText(cleaned.trim());
  const from = read.folded.indexOf(words);
  expect(from, `"${words}" in "${read.folded}"`).toBeGreaterThanOrEqual(0);
  return sentText(read, cleaned, sent).span(from, from + words.length);
}

describe("sentText", () => {
  it("counts an emoji as one code point and keeps the user's case and accents", () => {
    expect(spanOf("😀😀 Mañana", "manana")).toEqual({ start: 3, end: 9, text: "Mañana" });
  });

  it("counts the leading blank space the edge trimmed", () => {
    expect(spanOf(" \t mañana", "manana")).toEqual({ start: 3, end: 9, text: "mañana" });
  });

  it("covers a decomposed accent whole: the letter and its mark", () => {
    expect(spanOf("Pe\u0301rez", "perez")).toEqual({ start: 0, end: 6, text: "Pe\u0301rez" });
  });

  it("counts invisible characters the edge removed, before and inside the span", () => {
    expect(spanOf("\u200b\u202ecita ma\u200bñana", "manana")).toEqual({
      start: 7,
      end: 14,
      text: "ma\u200bñana",
    });
  });

  it("counts in the cleaned text when its NFC form cannot be retraced (conjoining Hangul jamo)", () => {
    // U+1100 U+1161 compose to 가 across two characters that are not marks.
    const span = spanOf("\u1100\u1161 cita mañana", "manana");
    expect(span).toEqual({ start: 7, end: 13, text: "mañana" });
  });
});
