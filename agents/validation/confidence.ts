// The confidence (docs/confidence.md): how likely the answer is right, computed from what the service itself
// established, never from the input or a model's say-so.
//
//   rules       = logistic(intercept + Σ weight[signal] × signal), the signals of ./signals.ts, the
//                 weights fitted on data by `npm run calibrate` (./confidence-model.ts)
//   cross-check = an LLM that agrees with the rules on every field multiplies the odds by
//                 LLM_AGREEMENT_ODDS; each field they read differently multiplies by DISAGREEMENT_FACTOR
//   confidence  = cross-checked × 0.5 ^ (agents that failed), rounded to two decimals; the rules alone stay
//                 at or below RULES_MAXIMUM, an agreeing LLM at or below LLM_AGREEMENT_CEILING
import { type AgentContext, aboutAppointment, type Draft } from "../../src/coordinator/agent.js";
import type { ConfidenceStep } from "../../src/explanation/notes.js";
import {
  DISAGREEMENT_FACTOR,
  fromOdds,
  LLM_AGREEMENT_CEILING,
  LLM_AGREEMENT_ODDS,
  odds,
  RULES_CEILING,
  RULES_MAXIMUM,
} from "./confidence-bounds.js";
import { CONFIDENCE_MODEL, type ConfidenceModel } from "./confidence-model.js";
import { crossCheckStep, failuresStep, maximumStep, rulesStep } from "./confidence-steps.js";
import { confidenceSignals, SIGNALS, type Signals } from "./signals.js";

/** The Validation agent's debug line with the signals (tools/calibration reads it to fit the weights). */
export const SIGNALS_LINE = "confidence signals ";

/**
 * The certainty ceiling the reading earns: the rules alone, or an LLM's reading checked against them. It is
 * what the router credits to a provider as its answer's confidence: the request's own confidence also
 * depends on how clear the user's text was, which says nothing about the model.
 */
export function ceiling(draft: Draft): number {
  if (draft.llm === null) return RULES_CEILING;
  if (draft.llm.answered && draft.llm.disagreements === 0) return LLM_AGREEMENT_CEILING;
  return RULES_CEILING * DISAGREEMENT_FACTOR ** draft.llm.disagreements;
}

/** An explanation asked for (`draft.notes`) hears each step that sets the confidence (docs/explain.md). */
export function computeConfidence(
  context: Pick<AgentContext, "text" | "messages" | "debug">,
  draft: Draft,
): number {
  if (!aboutAppointment(draft)) return 0;
  const signals = confidenceSignals(context, draft);
  context.debug(() => `${SIGNALS_LINE}${JSON.stringify(signals)}`);
  if (!draft.notes) return confidenceFrom(signals, draft);
  // Availability settles the confidence again after Validation: the latest computation's steps stand.
  const steps: ConfidenceStep[] = [];
  const confidence = confidenceFrom(signals, draft, CONFIDENCE_MODEL, steps);
  draft.notes.confidence = steps;
  return confidence;
}

/** The rules reading's probability of being right, from its signals. */
export function rulesProbability(signals: Signals, model: ConfidenceModel = CONFIDENCE_MODEL): number {
  const { intercept, weights } = model;
  const logit = SIGNALS.reduce((sum, signal) => sum + weights[signal] * signals[signal], intercept);
  return 1 / (1 + Math.exp(-logit));
}

/**
 * The confidence, step by step; `steps` (an explanation asked for) hears each step's value, and without it
 * no step's description is built.
 */
export function confidenceFrom(
  signals: Signals,
  draft: Pick<Draft, "llm" | "failures">,
  model: ConfidenceModel = CONFIDENCE_MODEL,
  steps?: ConfidenceStep[],
): number {
  const probability = rulesProbability(signals, model);
  steps?.push(rulesStep(signals, model, probability));
  const rules = Math.min(RULES_MAXIMUM, probability);
  steps?.push(maximumStep(probability, rules));
  let value = rules;
  if (draft.llm !== null) {
    value =
      draft.llm.answered && draft.llm.disagreements === 0
        ? Math.min(LLM_AGREEMENT_CEILING, fromOdds(odds(rules) * LLM_AGREEMENT_ODDS))
        : rules * DISAGREEMENT_FACTOR ** draft.llm.disagreements;
    steps?.push(crossCheckStep(draft.llm, value));
  }
  value *= 0.5 ** draft.failures.length;
  if (draft.failures.length > 0) steps?.push(failuresStep(draft.failures, value));
  const rounded = Math.round(Math.max(0, value) * 100) / 100;
  steps?.push({ step: "rounding", value: rounded, detail: "Rounded to two decimals." });
  return rounded;
}
