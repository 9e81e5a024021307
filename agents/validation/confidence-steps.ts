// The steps of the confidence as an explanation shows them (`"explain": true`, docs/explain.md): each
// step's value after it and a short sentence. Built only when an explanation is asked for.
import type { LlmReading } from "../../src/coordinator/agent.js";
import type { ConfidenceStep } from "../../src/explanation/notes.js";
import {
  DISAGREEMENT_FACTOR,
  LLM_AGREEMENT_CEILING,
  LLM_AGREEMENT_ODDS,
  RULES_MAXIMUM,
} from "./confidence-bounds.js";
import type { ConfidenceModel } from "./confidence-model.js";
import { SIGNALS, type Signals } from "./signals.js";

/** The one step of an answer that reads no appointment. */
export const NO_APPOINTMENT_STEP: ConfidenceStep = {
  step: "no_appointment",
  value: 0,
  detail: "No appointment was read: the confidence is 0.",
};

export function rulesStep(signals: Signals, model: ConfidenceModel, probability: number): ConfidenceStep {
  const said = SIGNALS.filter((signal) => signals[signal] !== 0).map(
    (signal) => `${signal} ${signals[signal]} × ${model.weights[signal]}`,
  );
  return {
    step: "rules",
    value: probability,
    detail: `The rules reading's probability: logistic(${model.intercept}${said.map((term) => ` + ${term}`).join("")}).`,
    signals: SIGNALS.map((signal) => ({
      name: signal,
      value: signals[signal],
      weight: model.weights[signal],
    })),
  };
}

export function maximumStep(probability: number, capped: number): ConfidenceStep {
  return {
    step: "rules_maximum",
    value: capped,
    detail:
      capped < probability
        ? `Capped at ${RULES_MAXIMUM}: the rules alone never claim more.`
        : `Below the rules' maximum of ${RULES_MAXIMUM}: unchanged.`,
  };
}

export function crossCheckStep(llm: LlmReading, value: number): ConfidenceStep {
  if (llm.answered && llm.disagreements === 0) {
    return {
      step: "llm_agreement",
      value,
      detail: `The LLM read every field as the rules did: odds × ${round(LLM_AGREEMENT_ODDS)}, at most ${LLM_AGREEMENT_CEILING}.`,
    };
  }
  const why = llm.answered
    ? `The LLM and the rules read ${llm.disagreements} field(s) differently (half for a field only one found)`
    : "The LLM's answer stayed invalid, counted as one disagreement";
  return {
    step: "llm_disagreement",
    value,
    detail: `${why}: × ${DISAGREEMENT_FACTOR} each.`,
  };
}

export function failuresStep(failures: readonly string[], value: number): ConfidenceStep {
  return {
    step: "failed_agents",
    value,
    detail: `Halved for each agent that failed: ${failures.join(", ")}.`,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
