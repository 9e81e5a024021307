// The source text of agents/validation/confidence-model.ts, as npm run calibrate writes it: the fitted
// coefficients with what each does to the odds, so a reader sees the model without running anything.
import type { ConfidenceModel } from "../../agents/validation/confidence-model.js";
import { SIGNALS } from "../../agents/validation/signals.js";

export interface FitFacts {
  answers: number;
  sets: string;
  logLoss: number;
}

export function modelSource(model: ConfidenceModel, facts: FitFacts): string {
  const weights = SIGNALS.map((signal) => {
    const weight = model.weights[signal];
    return `    ${signal}: ${weight}, // odds × ${Math.exp(weight).toFixed(2)}`;
  });
  return [
    "// The confidence model's coefficients, written by `npm run calibrate` (tools/calibrate.ts): do not edit by",
    '// hand; re-run it after the readers change. A logistic regression of "the answer is right" on the signals',
    "// of ./signals.ts (docs/confidence.md): the rules reading's probability is",
    "// 1 / (1 + e^-(intercept + Σ weight × signal)).",
    `// Fitted on ${facts.answers} answers that read an appointment (${facts.sets}); mean log-loss ${facts.logLoss.toFixed(4)}.`,
    'import type { Signals } from "./signals.js";',
    "",
    "export interface ConfidenceModel {",
    "  intercept: number;",
    "  weights: Signals;",
    "}",
    "",
    "export const CONFIDENCE_MODEL: ConfidenceModel = {",
    `  intercept: ${model.intercept},`,
    "  weights: {",
    ...weights,
    "  },",
    "};",
    "",
  ].join("\n");
}
