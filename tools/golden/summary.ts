// Accuracy figures from golden results: exact match overall, per checked field, per tag and per file, and
// date+time exact: the cases that check both a date and a time, counted right only when both are (the
// figure a conversation benchmark such as SGD is judged by), and how well `confidence` tracks exact match.
import { type Calibration, calibration } from "../calibration/table.js";
import type { CheckedField } from "./compare.js";
import type { FixtureProblem } from "./fixtures.js";
import type { CaseResult } from "./run-cases.js";

export interface Tally {
  passed: number;
  total: number;
}

export interface FileTally extends Tally {
  /** Lines of the file that are not valid cases. */
  invalid: number;
}

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

export const UNTAGGED = "(untagged)";

export function summarize(results: readonly CaseResult[], problems: readonly FixtureProblem[] = []): Summary {
  const overall = { passed: 0, total: 0 };
  const dateTime = { passed: 0, total: 0 };
  const fields = new Map<CheckedField, Tally>();
  const tags = new Map<string, Tally>();
  const files = new Map<string, FileTally>();
  const fileTally = (file: string) => tallyIn(files, file, () => ({ passed: 0, total: 0, invalid: 0 }));

  for (const result of results) {
    const { golden, passed } = result;
    count(overall, passed);
    count(fileTally(golden.file), passed);
    for (const tag of golden.tags?.length ? golden.tags : [UNTAGGED]) count(tallyIn(tags, tag), passed);
    for (const check of result.checks) count(tallyIn(fields, check.field), check.passed);
    const date = result.checks.find((check) => check.field === "date");
    const time = result.checks.find((check) => check.field === "time");
    if (date !== undefined && time !== undefined) count(dateTime, date.passed && time.passed);
  }
  for (const problem of problems) fileTally(problem.file).invalid += 1;

  return {
    overall,
    exactMatch: fraction(overall),
    dateTime,
    fields,
    tags,
    files,
    failures: results.filter((result) => !result.passed),
    problems: [...problems],
    calibration: calibration(
      results.flatMap(({ confidence, passed, appointment }) =>
        confidence === null ? [] : [{ confidence, right: passed, appointment }],
      ),
    ),
  };
}

export function fraction(tally: Tally): number {
  return tally.total === 0 ? 0 : tally.passed / tally.total;
}

function count(tally: Tally, passed: boolean): void {
  tally.total += 1;
  if (passed) tally.passed += 1;
}

function tallyIn<Key, Value extends Tally>(
  map: Map<Key, Value>,
  key: Key,
  create: () => Value = () => ({ passed: 0, total: 0 }) as Value,
): Value {
  let tally = map.get(key);
  if (tally === undefined) {
    tally = create();
    map.set(key, tally);
  }
  return tally;
}
