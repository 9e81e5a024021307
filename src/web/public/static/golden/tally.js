// @ts-check
// Accuracy figures from golden results: exact match overall, per checked field, per tag and per file, and
// date+time exact: the cases that check both a date and a time, counted right only when both are (the
// figure a conversation benchmark such as SGD is judged by). Plain JavaScript with no dependency: the CLI
// (tools/golden/summary.ts adds the confidence calibration) and the golden page in the browser count alike.

/**
 * @typedef {import("./compare.js").CheckedField} CheckedField
 * @typedef {import("./compare.js").FieldCheck} FieldCheck
 * @typedef {{ passed: number, total: number }} Tally
 * @typedef {Tally & { invalid: number }} FileTally a file's cases, and its lines that are not valid cases
 * @typedef {{ file: string, line: number, message: string }} FixtureProblem
 * @typedef {{ golden: { file: string, tags?: readonly string[] }, passed: boolean,
 *   checks: readonly FieldCheck[] }} ScoredResult
 */

export const UNTAGGED = "(untagged)";

/**
 * @template {ScoredResult} Result
 * @param {readonly Result[]} results
 * @param {readonly FixtureProblem[]} [problems]
 */
export function tallyResults(results, problems = []) {
  const overall = { passed: 0, total: 0 };
  const dateTime = { passed: 0, total: 0 };
  /** @type {Map<CheckedField, Tally>} */
  const fields = new Map();
  /** @type {Map<string, Tally>} */
  const tags = new Map();
  /** @type {Map<string, FileTally>} */
  const files = new Map();
  /** @param {string} file */
  const fileTally = (file) => tallyIn(files, file, () => ({ passed: 0, total: 0, invalid: 0 }));

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
    /** passed / total; 0 when there are no cases, so an empty run never looks good. */
    exactMatch: fraction(overall),
    /** Cases checking both `date` and `time`, passed when both fields are right. */
    dateTime,
    fields,
    tags,
    files,
    failures: results.filter((result) => !result.passed),
    problems: [...problems],
  };
}

/**
 * @param {Tally} tally
 * @returns {number}
 */
export function fraction(tally) {
  return tally.total === 0 ? 0 : tally.passed / tally.total;
}

/**
 * 0.975 → "97.5%"; "n/a" when there is nothing to count.
 * @param {number | null} value
 * @returns {string}
 */
export function percent(value) {
  return value === null ? "n/a" : `${(value * 100).toFixed(1)}%`;
}

/**
 * @param {Tally} tally
 * @param {boolean} passed
 */
function count(tally, passed) {
  tally.total += 1;
  if (passed) tally.passed += 1;
}

/**
 * @template Key
 * @template {Tally} Value
 * @param {Map<Key, Value>} map
 * @param {Key} key
 * @param {() => Value} [create]
 * @returns {Value}
 */
function tallyIn(map, key, create = () => /** @type {Value} */ ({ passed: 0, total: 0 })) {
  let tally = map.get(key);
  if (tally === undefined) {
    tally = create();
    map.set(key, tally);
  }
  return tally;
}
