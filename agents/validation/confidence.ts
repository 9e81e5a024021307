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
import { CONFIDENCE_MODEL, type ConfidenceModel } from "./confidence-model.js";
import { confidenceSignals, SIGNALS, type Signals } from "./signals.js";

/** What the router credits a provider whose answer the rules alone back (no agreement, no disagreement). */
export const RULES_CEILING = 0.95;
/** Two independent readings that agree on every field: still short of certain. */
export const LLM_AGREEMENT_CEILING = 0.99;
/** Each field the LLM and the rules read differently (half for a field only one of them found). */
export const DISAGREEMENT_FACTOR = 0.85;
/** Agreement multiplies the odds as it takes the ceiling from RULES_CEILING to LLM_AGREEMENT_CEILING. */
export const LLM_AGREEMENT_ODDS = odds(LLM_AGREEMENT_CEILING) / odds(RULES_CEILING);
/** The rules alone never claim more: only an LLM's agreeing reading takes an answer up to 0.99. */
export const RULES_MAXIMUM = 0.98;
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

export function computeConfidence(
  context: Pick<AgentContext, "text" | "messages" | "debug">,
  draft: Draft,
): number {
  if (!aboutAppointment(draft)) return 0;
  const signals = confidenceSignals(context, draft);
  context.debug(() => `${SIGNALS_LINE}${JSON.stringify(signals)}`);
  return confidenceFrom(signals, draft);
}

/** The rules reading's probability of being right, from its signals. */
export function rulesProbability(signals: Signals, model: ConfidenceModel = CONFIDENCE_MODEL): number {
  const { intercept, weights } = model;
  const logit = SIGNALS.reduce((sum, signal) => sum + weights[signal] * signals[signal], intercept);
  return 1 / (1 + Math.exp(-logit));
}

export function confidenceFrom(
  signals: Signals,
  draft: Pick<Draft, "llm" | "failures">,
  model: ConfidenceModel = CONFIDENCE_MODEL,
): number {
  const rules = Math.min(RULES_MAXIMUM, rulesProbability(signals, model));
  let value = rules;
  if (draft.llm !== null) {
    value =
      draft.llm.answered && draft.llm.disagreements === 0
        ? Math.min(LLM_AGREEMENT_CEILING, fromOdds(odds(rules) * LLM_AGREEMENT_ODDS))
        : rules * DISAGREEMENT_FACTOR ** draft.llm.disagreements;
  }
  value *= 0.5 ** draft.failures.length;
  return Math.round(Math.max(0, value) * 100) / 100;
}

function odds(probability: number): number {
  return probability / (1 - probability);
}

function fromOdds(value: number): number {
  return value / (1 + value);
}
