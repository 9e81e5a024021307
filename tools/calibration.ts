// Calibration report over every set at once (npm run calibration): Cita's own golden sets, the SGD
// conversations and MASSIVE's calendar requests, each alone and all together — the figures issue 15's
// targets are stated on (confidence ≥ 0.9 right at least 97% of the time, ECE ≤ 0.05).
import { collectAnswers, SETS } from "./calibration/collect.js";
import { calibration, formatCalibration } from "./calibration/table.js";

const answers = await collectAnswers();
for (const set of [...SETS, "all"] as const) {
  const chosen = set === "all" ? answers : answers.filter((answer) => answer.set === set);
  process.stdout.write(`${set === "all" ? "All sets together" : `Set: ${set}`}\n`);
  process.stdout.write(`${formatCalibration(calibration(chosen))}\n\n`);
}
