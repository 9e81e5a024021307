// The wording matcher: plain fragments as one pattern, and gaps of up to three words of one clause.
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../../src/temporal/text.js";
import { compileWording } from "./wording.js";

const wording = compileWording(["cancel(?:led)?", "call off", "is ... (?:free|open)"]);
const spans = (text: string) => wording.spans(normalizeText(text).folded);

describe("rule-22 wordings", () => {
  it("finds plain fragments on word boundaries, every one, in text order", () => {
    expect(spans("call off, no, cancel")).toEqual([
      [0, 8],
      [14, 20],
    ]);
    expect(spans("cancellation")).toEqual([]);
    expect(spans("Cancelled")).toEqual([[0, 9]]);
  });

  it("lets a gap hold none to three words", () => {
    expect(spans("is free")).toEqual([[0, 7]]);
    expect(spans("is 3pm free?")).toEqual([[0, 11]]);
    expect(spans("is tomorrow at 3 free")).toEqual([[0, 21]]);
    expect(spans("is it tomorrow at 3 free")).toEqual([]);
  });

  it("keeps a gap inside one clause, past an abbreviation's period", () => {
    expect(spans("is 3pm, free")).toEqual([]);
    expect(spans("is tomorrow. free")).toEqual([]);
    expect(spans("is Dr. Smith open")).toEqual([[0, 17]]);
  });

  it("needs the tail whole", () => {
    expect(spans("is it freeze")).toEqual([]);
    expect(wording.test("is it free")).toBe(true);
    expect(wording.test("it is")).toBe(false);
  });

  it("hands the ReDoS gate the plain pattern and each gap's head and tail", () => {
    expect(wording.patterns.map((pattern) => pattern.source)).toEqual([
      "\\b(?:cancel(?:led)?|call off)\\b",
      "\\b(?:is)\\b",
      "(?:(?:free|open))\\b",
    ]);
  });
});
