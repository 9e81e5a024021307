import { describe, expect, it } from "vitest";
import { ExtractionSchema } from "./extraction-schema.js";
import { repairAndValidate } from "./repair.js";

const VALID = {
  isAppointmentRequest: true,
  language: "es",
  contact: "Dr. O'Brien",
  service: null,
  location: "clínica de Polanco",
  durationMinutes: 30,
  dateText: "mañana",
  timeText: "a las 10",
};
const JSON_TEXT = JSON.stringify(VALID);

describe("near-JSON repair", () => {
  it("accepts valid JSON untouched", () => {
    expect(repairAndValidate(JSON_TEXT, ExtractionSchema)).toEqual({
      ok: true,
      value: VALID,
      repaired: false,
    });
  });

  it.each([
    ["a code fence", `\`\`\`json\n${JSON_TEXT}\n\`\`\``],
    ["a bare fence", `\`\`\`\n${JSON_TEXT}\n\`\`\``],
    ["leading and trailing prose", `Sure! Here is the JSON:\n${JSON_TEXT}\nAnything else?`],
    ["trailing commas", JSON_TEXT.replace(/\}$/, ",\n}")],
    ["single quotes", JSON_TEXT.replace(/"(\w+)":/g, "'$1':").replace(/: "([^"']*)"/g, ": '$1'")],
  ])("repairs %s", (_name, text) => {
    const result = repairAndValidate(text, ExtractionSchema);
    expect(result).toEqual({ ok: true, value: VALID, repaired: true });
  });

  it("leaves an apostrophe inside a double-quoted string alone", () => {
    const text = `${JSON_TEXT.slice(0, -1)},}`;
    const result = repairAndValidate(text, ExtractionSchema);
    expect(result.ok && result.value.contact).toBe("Dr. O'Brien");
  });

  it.each([
    ["an extra key", JSON.stringify({ ...VALID, confidence: 1 })],
    ["a missing key", JSON.stringify({ ...VALID, timeText: undefined })],
    ["a wrong type", JSON.stringify({ ...VALID, durationMinutes: "30 minutes" })],
    ["a duration out of range", JSON.stringify({ ...VALID, durationMinutes: 600 })],
    ["a fractional duration", JSON.stringify({ ...VALID, durationMinutes: 12.5 })],
    ["another language", JSON.stringify({ ...VALID, language: "fr" })],
  ])("rejects %s, naming the path but never the model's values", (_name, text) => {
    const result = repairAndValidate(text, ExtractionSchema);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(/^schema: /);
      expect(result.reason).not.toMatch(/Brien|Polanco|confidence/);
    }
  });

  it.each([
    ["empty text", ""],
    ["prose only", "I cannot help with that."],
    ["a truncated object", JSON_TEXT.slice(0, 40)],
    ["unquoted keys", JSON_TEXT.replace(/"(\w+)":/g, "$1:")],
  ])("gives up on %s", (_name, text) => {
    expect(repairAndValidate(text, ExtractionSchema).ok).toBe(false);
  });

  describe("the second shape's intent and previous appointment", () => {
    const MOVED = {
      ...VALID,
      intent: "reschedule",
      previous: { dateText: "el jueves", timeText: null, contact: "Dr. O'Brien", service: null },
    };
    const MOVED_TEXT = JSON.stringify(MOVED);

    it.each([
      ["as it is", MOVED_TEXT, false],
      ["in a fence with prose", `Here you go:\n\`\`\`json\n${MOVED_TEXT}\n\`\`\``, true],
      ["with trailing commas inside and after previous", MOVED_TEXT.replace(/null\}\}$/, "null,},}"), true],
      [
        "single-quoted, previous included",
        MOVED_TEXT.replace(/"(\w+)":/g, "'$1':").replace(/: "([^"']*)"/g, ": '$1'"),
        true,
      ],
    ])("reads it %s", (_name, text, repaired) => {
      expect(repairAndValidate(text, ExtractionSchema)).toEqual({ ok: true, value: MOVED, repaired });
    });

    it.each([
      ["an intent outside the five", JSON.stringify({ ...MOVED, intent: "move" }), /intent invalid_value/],
      ["previous as a phrase", JSON.stringify({ ...MOVED, previous: "el jueves" }), /previous invalid_type/],
      [
        "previous with a key of its own",
        JSON.stringify({ ...MOVED, previous: { ...MOVED.previous, start: "2026-01-01" } }),
        /previous unrecognized_keys/,
      ],
      [
        "previous missing a key",
        JSON.stringify({ ...MOVED, previous: { dateText: "el jueves" } }),
        /previous\.timeText invalid_type/,
      ],
    ])("rejects %s, naming the path", (_name, text, reason) => {
      const result = repairAndValidate(text, ExtractionSchema);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toMatch(reason);
        expect(result.reason).not.toMatch(/jueves|Brien/);
      }
    });
  });
});
