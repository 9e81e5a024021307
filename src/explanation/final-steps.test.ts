// The explanation's confidence steps end at the answer's confidence: the steps the Validation agent noted
// when they do, else one `unset` step (an agent failed before the confidence was settled).
import { describe, expect, it } from "vitest";
import { type AgentContext, type Draft, emptyDraft } from "../coordinator/agent.js";
import { normalizeText } from "../temporal/text.js";
import { explain } from "./explain.js";
import { type ConfidenceStep, emptyNotes } from "./notes.js";

const TEXT = "cita mañana";
const context = {
  text: normalizeText(TEXT),
  messages: null,
  timezone: "Europe/Madrid",
} as unknown as AgentContext;

function stepsOf(noted: ConfidenceStep[], confidence: number) {
  const draft: Draft = { ...emptyDraft(context), notes: { ...emptyNotes(), confidence: noted } };
  return explain(context, draft, { cleaned: [TEXT] }, confidence).confidence;
}

describe("the explanation's last confidence step", () => {
  const rounded: ConfidenceStep = { step: "rounding", value: 0.42, detail: "Rounded to two decimals." };

  it("is the noted steps' own when they end at the answer's confidence", () => {
    expect(stepsOf([rounded], 0.42)).toEqual([rounded]);
  });

  it("is an unset step at the answer's confidence when none was noted", () => {
    expect(stepsOf([], 0)).toEqual([
      { step: "unset", value: 0, detail: "The Validation agent did not settle the confidence." },
    ]);
  });

  it("follows the noted steps when they end elsewhere", () => {
    expect(stepsOf([rounded], 0.21).map((step) => [step.step, step.value])).toEqual([
      ["rounding", 0.42],
      ["unset", 0.21],
    ]);
  });
});
