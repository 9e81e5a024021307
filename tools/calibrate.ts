// Fits the confidence to data (npm run calibrate): reads every calibration set in rules mode
// (tools/calibration/collect.ts), fits a logistic regression of "the answer is right" on the signals
// (agents/validation/signals.ts) and writes the coefficients to agents/validation/confidence-model.ts, which
// the runtime only multiplies and adds. Deterministic (same code and fixtures, same file) and one command:
// re-run it whenever the readers change, then check `npm run calibration`.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { confidenceFrom } from "../agents/validation/confidence.js";
import type { ConfidenceModel } from "../agents/validation/confidence-model.js";
import { DIRECTIONS, SIGNALS, type Signals } from "../agents/validation/signals.js";
import { collectAnswers, SETS } from "./calibration/collect.js";
import { fitLogistic } from "./calibration/fit.js";
import { modelSource } from "./calibration/model-source.js";
import { calibration, formatCalibration } from "./calibration/table.js";

const PENALTY = 1;
/**
 * The smallest effect a directed signal keeps, in log-odds: odds × 0.37 for a lowering one, about what the
 * formula before the fit gave a weak cue (a default AM/PM choice took 0.95 to 0.855, odds × 0.31).
 */
const MINIMUM_EFFECT = 1;
const MODEL_FILE = fileURLToPath(new URL("../agents/validation/confidence-model.ts", import.meta.url));

const answers = (await collectAnswers()).filter((answer) => answer.appointment && answer.signals !== null);
const rows = answers.map((answer) => SIGNALS.map((signal) => answer.signals![signal]));
const fit = fitLogistic(
  rows,
  answers.map((answer) => answer.right),
  { penalty: PENALTY, signs: SIGNALS.map((signal) => DIRECTIONS[signal]), minimumEffect: MINIMUM_EFFECT },
);
const model: ConfidenceModel = {
  intercept: round(fit.intercept),
  weights: Object.fromEntries(
    SIGNALS.map((signal, index) => [signal, round(fit.weights[index]!)]),
  ) as Signals,
};
const counts = SETS.map((set) => `${set} ${answers.filter((answer) => answer.set === set).length}`);
writeFileSync(
  MODEL_FILE,
  modelSource(model, { answers: answers.length, sets: counts.join(", "), logLoss: fit.logLoss }),
);
const rescored = answers.map((answer) => ({
  confidence: confidenceFrom(answer.signals!, { llm: null, failures: [] }, model),
  right: answer.right,
  appointment: true,
}));
process.stdout.write(
  `Fitted on ${answers.length} answers (${counts.join(", ")}); mean log-loss ${fit.logLoss.toFixed(4)}\n` +
    `Wrote ${MODEL_FILE}\n\nWith the new weights:\n${formatCalibration(calibration(rescored))}\n`,
);

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
