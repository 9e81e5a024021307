// Accuracy figures from golden results (counted by src/web/public/static/golden/tally.js, which the golden
// page in the browser shares) and how well `confidence` tracks exact match.
import type { FileTally, Tally } from "../../src/web/public/static/golden/tally.js";
import { tallyResults } from "../../src/web/public/static/golden/tally.js";
import { type Calibration, calibration } from "../calibration/table.js";
import type { CheckedField } from "./compare.js";
import type { FixtureProblem } from "./fixtures.js";
import type { CaseResult } from "./run-cases.js";

export { fraction, UNTAGGED } from "../../src/web/public/static/golden/tally.js";
export type { FileTally, Tally };

export interface Summary {
  overall: Tally;
  /** passed / total; 0 when there are no cases, so an empty run never looks good. */
  exactMatch: number;
  /** Cases checking both `date` and `time`, passed when both fields are right. */
  dateTime: Tally;
  fields: Map<CheckedField, Tally>;
  tags: Map<string, Tally>;
  files: Map<string, FileTally>;
  failures: CaseResult[];
  problems: FixtureProblem[];
  /** Confidence against exact match, over the answers that carried a confidence. */
  calibration: Calibration;
}

export function summarize(results: readonly CaseResult[], problems: readonly FixtureProblem[] = []): Summary {
  return {
    ...tallyResults(results, problems),
    calibration: calibration(
      results.flatMap(({ confidence, passed, appointment }) =>
        confidence === null ? [] : [{ confidence, right: passed, appointment }],
      ),
    ),
  };
}
