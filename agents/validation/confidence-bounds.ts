// The confidence's fixed bounds and factors (docs/confidence.md), apart from the computation
// (./confidence.ts) so that the steps an explanation shows (./confidence-steps.ts) name the same numbers.

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

export function odds(probability: number): number {
  return probability / (1 - probability);
}

export function fromOdds(value: number): number {
  return value / (1 + value);
}
