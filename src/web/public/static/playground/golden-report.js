// @ts-check
// The golden page's report, the figures `npm run golden` prints (counted by ../golden/tally.js): exact
// match, date+time exact, per field, per tag and per file, then each failure with its input highlighted
// where the service read it and its fields expected against got, then the invalid lines.

import { columnHeadings, element } from "../dom.js";
import { CHECKED_FIELDS, differences, show } from "../golden/compare.js";
import { fraction, percent, tallyResults } from "../golden/tally.js";
import { highlightTexts } from "./highlight.js";
import { say } from "./language.js";

/**
 * @typedef {import("./golden-load.js").LoadedCase} LoadedCase
 * @typedef {import("../golden/tally.js").FixtureProblem} FixtureProblem
 * @typedef {import("../golden/tally.js").Tally} Tally
 * @typedef {{ golden: LoadedCase, passed: boolean, checks: import("../golden/compare.js").FieldCheck[],
 *   error?: string, answer?: import("./answer.js").Answer }} GoldenResult
 */

/**
 * @param {readonly GoldenResult[]} results
 * @param {readonly FixtureProblem[]} problems
 * @returns {Node[]}
 */
export function goldenReport(results, problems) {
  const summary = tallyResults(results, problems);
  const { overall, dateTime } = summary;
  return [
    element(
      "p",
      { id: "exact-match", class: "figure" },
      say("golden.exactMatch", { ...overall, percent: percent(summary.exactMatch) }),
    ),
    dateTime.total > 0
      ? element(
          "p",
          { id: "date-time", class: "figure" },
          say("golden.dateTime", { ...dateTime, percent: percent(fraction(dateTime)) }),
        )
      : null,
    tallyTable(
      "per-field",
      say("golden.perField"),
      say("golden.field"),
      CHECKED_FIELDS.filter((field) => summary.fields.has(field)).map((field) => [
        field,
        /** @type {Tally} */ (summary.fields.get(field)),
      ]),
    ),
    tallyTable(
      "per-tag",
      say("golden.perTag"),
      say("golden.tag"),
      [...summary.tags].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)),
    ),
    tallyTable("per-file", say("golden.perFile"), say("golden.fileColumn"), [...summary.files], true),
    failures(summary.failures),
    problemList(summary.problems),
  ].filter((node) => node !== null);
}

/**
 * @param {string} id
 * @param {string} caption
 * @param {string} keyHeading
 * @param {[string, Tally & { invalid?: number }][]} rows
 * @param {boolean} [invalid]
 */
function tallyTable(id, caption, keyHeading, rows, invalid = false) {
  const headings = [
    keyHeading,
    say("golden.passed"),
    say("golden.total"),
    say("golden.accuracy"),
    ...(invalid ? [say("golden.invalid")] : []),
  ];
  return element(
    "table",
    { id, class: "tally" },
    element("caption", {}, caption),
    columnHeadings(headings),
    element(
      "tbody",
      {},
      ...rows.map(([key, tally]) =>
        element(
          "tr",
          { "data-key": key },
          element("th", { scope: "row" }, key),
          element("td", {}, String(tally.passed)),
          element("td", {}, String(tally.total)),
          element("td", {}, percent(fraction(tally))),
          invalid ? element("td", {}, String(tally.invalid ?? 0)) : null,
        ),
      ),
    ),
  );
}

/** @param {readonly GoldenResult[]} list */
function failures(list) {
  return element(
    "section",
    { id: "failures" },
    element("h2", {}, say("golden.failures", { count: list.length })),
    list.length === 0 ? element("p", {}, say("golden.noFailures")) : null,
    ...list.map(failure),
  );
}

/** @param {GoldenResult} result */
function failure(result) {
  const { golden, answer } = result;
  const texts = golden.messages ?? [{ content: golden.text ?? "" }];
  const explanation = answer?.explanation ?? { spans: [], dropped: [], confidence: [] };
  const failed = result.checks.filter((check) => !check.passed);
  return element(
    "article",
    { class: "failure panel", "data-case": golden.id },
    element(
      "h3",
      {},
      `✗ ${golden.id}`,
      element("span", { class: "hint" }, `  ${golden.file}:${golden.line}`),
    ),
    highlightTexts(texts, explanation),
    result.error !== undefined
      ? element("p", { class: "problem-line" }, say("golden.error", { message: result.error }))
      : element(
          "table",
          { class: "differences" },
          columnHeadings([say("golden.field"), say("golden.expected"), say("golden.got")]),
          element(
            "tbody",
            {},
            ...failed.map((check) =>
              element(
                "tr",
                {},
                element("th", { scope: "row" }, check.field),
                element("td", {}, show(check.expected)),
                element("td", {}, show(check.got)),
              ),
            ),
          ),
        ),
    element("p", { class: "visually-hidden" }, differences(result).join("; ")),
  );
}

/** @param {readonly FixtureProblem[]} problems */
function problemList(problems) {
  if (problems.length === 0) return null;
  return element(
    "section",
    { id: "problems" },
    element("h2", {}, say("golden.problems", { count: problems.length })),
    element(
      "ul",
      {},
      ...problems.map((problem) => element("li", {}, `${problem.file}:${problem.line}: ${problem.message}`)),
    ),
  );
}
