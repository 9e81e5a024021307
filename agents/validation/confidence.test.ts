// The confidence from its signals: each signal moves it the way the design says (whatever weights the last
// `npm run calibrate` fitted, within the signs it enforces), the rules' maximum, and the LLM cross-check.
import { describe, expect, it } from "vitest";
import type { ConfidenceStep } from "../../src/explanation/notes.js";
import { confidenceFrom, rulesProbability } from "./confidence.js";
import { DISAGREEMENT_FACTOR, LLM_AGREEMENT_CEILING, RULES_MAXIMUM } from "./confidence-bounds.js";
import { CONFIDENCE_MODEL } from "./confidence-model.js";
import { DIRECTIONS, SIGNALS, type Signals } from "./signals.js";

const none = Object.fromEntries(SIGNALS.map((signal) => [signal, 0])) as Signals;
/** A reading well below the maximum, so every signal's effect shows. */
const middling: Signals = { ...none, noTime: 1, unread: 1 };
const clear: Signals = { ...none, complete: 1 };
const rules = { llm: null, failures: [] };
const llm = (answered: boolean, disagreements: number) => ({
  llm: { provider: "qwen" as const, model: "m", answered, disagreements },
  failures: [],
});

describe("confidence from signals", () => {
  it.each(SIGNALS)("%s moves the rules' probability the way the design says", (signal) => {
    const base = rulesProbability(middling);
    const moved = rulesProbability({ ...middling, [signal]: middling[signal] + 1 });
    const direction = DIRECTIONS[signal];
    if (direction < 0) expect(moved).toBeLessThan(base);
    if (direction > 0) expect(moved).toBeGreaterThan(base);
    if (direction === 0) expect(moved).not.toBe(base);
  });

  it("keeps the fitted weights inside the signs calibrate enforces", () => {
    for (const signal of SIGNALS) {
      expect(DIRECTIONS[signal] * CONFIDENCE_MODEL.weights[signal], signal).toBeGreaterThanOrEqual(0);
    }
  });

  it("a clear, complete request reaches the rules' maximum and never passes it", () => {
    expect(confidenceFrom(clear, rules)).toBe(RULES_MAXIMUM);
    expect(confidenceFrom({ ...clear, conversation: 1 }, rules)).toBe(RULES_MAXIMUM);
    // One unread word on an otherwise clear request sits about at the maximum (the fitted probability is
    // ≈ 0.975); two fall below it.
    expect(rulesProbability({ ...clear, unread: 1 })).toBeLessThan(rulesProbability(clear));
    expect(confidenceFrom({ ...clear, unread: 1 }, rules)).toBeLessThanOrEqual(RULES_MAXIMUM);
    expect(confidenceFrom({ ...clear, unread: 2 }, rules)).toBeLessThan(RULES_MAXIMUM);
  });

  it("an agreeing LLM raises it, up to 0.99; each disagreement multiplies it by 0.85", () => {
    expect(confidenceFrom(clear, llm(true, 0))).toBe(LLM_AGREEMENT_CEILING);
    const base = rulesProbability(middling);
    const agreeing = confidenceFrom(middling, llm(true, 0));
    expect(agreeing).toBeGreaterThan(confidenceFrom(middling, rules));
    expect(agreeing).toBeLessThan(LLM_AGREEMENT_CEILING);
    expect(confidenceFrom(middling, llm(true, 2))).toBe(
      Math.round(base * DISAGREEMENT_FACTOR ** 2 * 100) / 100,
    );
    // An answer that stayed invalid counts its disagreement like any other.
    expect(confidenceFrom(middling, llm(false, 1))).toBe(Math.round(base * DISAGREEMENT_FACTOR * 100) / 100);
  });

  it("halves it for each agent that failed", () => {
    const failed = confidenceFrom(middling, { llm: null, failures: ["geo"] });
    expect(failed).toBe(Math.round(rulesProbability(middling) * 50) / 100);
  });
});

describe("confidence steps (an explanation asked for)", () => {
  const cases: [string, Signals, Parameters<typeof confidenceFrom>[1], string[]][] = [
    ["a middling rules reading", middling, rules, ["rules", "rules_maximum", "rounding"]],
    ["a clear one, capped", clear, rules, ["rules", "rules_maximum", "rounding"]],
    ["an agreeing LLM", middling, llm(true, 0), ["rules", "rules_maximum", "llm_agreement", "rounding"]],
    ["two disagreements", middling, llm(true, 2), ["rules", "rules_maximum", "llm_disagreement", "rounding"]],
    [
      "an invalid answer",
      middling,
      llm(false, 1),
      ["rules", "rules_maximum", "llm_disagreement", "rounding"],
    ],
    [
      "two failed agents",
      middling,
      { llm: null, failures: ["geo", "availability"] },
      ["rules", "rules_maximum", "failed_agents", "rounding"],
    ],
  ];

  it.each(cases)(
    "%s: the steps in order, the last at the confidence itself",
    (_label, signals, draft, names) => {
      const steps: ConfidenceStep[] = [];
      const value = confidenceFrom(signals, draft, CONFIDENCE_MODEL, steps);
      expect(value).toBe(confidenceFrom(signals, draft));
      expect(steps.map((step) => step.step)).toEqual(names);
      expect(steps.at(-1)!.value).toBe(value);
      expect(steps[0]!.value).toBe(rulesProbability(signals));
      expect(steps[1]!.value).toBe(Math.min(RULES_MAXIMUM, rulesProbability(signals)));
    },
  );

  it("gives every signal's value and weight on the rules step", () => {
    const steps: ConfidenceStep[] = [];
    confidenceFrom(middling, rules, CONFIDENCE_MODEL, steps);
    expect(steps[0]!.signals).toEqual(
      SIGNALS.map((name) => ({ name, value: middling[name], weight: CONFIDENCE_MODEL.weights[name] })),
    );
    expect(steps[0]!.detail).toContain(`unread 1 × ${CONFIDENCE_MODEL.weights.unread}`);
  });

  it("halves the value on the failed-agents step", () => {
    const steps: ConfidenceStep[] = [];
    confidenceFrom(middling, { llm: null, failures: ["geo"] }, CONFIDENCE_MODEL, steps);
    expect(steps[2]!.value).toBe(steps[1]!.value / 2);
  });
});
