// The confidence formula (docs/confidence.md): computed from what the service itself established, never
// from the input or a model's say-so.
//
//   confidence = completeness × certainty × validation, rounded to two decimals
//   completeness = 0.4·[date] + 0.4·[time] + 0.2·[contact or service], of the appointment named by a cancel
//   certainty    = ceiling × the lowest certainty of the expressions used, where the ceiling is
//                  RULES_CEILING for the rules alone, LLM_AGREEMENT_CEILING when an LLM's reading agrees
//                  with the rules on every field, RULES_CEILING × DISAGREEMENT_FACTOR ^ disagreements else
//   validation   = 0.75 ^ (ambiguities) × 0.5 if invalid × 0.5 ^ (agents that failed)
import { aboutAppointment, type Draft } from "../../src/coordinator/agent.js";

/** Rules alone never claim more than this; only agreement with an LLM's reading raises it. */
export const RULES_CEILING = 0.95;
/** Two independent readings that agree on every field: still short of certain. */
export const LLM_AGREEMENT_CEILING = 0.99;
/** Each field the LLM and the rules read differently (half for a field only one of them found). */
export const DISAGREEMENT_FACTOR = 0.85;

/**
 * The certainty ceiling the reading earns: the rules alone, or an LLM's reading checked against them. It is
 * what the router credits to a provider as its answer's confidence: the request's own confidence also
 * depends on how complete the user's text was, which says nothing about the model.
 */
export function ceiling(draft: Draft): number {
  if (draft.llm === null) return RULES_CEILING;
  if (draft.llm.answered && draft.llm.disagreements === 0) return LLM_AGREEMENT_CEILING;
  return RULES_CEILING * DISAGREEMENT_FACTOR ** draft.llm.disagreements;
}

export function computeConfidence(draft: Draft): number {
  if (!aboutAppointment(draft)) return 0;
  // A cancel is as sure as what it names: the appointment in `previous` (docs/confidence.md).
  const named = draft.intent === "cancel" ? (draft.previous ?? draft) : draft;
  const completeness =
    0.4 * Number(named.date !== null) +
    0.4 * Number(named.time !== null) +
    0.2 * Number(named.contact !== null || named.service !== null);
  const certainty = ceiling(draft) * draft.certainty;
  let validation = 0.75 ** draft.ambiguities.length * 0.5 ** draft.failures.length;
  if (draft.status === "invalid") validation *= 0.5;
  return Math.round(Math.max(0, Math.min(1, completeness * certainty * validation)) * 100) / 100;
}
