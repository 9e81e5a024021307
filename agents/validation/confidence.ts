// The confidence formula (docs/confidence.md): computed from what the service itself established, never
// from the input or a model's say-so.
//
//   confidence = completeness × certainty × validation, rounded to two decimals
//   completeness = 0.4·[date] + 0.4·[time] + 0.2·[contact or service]
//   certainty    = RULES_CEILING × the lowest certainty of the expressions used
//   validation   = 0.75 ^ (ambiguities) × 0.5 if invalid × 0.5 ^ (agents that failed)
import type { Draft } from "../../src/coordinator/agent.js";

/** Rules alone never claim more than this; agreement with an LLM may raise it later. */
export const RULES_CEILING = 0.95;

export function computeConfidence(draft: Draft): number {
  if (!draft.intent) return 0;
  const completeness =
    0.4 * Number(draft.date !== null) +
    0.4 * Number(draft.time !== null) +
    0.2 * Number(draft.contact !== null || draft.service !== null);
  const certainty = RULES_CEILING * draft.certainty;
  let validation = 0.75 ** draft.ambiguities.length * 0.5 ** draft.failures.length;
  if (draft.status === "invalid") validation *= 0.5;
  return Math.round(Math.max(0, Math.min(1, completeness * certainty * validation)) * 100) / 100;
}
