import { describe, expect, it } from "vitest";
import { type AgentContext, type Draft, emptyDraft } from "../../src/coordinator/agent.js";
import { createAgentContext } from "../../src/coordinator/context.js";
import type { Language } from "../../src/locales/index.js";
import { rulesProbability } from "./confidence.js";
import { RULES_MAXIMUM } from "./confidence-bounds.js";
import { validationAgent } from "./index.js";
import { confidenceSignals } from "./signals.js";

const contextIn = (language: Language): AgentContext =>
  createAgentContext({
    text: "",
    language,
    locale: "es",
    timezone: "Europe/Madrid",
    now: Date.parse("2026-01-22T10:30:00+01:00"),
    calendar: null,
    store: null,
  });
const context = contextIn("es");

function validate(fields: Partial<Draft>): Draft {
  return validationAgent.run(context, { ...emptyDraft(context), intent: "book", ...fields }) as Draft;
}

const complete: Partial<Draft> = {
  date: "2026-01-23",
  time: "10:00",
  start: "2026-01-23T10:00:00+01:00",
  end: "2026-01-23T10:30:00+01:00",
  contact: "Dr. Pérez",
};

describe("validation agent", () => {
  it("accepts a complete future appointment", () => {
    const draft = validate(complete);
    expect(draft.status).toBe("complete");
    expect(draft.ambiguities).toEqual([]);
    // Clear and complete: the rules' maximum (docs/confidence.md).
    expect(draft.confidence).toBe(RULES_MAXIMUM);
  });

  it("asks for a missing time", () => {
    const draft = validate({ ...complete, time: null, start: null, end: null });
    expect(draft.status).toBe("needs_clarification");
    expect(draft.ambiguities).toContainEqual(expect.objectContaining({ field: "time", issue: "missing" }));
    expect(draft.confidence).toBeLessThan(RULES_MAXIMUM);
  });

  it("marks a past start invalid", () => {
    const draft = validate({
      ...complete,
      date: "2026-01-22",
      time: "09:00",
      start: "2026-01-22T09:00:00+01:00",
    });
    expect(draft.status).toBe("invalid");
    expect(draft.ambiguities).toContainEqual(expect.objectContaining({ issue: "past" }));
  });

  it("marks a past day invalid even without a time", () => {
    const draft = validate({ date: "2026-01-21" });
    expect(draft.status).toBe("invalid");
  });

  it("keeps a nonexistent local time invalid", () => {
    const draft = validate({
      ...complete,
      start: null,
      end: null,
      ambiguities: [{ field: "time", issue: "nonexistent_time", message: "x" }],
    });
    expect(draft.status).toBe("invalid");
  });

  it("answers a text with no appointment with every field empty", () => {
    const english = contextIn("en");
    const draft = validationAgent.run(english, emptyDraft(english)) as Draft;
    expect(draft.status).toBe("needs_clarification");
    expect(draft.confidence).toBe(0);
    expect(draft.ambiguities).toEqual([expect.objectContaining({ field: "date", issue: "missing" })]);
  });

  it("lowers confidence with parser uncertainty and with each ambiguity", () => {
    const sure = validate(complete).confidence!;
    const unsure = validate({ ...complete, certainty: 0.9 }).confidence!;
    const ambiguous = validate({
      ...complete,
      ambiguities: [{ field: "time", issue: "ambiguous", message: "x" }],
    }).confidence!;
    // On a clear, complete request the rules' maximum (0.98) can hide one weak cue: the fitted probability
    // is still above it (docs/confidence.md). The probability itself falls; the answer never rises.
    expect(unsure).toBeLessThanOrEqual(sure);
    expect(ambiguous).toBeLessThanOrEqual(unsure);
    const probability = (fields: Partial<Draft>) =>
      rulesProbability(confidenceSignals(context, validate(fields)));
    const withCertainty = { ...complete, certainty: 0.9 };
    expect(probability(withCertainty)).toBeLessThan(probability(complete));
    expect(
      probability({ ...withCertainty, ambiguities: [{ field: "time", issue: "ambiguous", message: "x" }] }),
    ).toBeLessThan(probability(withCertainty));
  });
});
